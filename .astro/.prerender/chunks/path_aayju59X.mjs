// node_modules/astro/dist/core/errors/utils.js
function normalizeLF(code) {
  return code.replace(/\r\n|\r(?!\n)|\n/g, '\n');
}
// node_modules/astro/dist/core/errors/printer.js
function codeFrame(src, loc) {
  if (!loc || loc.line === void 0 || loc.column === void 0) return '';
  const lines = normalizeLF(src)
    .split('\n')
    .map((ln) => ln.replace(/\t/g, '  '));
  const visibleLines = [];
  for (let n = -2; n <= 2; n++) if (lines[loc.line + n]) visibleLines.push(loc.line + n);
  let gutterWidth = 0;
  for (const lineNo of visibleLines) {
    const w = `> ${lineNo}`;
    if (w.length > gutterWidth) gutterWidth = w.length;
  }
  let output = '';
  for (const lineNo of visibleLines) {
    const isFocusedLine = lineNo === loc.line - 1;
    output += isFocusedLine ? '> ' : '  ';
    output += `${lineNo + 1} | ${lines[lineNo]}
`;
    if (isFocusedLine)
      output += `${Array.from({ length: gutterWidth }).join(' ')}  | ${Array.from({ length: loc.column }).join(' ')}^
`;
  }
  return output;
}
// node_modules/astro/dist/core/errors/errors.js
function isAstroError(e) {
  return e != null && (e instanceof AstroError || AstroError.is(e));
}
var AstroError = class extends Error {
  loc;
  title;
  hint;
  frame;
  type = 'AstroError';
  constructor(props, options) {
    const { name, title, message, stack, location, hint, frame } = props;
    super(message, options);
    this.title = title;
    this.name = name;
    if (message) this.message = message;
    this.stack = stack ? stack : this.stack;
    this.loc = location;
    this.hint = hint;
    this.frame = frame;
  }
  setLocation(location) {
    this.loc = location;
  }
  setName(name) {
    this.name = name;
  }
  setMessage(message) {
    this.message = message;
  }
  setHint(hint) {
    this.hint = hint;
  }
  setFrame(source, location) {
    this.frame = codeFrame(source, location);
  }
  static is(err) {
    return err?.type === 'AstroError';
  }
};
// node_modules/astro/dist/core/errors/errors-data.js
var ClientAddressNotAvailable = {
  name: 'ClientAddressNotAvailable',
  title: '`Astro.clientAddress` is not available in current adapter.',
  message: (adapterName) =>
    `\`Astro.clientAddress\` is not available in the \`${adapterName}\` adapter. File an issue with the adapter to add support.`,
};
var PrerenderClientAddressNotAvailable = {
  name: 'PrerenderClientAddressNotAvailable',
  title: '`Astro.clientAddress` cannot be used inside prerendered routes.',
  message: (name) => `\`Astro.clientAddress\` cannot be used inside prerendered route ${name}.`,
};
var StaticClientAddressNotAvailable = {
  name: 'StaticClientAddressNotAvailable',
  title: '`Astro.clientAddress` is not available in prerendered pages.',
  message: '`Astro.clientAddress` is only available on pages that are server-rendered.',
  hint: 'See https://docs.astro.build/en/guides/on-demand-rendering/ for more information on how to enable SSR.',
};
var NoMatchingStaticPathFound = {
  name: 'NoMatchingStaticPathFound',
  title: 'No static path found for requested path.',
  message: (pathName) =>
    `A \`getStaticPaths()\` route pattern was matched, but no matching static path was found for requested path \`${pathName}\`.`,
  hint: (possibleRoutes) => `Possible dynamic routes being matched: ${possibleRoutes.join(', ')}.`,
};
var OnlyResponseCanBeReturned = {
  name: 'OnlyResponseCanBeReturned',
  title: 'Invalid type returned by Astro page.',
  message: (route, returnedValue) =>
    `Route \`${route ? route : ''}\` returned a \`${returnedValue}\`. Only a [Response](https://developer.mozilla.org/en-US/docs/Web/API/Response) can be returned from Astro files.`,
  hint: 'See https://docs.astro.build/en/guides/on-demand-rendering/#response for more information.',
};
var MissingMediaQueryDirective = {
  name: 'MissingMediaQueryDirective',
  title: 'Missing value for `client:media` directive.',
  message:
    'Media query not provided for `client:media` directive. A media query similar to `client:media="(max-width: 600px)"` must be provided.',
};
var NoMatchingRenderer = {
  name: 'NoMatchingRenderer',
  title: 'No matching renderer found.',
  message: (
    componentName,
    componentExtension,
    plural,
    validRenderersCount,
  ) => `Unable to render \`${componentName}\`.

${
  validRenderersCount > 0
    ? `There ${plural ? 'are' : 'is'} ${validRenderersCount} renderer${plural ? 's' : ''} configured in your \`astro.config.mjs\` file,
but ${plural ? 'none were' : 'it was not'} able to server-side render \`${componentName}\`.`
    : `No valid renderer was found ${componentExtension ? `for the \`.${componentExtension}\` file extension.` : `for this file extension.`}`
}`,
  hint: (probableRenderers) => `Did you mean to enable the ${probableRenderers} integration?

See https://docs.astro.build/en/guides/framework-components/ for more information on how to install and configure integrations.`,
};
var NoClientOnlyHint = {
  name: 'NoClientOnlyHint',
  title: 'Missing hint on client:only directive.',
  message: (componentName) =>
    `Unable to render \`${componentName}\`. When using the \`client:only\` hydration strategy, Astro needs a hint to use the correct renderer.`,
  hint: (probableRenderers) =>
    `Did you mean to pass \`client:only="${probableRenderers}"\`? See https://docs.astro.build/en/reference/directives-reference/#clientonly for more information on \`client:only\`.`,
};
var InvalidGetStaticPathsEntry = {
  name: 'InvalidGetStaticPathsEntry',
  title: "Invalid entry inside `getStaticPaths()`'s return value.",
  message: (entryType) =>
    `Invalid entry returned by \`getStaticPaths()\`. Expected an object, got \`${entryType}\`.`,
  hint: "If you're using a `.map` call, you might be looking for `.flatMap()` instead. See https://docs.astro.build/en/reference/routing-reference/#getstaticpaths for more information on `getStaticPaths()`.",
};
var InvalidGetStaticPathsReturn = {
  name: 'InvalidGetStaticPathsReturn',
  title: 'Invalid value returned by `getStaticPaths()`.',
  message: (returnType) =>
    `Invalid type returned by \`getStaticPaths()\`. Expected an \`array\`, got \`${returnType}\`.`,
  hint: 'See https://docs.astro.build/en/reference/routing-reference/#getstaticpaths for more information on `getStaticPaths()`.',
};
var GetStaticPathsExpectedParams = {
  name: 'GetStaticPathsExpectedParams',
  title: 'Missing params property on `getStaticPaths()` route.',
  message: 'Missing or empty required `params` property on `getStaticPaths()` route.',
  hint: 'See https://docs.astro.build/en/reference/routing-reference/#getstaticpaths for more information on `getStaticPaths()`.',
};
var GetStaticPathsInvalidRouteParam = {
  name: 'GetStaticPathsInvalidRouteParam',
  title: 'Invalid route parameter returned by `getStaticPaths()`.',
  message: (key, value, valueType) =>
    `Invalid \`getStaticPaths()\` route parameter for \`${key}\`. Expected a string or undefined, received \`${valueType}\` (\`${value}\`).`,
  hint: 'See https://docs.astro.build/en/reference/routing-reference/#getstaticpaths for more information on `getStaticPaths()`.',
};
var GetStaticPathsRequired = {
  name: 'GetStaticPathsRequired',
  title: '`getStaticPaths()` function required for dynamic routes.',
  message:
    '`getStaticPaths()` function is required for dynamic routes. Make sure that you `export` a `getStaticPaths()` function from your dynamic route.',
  hint: `See https://docs.astro.build/en/guides/routing/#dynamic-routes for more information on dynamic routes.

	If you meant for this route to be server-rendered, set \`export const prerender = false;\` in the page.`,
};
var ReservedSlotName = {
  name: 'ReservedSlotName',
  title: 'Invalid slot name.',
  message: (slotName) =>
    `Unable to create a slot named \`${slotName}\`. \`${slotName}\` is a reserved slot name. Please update the name of this slot.`,
};
var NoMatchingImport = {
  name: 'NoMatchingImport',
  title: 'No import found for component.',
  message: (componentName) =>
    `Could not render \`${componentName}\`. No matching import has been found for \`${componentName}\`.`,
  hint: 'Please make sure the component is properly imported.',
};
var InvalidComponentArgs = {
  name: 'InvalidComponentArgs',
  title: 'Invalid component arguments.',
  message: (name) => `Invalid arguments passed to${name ? ` <${name}>` : ''} component.`,
  hint: 'Astro components cannot be rendered directly via function call, such as `Component()` or `{items.map(Component)}`.',
};
var PageNumberParamNotFound = {
  name: 'PageNumberParamNotFound',
  title: 'Page number param not found.',
  message: (paramName) => `[paginate()] page number param \`${paramName}\` not found in your filepath.`,
  hint: 'Rename your file to `[page].astro` or `[...page].astro`.',
};
var InvalidImageService = {
  name: 'InvalidImageService',
  title: 'Error while loading image service.',
  message:
    'There was an error loading the configured image service. Please see the stack trace for more information.',
};
var MissingImageDimension = {
  name: 'MissingImageDimension',
  title: 'Missing image dimensions.',
  message: (missingDimension, imageURL) =>
    `Missing ${missingDimension === 'both' ? 'width and height attributes' : `${missingDimension} attribute`} for ${imageURL}. When using remote images, both dimensions are required in order to avoid CLS.`,
  hint: 'If your image is inside your `src` folder, you probably meant to import it instead. See [the Imports guide for more information](https://docs.astro.build/en/guides/imports/#other-assets). You can also use `inferSize={true}` for remote images to get the original dimensions.',
};
var FailedToFetchRemoteImageDimensions = {
  name: 'FailedToFetchRemoteImageDimensions',
  title: 'Failed to retrieve remote image dimensions.',
  message: (imageURL) => `Failed to get the dimensions for ${imageURL}.`,
  hint: 'Verify your remote image URL is accurate, and that you are not using `inferSize` with a file located in your `public/` folder.',
};
var RemoteImageNotAllowed = {
  name: 'RemoteImageNotAllowed',
  title: 'Remote image is not allowed.',
  message: (imageURL) => `Remote image ${imageURL} is not allowed by your image configuration.`,
  hint: 'Update `image.domains` or `image.remotePatterns`, or remove `inferSize` for this image.',
};
var UnsupportedImageFormat = {
  name: 'UnsupportedImageFormat',
  title: 'Unsupported image format.',
  message: (format, imagePath, supportedFormats) =>
    `Received unsupported format \`${format}\` from \`${imagePath}\`. Currently only ${supportedFormats.join(', ')} are supported by our image services.`,
  hint: "Using an `img` tag directly instead of the `Image` component might be what you're looking for.",
};
var UnsupportedImageConversion = {
  name: 'UnsupportedImageConversion',
  title: 'Unsupported image conversion.',
  message:
    'Converting between vector (such as SVGs) and raster (such as PNGs and JPEGs) images is not currently supported.',
};
var PrerenderDynamicEndpointPathCollide = {
  name: 'PrerenderDynamicEndpointPathCollide',
  title: 'Prerendered dynamic endpoint has path collision.',
  message: (pathname) =>
    `Could not render \`${pathname}\` with an \`undefined\` param as the generated path will collide during prerendering. Prevent passing \`undefined\` as \`params\` for the endpoint's \`getStaticPaths()\` function, or add an additional extension to the endpoint's filename.`,
  hint: (filename) => `Rename \`${filename}\` to \`${filename.replace(/\.(?:js|ts)/, (m) => `.json` + m)}\``,
};
var ExpectedImage = {
  name: 'ExpectedImage',
  title: 'Expected src to be an image.',
  message: (
    src,
    typeofOptions,
    fullOptions,
  ) => `Expected \`src\` property for \`getImage\` or \`<Image />\` to be either an ESM imported image or a string with the path of a remote image. Received \`${src}\` (type: \`${typeofOptions}\`).

Full serialized options received: \`${fullOptions}\`.`,
  hint: "This error can often happen because of a wrong path. Make sure the path to your image is correct. If you're passing an async function, make sure to call and await it.",
};
var ExpectedImageOptions = {
  name: 'ExpectedImageOptions',
  title: 'Expected image options.',
  message: (options) => `Expected \`getImage()\` parameter to be an object. Received \`${options}\`.`,
};
var ExpectedNotESMImage = {
  name: 'ExpectedNotESMImage',
  title: 'Expected image options, not an ESM-imported image.',
  message:
    'An ESM-imported image cannot be passed directly to `getImage()`. Instead, pass an object with the image in the `src` property.',
  hint: 'Try changing `getImage(myImage)` to `getImage({ src: myImage })`',
};
var IncompatibleDescriptorOptions = {
  name: 'IncompatibleDescriptorOptions',
  title: 'Cannot set both `densities` and `widths`.',
  message:
    "Only one of `densities` or `widths` can be specified. In most cases, you'll probably want to use only `widths` if you require specific widths.",
  hint: 'Those attributes are used to construct a `srcset` attribute, which cannot have both `x` and `w` descriptors.',
};
var NoImageMetadata = {
  name: 'NoImageMetadata',
  title: 'Could not process image metadata.',
  message: (imagePath) => `Could not process image metadata${imagePath ? ` for \`${imagePath}\`` : ''}.`,
  hint: 'This is often caused by a corrupted or malformed image. Re-exporting the image from your image editor may fix this issue.',
};
var ResponseSentError = {
  name: 'ResponseSentError',
  title: 'Unable to set response.',
  message: 'The response has already been sent to the browser and cannot be altered.',
};
var MiddlewareNoDataOrNextCalled = {
  name: 'MiddlewareNoDataOrNextCalled',
  title: "The middleware didn't return a `Response`.",
  message:
    'Make sure your middleware returns a `Response` object, either directly or by returning the `Response` from calling the `next` function.',
};
var MiddlewareNotAResponse = {
  name: 'MiddlewareNotAResponse',
  title: 'The middleware returned something that is not a `Response` object.',
  message: 'Any data returned from middleware must be a valid `Response` object.',
};
var EndpointDidNotReturnAResponse = {
  name: 'EndpointDidNotReturnAResponse',
  title: 'The endpoint did not return a `Response`.',
  message: 'An endpoint must return either a `Response`, or a `Promise` that resolves with a `Response`.',
};
var LocalsNotAnObject = {
  name: 'LocalsNotAnObject',
  title: 'Value assigned to `locals` is not accepted.',
  message:
    '`locals` can only be assigned to an object. Other values like numbers, strings, etc. are not accepted.',
  hint: 'If you tried to remove some information from the `locals` object, try to use `delete` or set the property to `undefined`.',
};
var LocalsReassigned = {
  name: 'LocalsReassigned',
  title: '`locals` must not be reassigned.',
  message: '`locals` cannot be assigned directly.',
  hint: 'Set a `locals` property instead.',
};
var AstroResponseHeadersReassigned = {
  name: 'AstroResponseHeadersReassigned',
  title: '`Astro.response.headers` must not be reassigned.',
  message:
    'Individual headers can be added to and removed from `Astro.response.headers`, but it must not be replaced with another instance of `Headers` altogether.',
  hint: 'Consider using `Astro.response.headers.add()`, and `Astro.response.headers.delete()`.',
};
var LocalImageUsedWrongly = {
  name: 'LocalImageUsedWrongly',
  title: 'Local images must be imported.',
  message: (imageFilePath) =>
    `\`Image\`'s and \`getImage\`'s \`src\` parameter must be an imported image or a URL, it cannot be a string filepath. Received \`${imageFilePath}\`.`,
  hint: 'If you want to use an image from your `src` folder, you need to either import it or if the image is coming from a content collection, use the [image() schema helper](https://docs.astro.build/en/guides/images/#images-in-content-collections). See https://docs.astro.build/en/reference/modules/astro-assets/#src-required for more information on the `src` property.',
};
var i18nNoLocaleFoundInPath = {
  name: 'i18nNoLocaleFoundInPath',
  title: "The path doesn't contain any locale.",
  message:
    "You tried to use an i18n utility on a path that doesn't contain any locale. You can use `pathHasLocale` first to determine if the path has a locale.",
};
var RewriteWithBodyUsed = {
  name: 'RewriteWithBodyUsed',
  title: 'Cannot use `Astro.rewrite()` after the request body has been read.',
  message:
    '`Astro.rewrite()` cannot be used if the request body has already been read. If you need to read the body, first clone the request.',
  hint: 'Read the body from `Astro.request.clone()` instead of `Astro.request`, so the original request can still be rewritten.',
};
var ForbiddenRewrite = {
  name: 'ForbiddenRewrite',
  title: 'Forbidden rewrite to a static route.',
  message: (
    from,
    to,
    component,
  ) => `You tried to rewrite the on-demand route '${from}' with the static route '${to}', when using the 'server' output. 

The static route '${to}' is rendered by the component
'${component}', which is marked as prerendered. This is a forbidden operation because during the build, the component '${component}' is compiled to an
HTML file, which can't be retrieved at runtime by Astro.`,
  hint: (component) =>
    `Add \`export const prerender = false\` to the component '${component}', or use \`Astro.redirect()\`.`,
};
var UnavailableAstroGlobal = {
  name: 'UnavailableAstroGlobal',
  title: 'Unavailable Astro global in `getStaticPaths()`.',
  message: (name) =>
    `The Astro global is not available in this scope. Please remove \`Astro.${name}\` from your \`getStaticPaths()\` function.`,
};
var NoManifestAvailable = {
  name: 'NoManifestAvailable',
  title: 'No manifest available.',
  message: '`new FetchState(request)` was called outside of an Astro server, so no manifest is available.',
  hint: 'Make sure this code runs as part of your Astro app, such as its fetch entrypoint. If this error occurred inside an Astro-built server, please open an issue at https://github.com/withastro/astro/issues.',
};
var UnknownContentCollectionError = {
  name: 'UnknownContentCollectionError',
  title: 'Unknown content collection error.',
};
var RenderUndefinedEntryError = {
  name: 'RenderUndefinedEntryError',
  title: 'Attempted to render an undefined content collection entry.',
  hint: 'Check if the entry is undefined before passing it to `render()`.',
};
var GetEntryDeprecationError = {
  name: 'GetEntryDeprecationError',
  title: 'Invalid use of `getDataEntryById` or `getEntryBySlug` function.',
  message: (collection, method) =>
    `The \`${method}\` function is deprecated and cannot be used to query the "${collection}" collection. Use \`getEntry\` instead.`,
  hint: 'See https://docs.astro.build/en/guides/upgrade-to/v6/#removed-legacy-content-collections for more information.',
};
var ActionsReturnedInvalidDataError = {
  name: 'ActionsReturnedInvalidDataError',
  title: 'Action handler returned invalid data.',
  message: (error) =>
    `Action handler returned invalid data. Handlers should return serializable data types like objects, arrays, strings, and numbers. Parse error: ${error}`,
  hint: 'See the devalue library for all supported types: https://github.com/rich-harris/devalue',
};
var ActionNotFoundError = {
  name: 'ActionNotFoundError',
  title: 'Action not found.',
  message: (actionName) =>
    `The server received a request for an action named \`${actionName}\` but could not find a match. If you renamed an action, check that you've updated your \`actions/index\` file and your calling code to match.`,
  hint: 'You can run `astro check` to detect type errors caused by mismatched action names.',
};
var CacheNotEnabled = {
  name: 'CacheNotEnabled',
  title: 'Cache is not enabled.',
  message:
    '`Astro.cache` is not available because the cache feature is not enabled. To use caching, configure a cache provider in your Astro config under `cache`.',
  hint: 'Use an adapter that provides a default cache provider, or set one explicitly: `cache: { provider: "..." }`. See https://docs.astro.build/en/guides/caching/.',
};
// node_modules/@astrojs/internal-helpers/dist/path.js
function appendForwardSlash(path) {
  return path.endsWith('/') ? path : path + '/';
}
function prependForwardSlash(path) {
  return path[0] === '/' ? path : '/' + path;
}
var MANY_LEADING_SLASHES = /^\/{2,}/;
function collapseDuplicateLeadingSlashes(path) {
  if (!path) return path;
  return path.replace(MANY_LEADING_SLASHES, '/');
}
var MANY_SLASHES = /\/{2,}/g;
function collapseDuplicateSlashes(path) {
  if (!path) return path;
  return path.replace(MANY_SLASHES, '/');
}
var MANY_TRAILING_SLASHES = /\/{2,}$/g;
function collapseDuplicateTrailingSlashes(path, trailingSlash) {
  if (!path) return path;
  return path.replace(MANY_TRAILING_SLASHES, trailingSlash ? '/' : '') || '/';
}
function removeTrailingForwardSlash(path) {
  return path.endsWith('/') ? path.slice(0, path.length - 1) : path;
}
function removeLeadingForwardSlash(path) {
  return path.startsWith('/') ? path.substring(1) : path;
}
function trimSlashes(path) {
  return path.replace(/^\/|\/$/g, '');
}
function isString(path) {
  return typeof path === 'string' || path instanceof String;
}
var INTERNAL_PREFIXES = /* @__PURE__ */ new Set(['/_', '/@', '/.', '//']);
var JUST_SLASHES = /^\/{2,}$/;
function isInternalPath(path) {
  const prefix = path.slice(0, 2).replace(/\\/g, '/');
  return INTERNAL_PREFIXES.has(prefix) && !JUST_SLASHES.test(path);
}
function joinPaths(...paths) {
  return paths
    .filter(isString)
    .map((path, i) => {
      if (i === 0) return removeTrailingForwardSlash(path);
      else if (i === paths.length - 1) return removeLeadingForwardSlash(path);
      else return trimSlashes(path);
    })
    .join('/');
}
function removeQueryString(path) {
  const index = path.lastIndexOf('?');
  return index > 0 ? path.substring(0, index) : path;
}
function isRemotePath(src) {
  if (!src) return false;
  const trimmed = src.trim();
  if (!trimmed) return false;
  let decoded = trimmed;
  let previousDecoded = '';
  let maxIterations = 10;
  while (decoded !== previousDecoded && maxIterations > 0) {
    previousDecoded = decoded;
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      break;
    }
    maxIterations--;
  }
  if (/^[a-zA-Z]:/.test(decoded)) return false;
  if (decoded[0] === '/' && /^\/[\w.@-]/.test(decoded)) return false;
  if (decoded[0] === '\\') return true;
  if (decoded.startsWith('//')) return true;
  try {
    const url = new URL(decoded, 'http://n');
    if (url.username || url.password) return true;
    if (decoded.includes('@') && !url.pathname.includes('@') && !url.search.includes('@')) return true;
    if (url.origin !== 'http://n') {
      if (url.protocol.toLowerCase() === 'file:') return false;
      return true;
    }
    if (URL.canParse(decoded)) return true;
    return false;
  } catch {
    return true;
  }
}
function slash(path) {
  return path.replace(/\\/g, '/');
}
function fileExtension(path) {
  const ext = path.split('.').pop();
  return ext !== path ? `.${ext}` : '';
}
function removeBase(path, base) {
  if (path.startsWith(base)) return path.slice(removeTrailingForwardSlash(base).length);
  return path;
}
function stripRequestBase(pathname, base) {
  pathname = collapseDuplicateLeadingSlashes(pathname);
  const baseWithoutTrailingSlash = removeTrailingForwardSlash(base);
  if (pathname === baseWithoutTrailingSlash) return '/';
  if (pathname.startsWith(baseWithoutTrailingSlash + '/'))
    return pathname.slice(baseWithoutTrailingSlash.length);
  return pathname;
}
var WITH_FILE_EXT = /\/[^/]+\.\w+$/;
function hasFileExtension(path) {
  return WITH_FILE_EXT.test(path);
}

