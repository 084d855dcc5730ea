/** The product categories (keys on the wire). Also the site snapshot's (functions/sites/snapshot.ts). */
export const PRODUCT_CATEGORIES = [
  'batik_textiles',
  'food_drink',
  'coffee',
  'produce',
  'crafts',
  'services',
  'other',
] as const;
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
