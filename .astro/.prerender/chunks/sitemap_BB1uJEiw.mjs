import { A as xml } from './site_D9VnhQMy.mjs';

// site/src/lib/sitemap.ts
/** Sitemaps (urlset with hreflang alternates, and the index), written by hand. */
var XML = { headers: { 'content-type': 'application/xml; charset=utf-8' } };
function sitemap(siteUrl, pages, lastmod) {
  const origin = siteUrl.replace(/\/+$/, '');
  const url = (loc, p) =>
    [
      `<url><loc>${xml(origin + loc)}</loc>`,
      `<xhtml:link rel="alternate" hreflang="id" href="${xml(origin + p.id)}"/>`,
      `<xhtml:link rel="alternate" hreflang="en" href="${xml(origin + p.en)}"/>`,
      (p.lastmod ?? lastmod) ? `<lastmod>${p.lastmod ?? lastmod}</lastmod>` : '',
      '</url>',
    ].join('');
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...pages.flatMap((p) => [url(p.id, p), url(p.en, p)]),
    '</urlset>',
    '',
  ].join('\n');
  return new Response(body, XML);
}
function sitemapIndex(siteUrl, paths, lastmod) {
  const origin = siteUrl.replace(/\/+$/, '');
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...paths.map(
      (p) =>
        `<sitemap><loc>${xml(origin + p)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ].join('\n');
  return new Response(body, XML);
}

export { sitemap as t, sitemapIndex as n };
