/**
 * The HTML answer of GET /products/search for a browser (the portal's plain GET form, JavaScript off):
 * a small, script-free results page in the visitor's language, each result linked to its product page
 * on the village's site. API clients keep getting JSON (handlers/search.ts).
 */
import { config } from '../lib/config';
import { esc, page, portalMasthead, siteUrl } from '../lib/html';
import type { Lang } from '../lib/i18n';
import { rupiah } from '../lib/rupiah';
import { CATEGORY_LABELS, PRODUCT_CATEGORIES } from './categories';
import type { searchResult } from './search';

type Result = ReturnType<typeof searchResult>;

const L = {
  id: {
    title: 'Cari produk desa',
    q: 'Kata kunci',
    category: 'Kategori',
    all: 'Semua kategori',
    submit: 'Cari',
    empty: 'Tidak ada produk yang cocok.',
    count: (n: number, more: boolean) => `${n}${more ? '+' : ''} produk ditemukan`,
    next: 'Hasil berikutnya',
    back: 'Kembali ke portal',
    village: (name: string, kecamatan?: string) => (kecamatan ? `${name}, Kecamatan ${kecamatan}` : name),
    per: 'per',
  },
  en: {
    title: 'Search village products',
    q: 'Keywords',
    category: 'Category',
    all: 'All categories',
    submit: 'Search',
    empty: 'No matching products.',
    count: (n: number, more: boolean) =>
      `${n}${more ? '+' : ''} ${n === 1 && !more ? 'product' : 'products'} found`,
    next: 'More results',
    back: 'Back to the portal',
    village: (name: string, kecamatan?: string) => (kecamatan ? `${name}, ${kecamatan} district` : name),
    per: 'per',
  },
} as const;

const siteBase = () => config.SITE_URL.replace(/\/+$/, '');

/** The product's page on its village's site, in the same language. */
export const resultUrl = (r: Pick<Result, 'slug' | 'village'>, lang: Lang) =>
  `${siteBase()}/${encodeURIComponent(r.village.slug)}/${lang === 'en' ? 'en/' : ''}produk/${encodeURIComponent(r.slug)}/`;

/** Photos are served from the site's origin: the results page may load images from there and nowhere else. */
export const searchPageCsp = () =>
  `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: ${new URL(config.SITE_URL).origin}; form-action *; base-uri 'none'; frame-ancestors 'none'`;

function card(r: Result, lang: Lang): string {
  const s = L[lang];
  const price =
    r.discountPrice != null
      ? `<del>${rupiah(r.price)}</del> <strong>${rupiah(r.discountPrice)}</strong>`
      : `<strong>${rupiah(r.price)}</strong>`;
  const img = r.photo?.url
    ? `<img src="${esc(r.photo.url)}" alt="" width="${esc(r.photo.width)}" height="${esc(r.photo.height)}" loading="lazy" decoding="async" style="width:6rem;height:auto;float:left;margin:0 .75rem .5rem 0;border-radius:.25rem${r.photo.placeholder ? `;background:url(${esc(r.photo.placeholder)}) center/cover` : ''}">`
    : '';
  return `<li class="box" style="overflow:hidden">${img}<h2 style="font-size:1.1rem;margin:0"><a href="${esc(resultUrl(r, lang))}">${esc(r.name)}</a></h2>
<p style="margin:.25rem 0">${price} <small>${s.per} ${esc(r.unit)}</small><br><span class="village">${esc(s.village(r.village.name, r.village.kecamatan))}</span><br><small>${esc(r.categoryName?.[lang] ?? '')} · ${esc(r.sellerName)}</small></p></li>`;
}

export function searchResultsPage(
  lang: Lang,
  query: { q?: string; category?: string; limit: number },
  items: Result[],
  cursor: string | null,
  /** the portal's header names the regency, as the portal does */
  regencyName?: string,
): string {
  const s = L[lang];
  const action = `${config.API_URL.replace(/\/+$/, '')}/products/search`;
  const options = PRODUCT_CATEGORIES.map(
    (c) =>
      `<option value="${c}"${query.category === c ? ' selected' : ''}>${esc(CATEGORY_LABELS[c][lang])}</option>`,
  ).join('');
  const form = `<form method="get" action="${esc(action)}"><input type="hidden" name="lang" value="${lang}">
<label for="q">${s.q}</label><input id="q" name="q" type="search" maxlength="100" value="${esc(query.q ?? '')}">
<label for="category">${s.category}</label><select id="category" name="category"><option value="">${s.all}</option>${options}</select>
<p><button type="submit">${s.submit}</button></p></form>`;
  let next = '';
  if (cursor) {
    const params = new URLSearchParams({ lang, cursor, limit: String(query.limit) });
    if (query.q) params.set('q', query.q);
    if (query.category) params.set('category', query.category);
    next = `<p><a rel="next" href="${esc(`${action}?${params}`)}">${s.next}</a></p>`;
  }
  const results = items.length
    ? `<p><small>${s.count(items.length, Boolean(cursor))}</small></p><ul class="results" style="list-style:none;padding:0">${items.map((r) => card(r, lang)).join('')}</ul>${next}`
    : `<p class="box" role="status">${s.empty}</p>`;
  return page(
    lang,
    query.q ? `${s.title}: ${query.q}` : s.title,
    `<p class="links"><a href="${esc(siteUrl(lang))}">${s.back}</a></p><h1>${s.title}</h1>${form}${results}`,
    portalMasthead(lang, regencyName),
  );
}
