import { describe, it } from 'vitest';
import type { searchResult } from '../../../functions/products/search';
import { searchResultsPage } from '../../../functions/products/search-views';
import { expectEscaped } from '../../support/html';

/** A search result whose every stored text is `v` (with a discount and a photo when `i` is odd). */
const result = (v: string, i: number): ReturnType<typeof searchResult> => ({
  id: `${v}${i}`,
  slug: v,
  name: v,
  category: 'craft',
  categoryName: { id: v, en: v },
  price: 315000,
  discountPrice: i % 2 ? 300000 : null,
  unit: v,
  availability: 'ready',
  sellerName: v,
  village: { code: v, name: v, slug: v, kecamatan: v },
  photo: i % 2 ? { url: `https://site.example/${v}`, width: 640, height: 480, placeholder: v } : null,
  whatsappUrl: null,
});

describe('the product search results page', () => {
  it('renders a hostile query, cursor, regency and stored product values escaped, and never throws', () => {
    for (const lang of ['id', 'en'] as const) {
      expectEscaped((v) =>
        searchResultsPage(lang, { q: v, category: v, limit: 20 }, [result(v, 0), result(v, 1)], v, v),
      );
      expectEscaped((v) => searchResultsPage(lang, { q: v, limit: 20 }, [], null));
    }
  });
});
