// CloudFront Function (cloudfront-js-2.0), viewer request of the site distribution.
//
// 1. A village's own host name (an alias such as tamansari.desa.id) answers 301 with the same path
//    under its canonical place: https://<site domain>/<slug>/...
// 2. Directory URLs are served from index.html: /tamansari-licin/layanan/ → .../layanan/index.html.
// 3. A path without a trailing slash and without a file extension answers 301 to the same path with
//    the slash, so relative links inside the page resolve under the directory.
//
// The CONFIG line is replaced at synth time (infra/cloudfront/render.ts); keep it one line.
const CONFIG = { canonicalHost: '', aliases: {} };

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

// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls `handler`
function handler(event) {
  const request = event.request;
  const hostHeader = request.headers.host;
  const host = hostHeader ? hostHeader.value.toLowerCase() : '';
  const uri = request.uri;

  const slug = CONFIG.aliases[host];
  if (slug && CONFIG.canonicalHost && host !== CONFIG.canonicalHost) {
    const rest = uri === '/' ? '' : uri.replace(/^\/+/, '');
    return redirect(`https://${CONFIG.canonicalHost}/${slug}/${rest}${querySuffix(request.querystring)}`);
  }

  if (uri.endsWith('/')) {
    request.uri = `${uri}index.html`;
    return request;
  }
  const lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') === -1) {
    return redirect(`${uri}/${querySuffix(request.querystring)}`);
  }
  return request;
}
