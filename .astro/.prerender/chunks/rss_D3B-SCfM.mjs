import { t as __exportAll } from './rolldown-runtime_D8jQpDG7.mjs';
import {
  c as newsByDate,
  I as pick,
  p as rssPath,
  R as t,
  h as villagePath,
  r as villageRoutes,
  A as xml,
} from './site_D9VnhQMy.mjs';

// site/src/pages/[village]/[...lang]/berita/rss.xml.ts
var rss_xml_exports = /* @__PURE__ */ __exportAll({
  GET: () => GET,
  getStaticPaths: () => getStaticPaths,
});
var getStaticPaths = () => villageRoutes();
var GET = ({ props }) => {
  const { v, lang } = props;
  const s = t(lang);
  const origin = v.siteUrl.replace(/\/+$/, '');
  const slug = v.village.slug;
  const name = s[`name.${v.village.kind}`](v.village.name);
  const items = newsByDate(v).map((n) => {
    const link = `${origin}${villagePath(slug, lang, 'berita', n.slug)}`;
    return [
      '<item>',
      `<title>${xml(pick(lang, n.title).text)}</title>`,
      `<link>${xml(link)}</link>`,
      `<guid isPermaLink="true">${xml(link)}</guid>`,
      `<pubDate>${new Date(n.date.slice(0, 10)).toUTCString()}</pubDate>`,
      `<description>${xml(pick(lang, n.summary).text)}</description>`,
      '</item>',
    ].join('');
  });
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
    `<title>${xml(`${s['news.title']} · ${name}`)}</title>`,
    `<link>${xml(`${origin}${villagePath(slug, lang, 'berita')}`)}</link>`,
    `<atom:link href="${xml(`${origin}${rssPath(slug, lang)}`)}" rel="self" type="application/rss+xml"/>`,
    `<description>${xml(s['meta.news'](name))}</description>`,
    `<language>${lang}</language>`,
    `<lastBuildDate>${new Date(v.generatedAt).toUTCString()}</lastBuildDate>`,
    ...items,
    '</channel></rss>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};
// \0virtual:astro:page:src/pages/[village]/[...lang]/berita/rss.xml@_@ts
var page = () => rss_xml_exports;

export { page };
