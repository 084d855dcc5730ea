/**
 * saveProduct puts every search entry of a public product in the product's own transaction, next to
 * the product, the seller check and the site signal: that must fit DynamoDB's 100 items for any
 * product the schemas accept.
 */
import { describe, expect, it } from 'vitest';
import { PRODUCT_CATEGORIES } from '../../../functions/products/categories';
import type { ProductItem } from '../../../functions/products/entities';
import { searchEntries } from '../../../functions/products/save';
import { MAX_TERMS } from '../../../functions/products/search-terms';

/** distinct words, as many as fit `chars` characters */
const manyWords = (prefix: string, chars: number) => {
  const out: string[] = [];
  for (let i = 0; out.join(' ').length < chars - 12; i++) out.push(`${prefix}${i}`);
  return out.join(' ').slice(0, chars);
};

const product = (category: string): ProductItem =>
  ({
    id: 'abcdefghijkl',
    sellerId: 's1',
    villageCode: '35.10.24.2008',
    kecamatanCode: '35.10.24',
    regencyCode: '35.10',
    slug: 'x',
    sellerName: manyWords('penjual', 120),
    sellerKind: 'umkm',
    sellerWhatsapp: '+6281355501000',
    villageName: 'Tamansari Wetan Kulon Lor',
    villageSlug: 'tamansari-licin',
    kecamatanName: 'Licin',
    name: manyWords('nama', 120),
    description: { id: manyWords('kata', 4000), en: manyWords('word', 4000) },
    category,
    price: 1,
    unit: 'x',
    availability: 'available',
    photos: [],
    photoRev: 0,
    status: 'published',
    visibility: 'public',
    indexedTerms: [],
    version: 1,
    createdAt: '',
    updatedAt: '',
  }) as unknown as ProductItem;

describe('the search entries of one product fit its transaction', () => {
  it.each(PRODUCT_CATEGORIES)(
    'the longest product of %s: at most 2 × (MAX_TERMS + 1) distinct entries, + 3 ≤ 100',
    (category) => {
      const entries = searchEntries(product(category));
      const keys = new Set(entries.map((e) => `${e.scope}|${e.term}`));
      expect(keys.size).toBe(entries.length);
      expect(entries.length).toBe(2 * (MAX_TERMS + 1));
      expect(entries.length + 3).toBeLessThanOrEqual(100);
      // and the transaction's 4 MB: each entry carries the product's whole text
      expect(JSON.stringify(entries).length).toBeLessThan(4 * 1024 * 1024);
    },
  );
});
