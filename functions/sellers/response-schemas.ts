/**
 * What the sellers routes answer, as zod schemas for the OpenAPI document (functions/openapi): the
 * shape of `sellerView` (./store.ts). Nothing parses a response with them at run time; the type
 * check at the bottom fails the build when the view and the schema part, and
 * test/integration/openapi-responses.test.ts validates real answers against the generated document.
 */
import type { Documents, Expect } from '../lib/schema-checks';
import * as z from '../lib/zod';
import { VillageCode } from '../villages/schemas';
import { SELLER_STATUSES } from './schemas';
import type { sellerView } from './store';

const Timestamp = z.iso.datetime({ offset: true });

export const SellerHistoryEntry = z.object({
  at: Timestamp,
  actor: z
    .string()
    .check(z.describe('Who acted: the officer, or the seller (its WhatsApp number) at sign-up')),
  role: z.string(),
  from: z.nullable(z.enum(SELLER_STATUSES)),
  to: z.enum(SELLER_STATUSES),
  reason: z.optional(z.string()),
});

export const SellerOut = z
  .object({
    id: z.string(),
    villageCode: VillageCode,
    businessName: z.string(),
    ownerName: z.string(),
    whatsapp: z.string().check(z.regex(/^\+62\d{8,13}$/), z.describe('The sign-in username, +62…')),
    kind: z.enum(['umkm', 'ikm']),
    description: z.string(),
    location: z.nullable(z.string()),
    status: z.enum(SELLER_STATUSES),
    reason: z.nullable(z.string()).check(z.describe('Why the officer rejected or suspended it')),
    version: z.number().check(z.int(), z.positive()),
    history: z.array(SellerHistoryEntry),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .register(z.globalRegistry, {
    id: 'Seller',
    description: 'A seller as the village officers and the seller itself see it',
  });

export const SellerRegistration = z
  .object({ id: z.string(), status: z.enum(SELLER_STATUSES) })
  .register(z.globalRegistry, {
    id: 'SellerRegistration',
    description: 'The registration (`pending`; a retry of the same registration answers the first one)',
  });

export const SellerPage = z.object({ items: z.array(SellerOut), cursor: z.nullable(z.string()) });

// compile-time: the schema documents every field sellerView produces and no other, at least as precisely
export type ResponseSchemaChecks = [
  Expect<Documents<z.output<typeof SellerOut>, ReturnType<typeof sellerView>>>,
];
