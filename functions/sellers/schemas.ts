import { WhatsApp } from '../lib/contact';
import { passwordProblems } from '../lib/password';
import * as z from '../lib/zod';
import { VillageCode } from '../villages/schemas';

export const SellerId = z.string().check(z.regex(/^[0-9A-Za-z_-]{10,40}$/, 'field.invalid'));
export const SellerParams = z.object({ id: SellerId });
export const VillageParams = z.object({ code: VillageCode });
export const SELLER_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;

const Text = (max: number) =>
  z
    .string({ error: 'field.required' })
    .check(z.trim(), z.minLength(2, 'field.required'), z.maxLength(max, 'field.too_long'));

export const SellerRegisterBody = z.strictObject({
  businessName: Text(120),
  ownerName: Text(120),
  whatsapp: z.pipe(z.string({ error: 'field.required' }), WhatsApp),
  kind: z.enum(['umkm', 'ikm'], { error: 'field.seller_kind' }),
  description: Text(1000),
  location: z.optional(z.string().check(z.trim(), z.maxLength(200, 'field.too_long'))),
  password: z.string({ error: 'field.required' }).check(
    z.maxLength(256, 'field.too_long'),
    z.refine((p: string) => passwordProblems(p).length === 0, 'field.password_policy'),
  ),
});
export type SellerRegisterInput = z.infer<typeof SellerRegisterBody>;

export const SellerTransitionBody = z.strictObject({
  to: z.enum(['approved', 'rejected', 'suspended'], { error: 'field.invalid' }),
  reason: z.optional(
    z.string().check(z.trim(), z.minLength(3, 'field.reason'), z.maxLength(500, 'field.too_long')),
  ),
  version: z.optional(z.number().check(z.int(), z.positive())),
});
export type SellerTransitionInput = z.infer<typeof SellerTransitionBody>;

export const SellerListQuery = z.object({
  status: z.optional(z.enum(SELLER_STATUSES)),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
});
