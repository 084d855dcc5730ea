import * as z from 'zod';
import { PageQuery } from '../lib/paging';
import { VillageCode } from '../villages/schemas';
import { PRODUCT_CATEGORIES } from './categories';
import { PHOTO_MAX_BYTES, PHOTO_MIME_TYPES } from './photo-limits';

export const ProductId = z.string().regex(/^[0-9A-Za-z_-]{10,40}$/, 'field.invalid');
export const PhotoId = z.string().regex(/^[0-9A-Za-z_-]{6,40}$/, 'field.invalid');
export const ProductParams = z.object({ id: ProductId });
export const PhotoParams = z.object({ id: ProductId, photoId: PhotoId });
export const VillageParams = z.object({ code: VillageCode });

const Name = z.string({ error: 'field.required' }).trim().min(2, 'field.required').max(120, 'field.too_long');
const Rupiah = z.number({ error: 'field.required' }).int('field.rupiah').min(0, 'field.rupiah').max(1e12);
const Description = z.object({
  id: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(4000, 'field.too_long'),
  en: z.string().trim().max(4000, 'field.too_long').optional(),
});

export const Category = z.enum(PRODUCT_CATEGORIES, { error: 'field.category' });
export const Availability = z.enum(['available', 'preorder', 'out_of_stock'], { error: 'field.invalid' });

const ProductFields = {
  name: Name,
  description: Description,
  category: Category,
  price: Rupiah,
  discountPrice: Rupiah.nullable().optional(),
  unit: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(40, 'field.too_long'),
  availability: Availability,
};

export const ProductCreateBody = z
  .strictObject({ ...ProductFields, availability: Availability.default('available') })
  .refine((p) => p.discountPrice == null || p.discountPrice < p.price, {
    path: ['discountPrice'],
    message: 'field.discount',
  });
export type ProductCreateInput = z.infer<typeof ProductCreateBody>;

/** Fields and/or a status change; `version` is the one the client read (optimistic concurrency). */
export const ProductPatchBody = z.strictObject({
  version: z.number({ error: 'field.required' }).int().positive(),
  name: Name.optional(),
  description: Description.optional(),
  category: Category.optional(),
  price: Rupiah.optional(),
  discountPrice: Rupiah.nullable().optional(),
  unit: ProductFields.unit.optional(),
  availability: Availability.optional(),
  status: z.enum(['draft', 'published', 'hidden', 'taken_down'], { error: 'field.invalid' }).optional(),
  reason: z.string().trim().min(3, 'field.reason').max(500, 'field.too_long').optional(),
});
export type ProductPatchInput = z.infer<typeof ProductPatchBody>;

export const PhotoCreateBody = z.strictObject({
  contentType: z.enum(PHOTO_MIME_TYPES, { error: 'field.content_type' }),
  size: z
    .number({ error: 'field.required' })
    .int()
    .min(1, 'field.invalid')
    .max(PHOTO_MAX_BYTES, 'field.file_too_large'),
});

export const ProductListQuery = z.object({ category: Category.optional(), ...PageQuery });
export const SearchQuery = z.object({
  q: z.string().max(100, 'field.too_long').optional(),
  category: Category.optional(),
  ...PageQuery,
});
