/**
 * What the products routes answer, as zod schemas for the OpenAPI document (functions/openapi). They
 * restate the shapes ./views.ts and ./search.ts produce; nothing parses a response with them at run
 * time. The type checks at the bottom fail the build when a view gains, loses or retypes a field the
 * schema does not, and test/integration/openapi-responses.test.ts validates real answers against the
 * generated document.
 */
import type { Documents, Expect } from '../lib/schema-checks';
import * as z from '../lib/zod';
import { VillageCode } from '../villages/schemas';
import { PRODUCT_CATEGORIES } from './categories';
import type { PhotoRejectionReason } from './photos';
import type { searchResult } from './search';
import type { ownerProduct, publicProduct } from './views';

const Timestamp = z.iso.datetime({ offset: true });
const Rupiah = z.number().check(z.int(), z.minimum(0));
const Px = z.number().check(z.int(), z.minimum(0));
const Bilingual = z.object({ id: z.string(), en: z.string() });

/** Why processing refused a photo (photos.ts), or `unknown`; documented, not enumerated, so a new reason is no breaking change. */
export const PHOTO_FAILURE_REASONS = [
  'too_large',
  'unsupported_type',
  'corrupt',
  'too_small_dimensions',
  'too_many_pixels',
] as const;

/** The village a product belongs to: every public product and search result names it. */
export const ProductVillage = z
  .object({
    code: VillageCode,
    name: z.string(),
    slug: z.string(),
    kecamatan: z.string().check(z.describe('Name of the kecamatan')),
  })
  .register(z.globalRegistry, { id: 'ProductVillage', description: 'The village the product is from' });

const Variant = z.object({
  width: Px,
  height: Px,
  url: z.url().check(z.describe('Public WebP image (CloudFront on AWS, the site server locally)')),
});

const readyFields = {
  id: z.string(),
  width: Px.check(z.describe('Width of the processed image (after auto-rotation)')),
  height: Px,
  variants: z
    .array(Variant)
    .check(z.describe('WebP variants, ascending width (320, 640, 1280 px; narrower images get fewer)')),
  placeholder: z.string().check(z.describe('Tiny blurred preview as a data: URL')),
};

/** A processed photo as the public sees it (only ready photos are public). */
export const ReadyPhoto = z
  .object(readyFields)
  .register(z.globalRegistry, { id: 'ReadyPhoto', description: 'A processed photo and its variants' });

/** A photo in any state, as the seller and the village officers see it. */
export const OwnerPhoto = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('ready'), ...readyFields }),
    z.object({
      id: z.string(),
      status: z.literal('processing'),
    }),
    z.object({
      id: z.string(),
      status: z.literal('failed'),
      reason: z
        .string()
        .check(z.describe(`Why it was refused: ${PHOTO_FAILURE_REASONS.join(', ')} (or unknown)`)),
    }),
  ])
  .register(z.globalRegistry, {
    id: 'ProductPhoto',
    description:
      '`processing` (slot created, upload awaited or being processed), `ready` (with variant URLs) or `failed` (with the reason; the file was deleted)',
  });

const productFields = {
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.object({ id: z.string(), en: z.optional(z.string()) }),
  category: z.enum(PRODUCT_CATEGORIES),
  categoryName: Bilingual,
  price: Rupiah.check(z.describe('Price in rupiah')),
  discountPrice: z.nullable(Rupiah),
  unit: z.string(),
  availability: z.enum(['available', 'preorder', 'out_of_stock']),
  status: z.enum(['draft', 'published', 'hidden', 'taken_down']),
  village: ProductVillage,
  seller: z.object({ id: z.string(), businessName: z.string(), kind: z.enum(['umkm', 'ikm']) }),
  whatsappUrl: z
    .url()
    .check(
      z.regex(/^https:\/\/wa\.me\/\d+\?text=/),
      z.describe(
        "Order link: wa.me to the seller's WhatsApp with a prefilled Indonesian message naming the product, its price and the village",
      ),
    ),
  url: z.url().check(z.describe("The product's page on the village website")),
  publishedAt: z.nullable(Timestamp),
  updatedAt: Timestamp,
};

export const PublicProduct = z
  .object({ ...productFields, photos: z.array(ReadyPhoto) })
  .register(z.globalRegistry, { id: 'Product', description: 'A product as the public sees it' });

export const OwnerProduct = z
  .object({
    ...productFields,
    photos: z.array(OwnerPhoto),
    reason: z.nullable(z.string()).check(z.describe('Why the officer took it down')),
    visibility: z.enum(['public', 'private']),
    version: z
      .number()
      .check(z.int(), z.positive(), z.describe('Send it back in PATCH (optimistic concurrency)')),
    createdAt: Timestamp,
  })
  .register(z.globalRegistry, {
    id: 'OwnerProduct',
    description: 'A product as its seller and the village officers see it: every photo in any state',
  });

/** GET /products/{id}: the owner view for its seller and officers, the public view for anyone else. */
export const ProductAnyView = z.union([OwnerProduct, PublicProduct]);

export const SearchResult = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    category: z.enum(PRODUCT_CATEGORIES),
    categoryName: Bilingual,
    price: Rupiah,
    discountPrice: z.nullable(Rupiah),
    unit: z.string(),
    availability: z.enum(['available', 'preorder', 'out_of_stock']),
    sellerName: z.string(),
    village: ProductVillage,
    photo: z.nullable(z.object({ url: z.url(), width: Px, height: Px, placeholder: z.string() })),
    whatsappUrl: z.nullable(
      z
        .url()
        .check(
          z.regex(/^https:\/\/wa\.me\/\d+\?text=/),
          z.describe(
            'Order link (as on the product); null for a hit indexed before links were kept in the index',
          ),
        ),
    ),
  })
  .register(z.globalRegistry, {
    id: 'SearchResult',
    description: 'A regency-wide search hit; it names its village',
  });

const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    cursor: z.nullable(z.string().check(z.describe('Pass as ?cursor= for the next page; null on the last'))),
  });

export const PublicProductPage = pageOf(PublicProduct);
export const OwnerProductPage = pageOf(OwnerProduct);
export const SearchPage = pageOf(SearchResult);

// compile-time: each schema documents every field its view produces and no other, with types at
// least as precise as the view's (enums where the view says string); nested shapes are checked by the
// integration test against real answers
export type ResponseSchemaChecks = [
  Expect<Documents<z.output<typeof PublicProduct>, ReturnType<typeof publicProduct>>>,
  Expect<Documents<z.output<typeof OwnerProduct>, ReturnType<typeof ownerProduct>>>,
  Expect<Documents<z.output<typeof SearchResult>, ReturnType<typeof searchResult>>>,
  Expect<Documents<{ [K in PhotoRejectionReason]: 1 }, { [K in (typeof PHOTO_FAILURE_REASONS)[number]]: 1 }>>,
];
