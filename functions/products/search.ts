/**
 * Regency-wide product search: one Query on the search index (see SearchEntry in lib/table.ts),
 * never a Scan. The longest word typed is the key condition (`begins_with`, so "kop" finds "kopi");
 * the other words must each start a word of the product's text (a filter on the same Query).
 */
import { FAST, SearchEntry, type SearchItem } from '../lib/table';
import { CATEGORY_LABELS, type ProductCategory } from './categories';
import { queryWords } from './search-terms';

export interface SearchInput {
  q?: string;
  category?: string;
  cursor?: string;
  limit: number;
}

export async function searchProducts(regencyCode: string, input: SearchInput) {
  const [first, ...others] = queryWords(input.q ?? '');
  const scope = input.category ?? 'all';
  const keyed = first
    ? SearchEntry.query.primary({ regencyCode, scope }).begins({ term: first })
    : SearchEntry.query.primary({ regencyCode, scope, term: '_all' });
  const filtered = others.length
    ? keyed.where((attr, op) => others.map((w) => op.contains(attr.text, ` ${w}`)).join(' AND '))
    : keyed;
  const page = await filtered.go({ ...FAST, cursor: input.cursor ?? null, limit: input.limit });
  // a prefix can match two words of one product: show it once
  const seen = new Set<string>();
  const items = page.data.filter((e) => !seen.has(e.productId) && seen.add(e.productId)).map(searchResult);
  return { items, cursor: page.cursor };
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
  };
}
