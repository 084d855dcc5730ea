/**
 * The HTML answer of GET /products/search for a browser (the portal's plain GET form, JavaScript off):
 * a small, script-free results page in the visitor's language, each result linked to its product page
 * on the village's site. API clients keep getting JSON (handlers/search.ts).
 */
import { config } from '../lib/config';
import { encodePart, Page, portalMasthead, renderPage, siteUrl } from '../lib/html';
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

const siteBase = () => config().SITE_URL.replace(/\/+$/, '');

/** The product's page on its village's site, in the same language. */
export const resultUrl = (r: Pick<Result, 'slug' | 'village'>, lang: Lang) =>
  `${siteBase()}/${encodePart(r.village.slug)}/${lang === 'en' ? 'en/' : ''}produk/${encodePart(r.slug)}/`;

/** Photos are served from the site's origin: the results page may load images from there and nowhere else. */
export const searchPageCsp = () =>
  `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: ${new URL(config().SITE_URL).origin}; form-action *; base-uri 'none'; frame-ancestors 'none'`;

function Card({ r, lang }: { r: Result; lang: Lang }) {
  const s = L[lang];
  const photo = r.photo?.url ? r.photo : undefined;
  return (
    <li class="box" style="overflow:hidden">
      {photo ? (
        <img
          src={photo.url}
          alt=""
          width={photo.width}
          height={photo.height}
          loading="lazy"
          decoding="async"
          style={`width:6rem;height:auto;float:left;margin:0 .75rem .5rem 0;border-radius:.25rem${photo.placeholder ? `;background:url(${photo.placeholder}) center/cover` : ''}`}
        />
      ) : null}
      <h2 style="font-size:1.1rem;margin:0">
        <a href={resultUrl(r, lang)}>{r.name}</a>
      </h2>
      <p style="margin:.25rem 0">
        {r.discountPrice != null ? (
          <>
            <del>{rupiah(r.price)}</del> <strong>{rupiah(r.discountPrice)}</strong>
          </>
        ) : (
          <strong>{rupiah(r.price)}</strong>
        )}{' '}
        <small>
          {s.per} {r.unit}
        </small>
        <br />
        <span class="village">{s.village(r.village.name, r.village.kecamatan)}</span>
        <br />
        <small>
          {r.categoryName?.[lang] ?? ''} · {r.sellerName}
        </small>
      </p>
    </li>
  );
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
  const action = `${config().API_URL.replace(/\/+$/, '')}/products/search`;
  let next: string | undefined;
  if (cursor) {
    const params = new URLSearchParams({ lang, cursor, limit: String(query.limit) });
    if (query.q) params.set('q', query.q);
    if (query.category) params.set('category', query.category);
    next = `${action}?${params}`;
  }
  return renderPage(
    <Page
      lang={lang}
      title={query.q ? `${s.title}: ${query.q}` : s.title}
      masthead={portalMasthead(lang, regencyName)}
    >
      <p class="links">
        <a href={siteUrl(lang)}>{s.back}</a>
      </p>
      <h1>{s.title}</h1>
      <form method="get" action={action}>
        <input type="hidden" name="lang" value={lang} />
        <label for="q">{s.q}</label>
        <input id="q" name="q" type="search" maxlength={100} value={query.q ?? ''} />
        <label for="category">{s.category}</label>
        <select id="category" name="category">
          <option value="">{s.all}</option>
          {PRODUCT_CATEGORIES.map((c) => (
            <option key={c} value={c} selected={query.category === c}>
              {CATEGORY_LABELS[c][lang]}
            </option>
          ))}
        </select>
        <p>
          <button type="submit">{s.submit}</button>
        </p>
      </form>
      {items.length ? (
        <>
          <p>
            <small>{s.count(items.length, Boolean(cursor))}</small>
          </p>
          <ul class="results" style="list-style:none;padding:0">
            {items.map((r) => (
              <Card key={r.id} r={r} lang={lang} />
            ))}
          </ul>
          {next ? (
            <p>
              <a rel="next" href={next}>
                {s.next}
              </a>
            </p>
          ) : null}
        </>
      ) : (
        <p class="box" role="status">
          {s.empty}
        </p>
      )}
    </Page>,
  );
}
