import { t as __exportAll } from './rolldown-runtime_D8jQpDG7.mjs';
import { m as villagePages, i as villages } from './site_D9VnhQMy.mjs';
import { t as sitemap } from './sitemap_BB1uJEiw.mjs';

// site/src/pages/[village]/sitemap.xml.ts
var sitemap_xml_exports = /* @__PURE__ */ __exportAll({
  GET: () => GET,
  getStaticPaths: () => getStaticPaths,
});
async function getStaticPaths() {
  return (await villages()).map((v) => ({
    params: { village: v.village.slug },
    props: { v },
  }));
}
var GET = ({ props }) => {
  const { v } = props;
  return sitemap(v.siteUrl, villagePages(v), v.generatedAt.slice(0, 10));
};
// \0virtual:astro:page:src/pages/[village]/sitemap.xml@_@ts
var page = () => sitemap_xml_exports;

export { page };
