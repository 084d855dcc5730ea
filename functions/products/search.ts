/**
 * Regency-wide product search: one Query on the search index (see SearchEntry in ./entities.ts),
 * never a Scan. The longest word typed is the key condition (`begins_with`, so "kop" finds "kopi");
 * the other words must each start a word of the product's text (a filter on the same Query).
 */
import { encodeCursor, keyOf, keyPrefix, queryItems, queryOf } from '../lib/table';
import { CATEGORY_LABELS, type ProductCategory } from './categories';
import { SearchEntry, type SearchItem, searchIndex } from './entities';
import { queryWords } from './search-terms';
import { whatsappOrderUrl } from './views';

export interface SearchInput {
  q?: string;
  category?: string;
  cursor?: string;
  limit: number;
}

/**
 * The one Query of a search (exported so the search benchmark sends exactly it). Without words: the
 * scope's `_all` entries. With words: `begins_with` on the first word's term — a partial sort key,
 * `search#<word>` with no `#` after it, so "kop" matches "kopi" — and a
 * `contains(text, " <word>")` filter per other word.
 */
export function searchQuery(regencyCode: string, input: SearchInput) {
  const [first, ...others] = queryWords(input.q ?? '');
  const scope = input.category ?? 'all';
  const opts = { cursor: input.cursor ?? null, limit: input.limit };
  const keyed = first
    ? queryOf(SearchEntry, searchIndex, { regencyCode, scope }, opts).query({
        partition: keyOf(searchIndex.pk, { regencyCode, scope }),
        range: { beginsWith: keyPrefix(searchIndex.sk, {}, first) },
      })
    : queryOf(SearchEntry, searchIndex, { regencyCode, scope, term: '_all' }, opts);
  if (!others.length) return keyed;
  const words = others.map((w) => ({ attr: 'text' as const, contains: ` ${w}` }));
  return keyed.options((prev) => ({
    ...prev,
    filters: { search: words.length === 1 ? (words[0] as (typeof words)[number]) : { and: words } },
  }));
}

export async function searchProducts(regencyCode: string, input: SearchInput) {
  const { items: Items, lastKey: LastEvaluatedKey } = await queryItems(
    SearchEntry,
    searchQuery(regencyCode, input),
  );
  // a prefix can match two words of one product: show it once
  //
  // Ordering and duplicates, as designed (issue 3 review): results come in sort-key order, term then
  // product id. Exact-word matches already come first: `search#kopi#<product>` sorts before
  // `search#kopiluwak#…` ('#' is below every letter and digit), so "kopi" lists the products having
  // the word "kopi" before those having only longer words that start with it. Duplicates are removed
  // within a page only: a product with two words extending the typed one ("kopi" and "kopiluwak") can
  // show again on a later page when the page boundary falls between its two entries. Removing that
  // across pages would need the entry to know its product's other indexed terms (the item's `text`
  // holds every word, but only the first MAX_TERMS are indexed, so skipping by `text` could lose a
  // product) or a cursor carrying seen ids (unbounded); neither is cheap, so a client that merges
  // pages should dedupe by `id`.
  const seen = new Set<string>();
  const items = Items.filter((e) => !seen.has(e.productId) && seen.add(e.productId)).map(searchResult);
  return { items, cursor: encodeCursor(LastEvaluatedKey) };
}

export function searchResult(e: SearchItem) {
  return {
    id: e.productId,
    slug: e.slug,
    name: e.name,
    category: e.category,
    categoryName: CATEGORY_LABELS[e.category as ProductCategory],
    price: e.price,
    discountPrice: e.discountPrice ?? null,
    unit: e.unit,
    availability: e.availability,
    sellerName: e.sellerName,
    village: { code: e.villageCode, name: e.villageName, slug: e.villageSlug, kecamatan: e.kecamatanName },
    photo: e.photo ?? null,
    /** the order link, as on the product (null for an entry indexed before entries carried the number) */
    whatsappUrl: e.sellerWhatsapp ? whatsappOrderUrl({ ...e, sellerWhatsapp: e.sellerWhatsapp }) : null,
  };
}
