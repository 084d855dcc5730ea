// CloudFront Function (cloudfront-js-2.0), viewer request of the site distribution.
//
// 1. A village's own host name (an alias such as tamansari.desa.id) answers 301 with the same path
//    under its canonical place: https://<site domain>/<slug>/... The alias → slug map is the
//    CloudFront KeyValueStore associated with this function (key: the host in lower case, value: the
//    slug), so the function's 10 KB do not limit the number of aliases.
// 2. Directory URLs are served from index.html: /tamansari-licin/layanan/ → .../layanan/index.html.
// 3. A path without a trailing slash and without a file extension answers 301 to the same path with
//    the slash, so relative links inside the page resolve under the directory. Leading slashes and
//    backslashes fold into one first: `//evil%2ecom` must not become a redirect to `//evil.com/`
//    (a scheme-relative URL, i.e. another host, behind a link on the regency's own domain).
//
// The import must stay the first line (CloudFront's KeyValueStore helper). The CONFIG line is replaced
// at synth time (infra/cloudfront/render.ts); keep it one line.
import cf from 'cloudfront';

const CONFIG = { canonicalHost: '' };
const aliases = cf.kvs();

function querySuffix(querystring) {
  const parts = [];
  for (const key in querystring) {
    const entry = querystring[key];
    const values = entry.multiValue ? entry.multiValue : [entry];
    for (let i = 0; i < values.length; i++) {
      const value = values[i].value;
      parts.push(value === '' ? key : `${key}=${value}`);
    }
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function redirect(location) {
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: {
      location: { value: location },
      'cache-control': { value: 'public, max-age=3600' },
    },
  };
}

/** The alias host's slug, or undefined: the store answers an unknown key with an error. */
async function aliasSlug(host) {
  try {
    return await aliases.get(host);
  } catch (_error) {
    return undefined;
  }
}

// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls `handler`
async function handler(event) {
  const request = event.request;
  const hostHeader = request.headers.host;
  const host = hostHeader ? hostHeader.value.toLowerCase() : '';
  const uri = request.uri;

  // only a host other than the site's own can be an alias: the canonical host never reads the store
  if (CONFIG.canonicalHost && host && host !== CONFIG.canonicalHost) {
    const slug = await aliasSlug(host);
    if (slug) {
      const rest = uri === '/' ? '' : uri.replace(/^\/+/, '');
      return redirect(`https://${CONFIG.canonicalHost}/${slug}/${rest}${querySuffix(request.querystring)}`);
    }
  }

  if (uri.endsWith('/')) {
    request.uri = `${uri}index.html`;
    return request;
  }
  const lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') === -1) {
    return redirect(`/${uri.replace(/^[/\\]+/, '')}/${querySuffix(request.querystring)}`);
  }
  return request;
}
