import * as z from 'zod';
import { WhatsApp } from '../requests/schemas';
import { VillageCode } from '../villages/schemas';
import { passwordProblems } from './password';

export const SellerId = z.string().regex(/^[0-9A-Za-z_-]{10,40}$/, 'field.invalid');
export const SellerParams = z.object({ id: SellerId });
export const VillageParams = z.object({ code: VillageCode });
export const SELLER_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;

const Text = (max: number) =>
  z.string({ error: 'field.required' }).trim().min(2, 'field.required').max(max, 'field.too_long');

export const SellerRegisterBody = z.strictObject({
  businessName: Text(120),
  ownerName: Text(120),
  whatsapp: z.string({ error: 'field.required' }).pipe(WhatsApp),
  kind: z.enum(['umkm', 'ikm'], { error: 'field.seller_kind' }),
  description: Text(1000),
  location: z.string().trim().max(200, 'field.too_long').optional(),
  password: z
    .string({ error: 'field.required' })
    .max(256, 'field.too_long')
    .refine((p) => passwordProblems(p).length === 0, 'field.password_policy'),
});
export type SellerRegisterInput = z.infer<typeof SellerRegisterBody>;

export const SellerTransitionBody = z.strictObject({
  to: z.enum(['approved', 'rejected', 'suspended'], { error: 'field.invalid' }),
  reason: z.string().trim().min(3, 'field.reason').max(500, 'field.too_long').optional(),
  version: z.number().int().positive().optional(),
});
export type SellerTransitionInput = z.infer<typeof SellerTransitionBody>;

export const SellerListQuery = z.object({
  status: z.enum(SELLER_STATUSES).optional(),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
