/**
 * The root sitemaps, built with the portal (SITE_PORTAL):
 *   /sitemap.xml          index: the portal's sitemap and every village's /<slug>/sitemap.xml
 *   /sitemap-portal.xml   the portal pages in both languages
 * An index instead of one big sitemap: building one village rewrites only that village's sitemap.
 */
import type { APIRoute } from 'astro';
import { portalPages, villageSitemapPath } from '../lib/paths';
import { portalEnabled, regency } from '../lib/site';
import { sitemap, sitemapIndex } from '../lib/sitemap';

export function getStaticPaths() {
  return portalEnabled()
    ? [{ params: { sitemap: 'sitemap' } }, { params: { sitemap: 'sitemap-portal' } }]
    : [];
}

export const GET: APIRoute = async ({ params }) => {
  const r = await regency();
  const lastmod = r.generatedAt.slice(0, 10);
  if (params.sitemap === 'sitemap-portal') return sitemap(r.siteUrl, portalPages(), lastmod);
  const withSite = new Set(r.villagesWithSite);
  const slugs = r.kecamatan.flatMap((k) => k.villages.map((v) => v.slug)).filter((s) => withSite.has(s));
  return sitemapIndex(r.siteUrl, ['/sitemap-portal.xml', ...slugs.map(villageSitemapPath)], lastmod);
};
