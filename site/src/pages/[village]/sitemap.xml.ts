/**
 * One village's sitemap (/<slug>/sitemap.xml): every page in both languages with hreflang
 * alternates. Built with the village, so building one village never needs the others; the root
 * /sitemap.xml is an index of these.
 */
import type { APIRoute } from 'astro';
import type { VillageSnapshot } from '../../../../functions/sites/snapshot';
import { villagePages } from '../../lib/paths';
import { villages } from '../../lib/site';
import { sitemap } from '../../lib/sitemap';

export async function getStaticPaths() {
  return (await villages()).map((v) => ({ params: { village: v.village.slug }, props: { v } }));
}

export const GET: APIRoute = ({ props }) => {
  const { v } = props as { v: VillageSnapshot };
  return sitemap(v.siteUrl, villagePages(v), v.generatedAt.slice(0, 10));
};