export {
  ActionNotFoundError as v,
  ActionsReturnedInvalidDataError as y,
  AstroError as ft,
  AstroResponseHeadersReassigned as b,
  appendForwardSlash as t,
  CacheNotEnabled as x,
  ClientAddressNotAvailable as S,
  collapseDuplicateLeadingSlashes as n,
  collapseDuplicateSlashes as r,
  collapseDuplicateTrailingSlashes as i,
  EndpointDidNotReturnAResponse as C,
  ExpectedImage as w,
  ExpectedImageOptions as T,
  ExpectedNotESMImage as E,
  FailedToFetchRemoteImageDimensions as D,
  ForbiddenRewrite as O,
  fileExtension as a,
  GetEntryDeprecationError as k,
  GetStaticPathsExpectedParams as A,
  GetStaticPathsInvalidRouteParam as j,
  GetStaticPathsRequired as M,
  hasFileExtension as o,
  IncompatibleDescriptorOptions as N,
  InvalidComponentArgs as P,
  InvalidGetStaticPathsEntry as F,
  InvalidGetStaticPathsReturn as I,
  InvalidImageService as L,
  i18nNoLocaleFoundInPath as dt,
  isAstroError as pt,
  isInternalPath as s,
  isRemotePath as c,
  joinPaths as l,
  LocalImageUsedWrongly as R,
  LocalsNotAnObject as z,
  LocalsReassigned as B,
  MiddlewareNoDataOrNextCalled as V,
  MiddlewareNotAResponse as H,
  MissingImageDimension as U,
  MissingMediaQueryDirective as W,
  NoClientOnlyHint as G,
  NoImageMetadata as K,
  NoManifestAvailable as q,
  NoMatchingImport as J,
  NoMatchingRenderer as Y,
  NoMatchingStaticPathFound as X,
  OnlyResponseCanBeReturned as Z,
  PageNumberParamNotFound as Q,
  PrerenderClientAddressNotAvailable as $,
  PrerenderDynamicEndpointPathCollide as et,
  prependForwardSlash as u,
  RemoteImageNotAllowed as tt,
  RenderUndefinedEntryError as nt,
  ReservedSlotName as rt,
  ResponseSentError as it,
  RewriteWithBodyUsed as at,
  removeBase as d,
  removeLeadingForwardSlash as f,
  removeQueryString as p,
  removeTrailingForwardSlash as m,
  StaticClientAddressNotAvailable as ot,
  slash as h,
  stripRequestBase as g,
  trimSlashes as _,
  UnavailableAstroGlobal as st,
  UnknownContentCollectionError as ct,
  UnsupportedImageConversion as lt,
  UnsupportedImageFormat as ut,
};
