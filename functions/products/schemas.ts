import { PageQuery } from '../lib/paging';
import * as z from '../lib/zod';
import { VillageCode } from '../villages/schemas';
import { PRODUCT_CATEGORIES } from './categories';
import { PHOTO_MAX_BYTES, PHOTO_MIME_TYPES } from './photo-limits';

export const ProductId = z.string().check(z.regex(/^[0-9A-Za-z_-]{10,40}$/, 'field.invalid'));
export const PhotoId = z.string().check(z.regex(/^[0-9A-Za-z_-]{6,40}$/, 'field.invalid'));
export const ProductParams = z.object({ id: ProductId });
export const PhotoParams = z.object({ id: ProductId, photoId: PhotoId });
export const VillageParams = z.object({ code: VillageCode });

const Name = z
  .string({ error: 'field.required' })
  .check(z.trim(), z.minLength(2, 'field.required'), z.maxLength(120, 'field.too_long'));
const Rupiah = z
  .number({ error: 'field.required' })
  .check(z.int('field.rupiah'), z.minimum(0, 'field.rupiah'), z.maximum(1e12));
const Description = z.object({
  id: z
    .string({ error: 'field.required' })
    .check(z.trim(), z.minLength(1, 'field.required'), z.maxLength(4000, 'field.too_long')),
  en: z.optional(z.string().check(z.trim(), z.maxLength(4000, 'field.too_long'))),
});

export const Category = z.enum(PRODUCT_CATEGORIES, { error: 'field.category' });
export const Availability = z.enum(['available', 'preorder', 'out_of_stock'], { error: 'field.invalid' });

const ProductFields = {
  name: Name,
  description: Description,
  category: Category,
  price: Rupiah,
  discountPrice: z.optional(z.nullable(Rupiah)),
  unit: z
    .string({ error: 'field.required' })
    .check(z.trim(), z.minLength(1, 'field.required'), z.maxLength(40, 'field.too_long')),
  availability: Availability,
};

export const ProductCreateBody = z
  .strictObject({ ...ProductFields, availability: z._default(Availability, 'available') })
  .check(
    z.refine((p) => p.discountPrice == null || p.discountPrice < p.price, {
      path: ['discountPrice'],
      message: 'field.discount',
    }),
  );
export type ProductCreateInput = z.infer<typeof ProductCreateBody>;

/** Fields and/or a status change; `version` is the one the client read (optimistic concurrency). */
export const ProductPatchBody = z.strictObject({
  version: z.number({ error: 'field.required' }).check(z.int(), z.positive()),
  name: z.optional(Name),
  description: z.optional(Description),
  category: z.optional(Category),
  price: z.optional(Rupiah),
  discountPrice: z.optional(z.nullable(Rupiah)),
  unit: z.optional(ProductFields.unit),
  availability: z.optional(Availability),
  status: z.optional(z.enum(['draft', 'published', 'hidden', 'taken_down'], { error: 'field.invalid' })),
  reason: z.optional(
    z.string().check(z.trim(), z.minLength(3, 'field.reason'), z.maxLength(500, 'field.too_long')),
  ),
});
export type ProductPatchInput = z.infer<typeof ProductPatchBody>;

export const PhotoCreateBody = z.strictObject({
  contentType: z.enum(PHOTO_MIME_TYPES, { error: 'field.photo_content_type' }),
  size: z
    .number({ error: 'field.required' })
    .check(z.int(), z.minimum(1, 'field.invalid'), z.maximum(PHOTO_MAX_BYTES, 'field.file_too_large')),
});

export const ProductListQuery = z.object({ category: z.optional(Category), ...PageQuery });
export const SearchQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(100, 'field.too_long'))),
  category: z.optional(Category),
  ...PageQuery,
});
