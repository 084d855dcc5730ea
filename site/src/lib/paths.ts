/**
 * Every URL of the sites, in one place: the routes' getStaticPaths, the navigation, the language
 * switch, the sitemaps and the build's page count all use these, so they cannot disagree.
 * Pure TypeScript (no astro: imports): site/build.ts uses it outside Astro.
 *
 *   /<slug>/                     home            /<slug>/en/…  the same in English
 *   /<slug>/layanan/             services        /<slug>/layanan/<code>/        one service + request form
 *   /<slug>/lacak/               tracking form
 *   /<slug>/produk/              products        /<slug>/produk/kategori/<cat>/ one category
 *   /<slug>/produk/<slug>/       one product
 *   /<slug>/berita/              news            /<slug>/berita/<slug>/         one article
 *   /<slug>/berita/rss.xml       RSS per language
 *   /<slug>/apbdes/              village budget
 *   /<slug>/sitemap.xml          the village's sitemap (both languages)
 *   /  /en/  /cari/  /en/cari/   regency portal; /sitemap.xml (index), /sitemap-portal.xml, /robots.txt,
 *                                /404.html; /<slug>/404.html a village's own not-found page
 */
import type { VillageSnapshot } from '../../../functions/sites/snapshot';
import { LANGS, type Lang } from '../i18n';

type Category = VillageSnapshot['products'][number]['category'];

/** `/tamansari-licin/en/layanan/sku/` */
export function villagePath(slug: string, lang: Lang, ...segments: string[]): string {
  return `/${[slug, ...(lang === 'en' ? ['en'] : []), ...segments].join('/')}/`;
}

/** `/`, `/en/`, `/cari/`, `/en/cari/` */
export function portalPath(lang: Lang, ...segments: string[]): string {
  const parts = [...(lang === 'en' ? ['en'] : []), ...segments];
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/** URL segment of a product category: batik_textiles → batik-textiles */
export const categorySegment = (c: Category): string => c.replaceAll('_', '-');

/** The categories that have products in this village, in the contract's order. */
export function categoriesOf(v: VillageSnapshot): Category[] {
  const present = new Set(v.products.map((p) => p.category));
  return (
    ['batik_textiles', 'food_drink', 'coffee', 'produce', 'crafts', 'services', 'other'] as const
  ).filter((c) => present.has(c));
}

export const rssPath = (slug: string, lang: Lang): string => `${villagePath(slug, lang, 'berita')}rss.xml`;
export const villageSitemapPath = (slug: string): string => `/${slug}/sitemap.xml`;

/** One HTML page of a village in both languages (the sitemap lists both as alternates). */
export interface PagePair {
  id: string;
  en: string;
  /** ISO date of the last change, when the snapshot knows it */
  lastmod?: string;
}

/** Only a desa has an APBDes: a kelurahan's budget is part of the regency's APBD (no page, no menu item). */
export const hasApbdes = (v: VillageSnapshot): boolean => v.village.kind === 'desa';

/** Every HTML page of a village, as id/en pairs. */
export function villagePages(v: VillageSnapshot): PagePair[] {
  const slug = v.village.slug;
  const pair = (segments: string[], lastmod?: string): PagePair => ({
    id: villagePath(slug, 'id', ...segments),
    en: villagePath(slug, 'en', ...segments),
    ...(lastmod ? { lastmod } : {}),
  });
  return [
    pair([]),
    pair(['layanan']),
    ...v.services.map((s) => pair(['layanan', s.code])),
    pair(['lacak']),
    pair(['produk']),
    ...categoriesOf(v).map((c) => pair(['produk', 'kategori', categorySegment(c)])),
    ...v.products.map((p) => pair(['produk', p.slug], p.updatedAt.slice(0, 10))),
    pair(['berita']),
    ...v.news.map((n) => pair(['berita', n.slug], n.date.slice(0, 10))),
    ...(hasApbdes(v) ? [pair(['apbdes'])] : []),
  ];
}

/**
 * Files Astro writes for one village: every page in both languages, an RSS feed per language, the
 * sitemap and the village's bilingual 404.html.
 */
export const villageFileCount = (v: VillageSnapshot): number =>
  villagePages(v).length * LANGS.length + LANGS.length + 1 + 1;

/** The portal's HTML pages as id/en pairs */
export const portalPages = (): PagePair[] => [
  { id: portalPath('id'), en: portalPath('en') },
  { id: portalPath('id', 'cari'), en: portalPath('en', 'cari') },
];

/**
 * Files of the portal: its pages, /sitemap.xml, /sitemap-portal.xml, /robots.txt and /404.html.
 * (Astro renders /404.html in every build; a build without the portal does not publish it, nor count it.)
 */
export const portalFileCount = (portal: boolean): number =>
  portal ? portalPages().length * LANGS.length + 3 + 1 : 0;

/** The same page in the other language: /x/… ↔ /x/en/… for villages, /… ↔ /en/… for the portal. */
export function otherLanguagePath(path: string, lang: Lang, village?: string): string {
  if (village) {
    const rest = path.slice(`/${village}/`.length).replace(/^en\//, '');
    return `/${village}/${lang === 'id' ? 'en/' : ''}${rest}`;
  }
  const rest = path.replace(/^\/(en\/)?/, '');
  return `/${lang === 'id' ? 'en/' : ''}${rest}`;
}

/** Featured products on the home page: up to four, in stock first, then pre-order, then the rest. */
export function featuredProducts(v: VillageSnapshot, n = 4): VillageSnapshot['products'] {
  const rank = { available: 0, preorder: 1, out_of_stock: 2 } as const;
  return [...v.products].sort((a, b) => rank[a.availability] - rank[b.availability]).slice(0, n);
}

/** The most requested services first (ties keep the catalogue's order). */
export function popularServices(v: VillageSnapshot, n = 4): VillageSnapshot['services'] {
  return [...v.services].sort((a, b) => b.popularity - a.popularity).slice(0, n);
}

/** Articles newest first. */
export function newsByDate(v: VillageSnapshot): VillageSnapshot['news'] {
  return [...v.news].sort((a, b) => b.date.localeCompare(a.date));
}
