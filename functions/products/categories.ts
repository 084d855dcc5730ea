import { PRODUCT_CATEGORIES } from '../sites/snapshot';

export { PRODUCT_CATEGORIES };
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

/** The fixed, bilingual category list (keys on the wire). Labels are also search words. */
export const CATEGORY_LABELS: Record<ProductCategory, { id: string; en: string }> = {
  batik_textiles: { id: 'Batik & Tenun', en: 'Batik & Textiles' },
  food_drink: { id: 'Makanan & Minuman', en: 'Food & Drink' },
  coffee: { id: 'Kopi', en: 'Coffee' },
  produce: { id: 'Hasil Tani', en: 'Farm Produce' },
  crafts: { id: 'Kerajinan', en: 'Crafts' },
  services: { id: 'Jasa', en: 'Services' },
  other: { id: 'Lainnya', en: 'Other' },
};
