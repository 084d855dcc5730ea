/**
 * Products and the regency-wide search index (decision 0006). A product is found by id
 * (`product#<id>`), by its seller (gsi1) and, when public, by its village and category (gsi3). The
 * index is one item per word of a public product, per scope (`all` and its category), in
 * `search#<regency>#<scope>`, sorted by word then product (prefix search with `begins_with`).
 */
import { Entity, type FormattedItem } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { localizedIdFirst } from '../lib/attributes';
import { type AccessPattern, indexKeys, inTable, primaryKey } from '../lib/table';

export const productBySeller = {
  index: 'gsi1',
  pk: 'seller#{sellerId}#products',
  sk: 'product#{id}',
} as const satisfies AccessPattern;
/** `visibility`: `public` only when published _and_ the seller approved (hiding is one write, not a filter) */
export const productByVillage = {
  index: 'gsi3',
  pk: 'village#{villageCode}#products#{visibility}',
  sk: 'product#{category}#{id}',
} as const satisfies AccessPattern;
export const searchIndex = {
  pk: 'search#{regencyCode}#{scope}',
  sk: 'search#{term}#{productId}',
} as const satisfies AccessPattern;
export const productKey = { pk: 'product#{id}', sk: 'product' } as const satisfies AccessPattern;

/** A product photo: uploaded, then processed into WebP variants (photos bucket keys, ascending width). */
const photo = () =>
  map({
    id: string(),
    status: string().enum('uploading', 'processing', 'ready', 'failed'),
    reason: string().optional(),
    declaredType: string(),
    declaredSize: number(),
    width: number().optional(),
    height: number().optional(),
    variants: list(map({ width: number(), height: number(), key: string() })).optional(),
    placeholder: string().optional(),
    createdAt: string(),
  });

/**
 * pk `product#<id>`, sk `product`; gsi1 `seller#<seller>#products` / `product#<id>`, gsi3
 * `village#<village>#products#<visibility>` / `product#<category>#<id>`
 */
export const Product = /* @__PURE__ */ (() => {
  const bySeller = indexKeys(productBySeller, ['id']);
  const byVillage = indexKeys(productByVillage, ['id']);
  return new Entity({
    name: 'product',
    ...inTable,
    schema: item({
      id: string().key(),
      sellerId: string(),
      villageCode: string(),
      kecamatanCode: string(),
      regencyCode: string(),
      slug: string(),
      sellerName: string(),
      sellerKind: string().enum('umkm', 'ikm'),
      sellerWhatsapp: string(),
      villageName: string(),
      villageSlug: string(),
      kecamatanName: string(),
      name: string(),
      description: localizedIdFirst(),
      category: string(),
      price: number(),
      discountPrice: number().optional(),
      unit: string(),
      availability: string().enum('available', 'preorder', 'out_of_stock'),
      photos: list(photo()).putDefault(() => []),
      photoRev: number().putDefault(0),
      status: string().enum('draft', 'published', 'hidden', 'taken_down'),
      reason: string().optional(),
      visibility: string().enum('public', 'private'),
      /** `scope|term` of every search entry that may exist (products/store.ts saveProduct) */
      indexedTerms: list(string()).putDefault(() => []),
      version: number(),
      createdAt: string(),
      updatedAt: string(),
      publishedAt: string().optional(),
      ...primaryKey(productKey),
      gsi1pk: bySeller.pk,
      gsi1sk: bySeller.sk,
      gsi3pk: byVillage.pk,
      gsi3sk: byVillage.sk,
    }),
  });
})();

/** pk `search#35.10#all` (or `#<category>`), sk `search#kopi#<productId>`: a public product under one word */
export const SearchEntry = /* @__PURE__ */ (() =>
  new Entity({
    name: 'search',
    ...inTable,
    schema: item({
      regencyCode: string().key(),
      scope: string().key(),
      term: string().key(),
      productId: string().key(),
      text: string(),
      name: string(),
      slug: string(),
      category: string(),
      price: number(),
      discountPrice: number().optional(),
      unit: string(),
      availability: string(),
      sellerName: string(),
      /** the business's WhatsApp, for the order link of a result */
      sellerWhatsapp: string().optional(),
      villageCode: string(),
      villageName: string(),
      villageSlug: string(),
      kecamatanName: string(),
      photo: map({ url: string(), width: number(), height: number(), placeholder: string() }).optional(),
      ...primaryKey(searchIndex),
    }),
  }))();

export type ProductItem = FormattedItem<typeof Product>;
export type ProductPhotoData = ProductItem['photos'][number];
export type SearchItem = FormattedItem<typeof SearchEntry>;
