import { t as __exportAll } from './rolldown-runtime_D8jQpDG7.mjs';
import {
  t as portalEnabled,
  d as portalPages,
  n as regency,
  g as villageSitemapPath,
} from './site_D9VnhQMy.mjs';
import { t as sitemap, n as sitemapIndex } from './sitemap_BB1uJEiw.mjs';

// site/src/pages/[sitemap].xml.ts
var _sitemap__xml_exports = /* @__PURE__ */ __exportAll({
  GET: () => GET,
  getStaticPaths: () => getStaticPaths,
});
function getStaticPaths() {
  return portalEnabled()
    ? [{ params: { sitemap: 'sitemap' } }, { params: { sitemap: 'sitemap-portal' } }]
    : [];
}
var GET = async ({ params }) => {
  const r = await regency();
  const lastmod = r.generatedAt.slice(0, 10);
  if (params.sitemap === 'sitemap-portal') return sitemap(r.siteUrl, portalPages(), lastmod);
  const withSite = new Set(r.villagesWithSite);
  const slugs = r.kecamatan.flatMap((k) => k.villages.map((v) => v.slug)).filter((s) => withSite.has(s));
  return sitemapIndex(r.siteUrl, ['/sitemap-portal.xml', ...slugs.map(villageSitemapPath)], lastmod);
};
// \0virtual:astro:page:src/pages/[sitemap].xml@_@ts
var page = () => _sitemap__xml_exports;

export { page };
