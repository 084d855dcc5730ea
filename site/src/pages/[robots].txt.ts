/**
 * /robots.txt: everything may be crawled, and crawlers are told where the sitemap index is (an
 * absolute URL, as the robots.txt standard wants). A dynamic route only so that it is built with the
 * portal alone (SITE_PORTAL), like the root sitemaps.
 */
import type { APIRoute } from 'astro';
import { portalEnabled, regency } from '../lib/site';

export function getStaticPaths() {
  return portalEnabled() ? [{ params: { robots: 'robots' } }] : [];
}

export const GET: APIRoute = async () => {
  const r = await regency();
  const origin = r.siteUrl.replace(/\/+$/, '');
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
};
