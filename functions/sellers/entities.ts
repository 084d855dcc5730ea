/**
 * Sellers (UMKM/IKM businesses) and the claim on each one's WhatsApp number, its sign-in username.
 */
import { Entity, type FormattedItem } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { history } from '../lib/attributes';
import { type AccessPattern, indexKeys, inTable, primaryKey } from '../lib/table';

/** A village's sellers by status (gsi2 projects public attributes only: lists read them whole, hydrate.ts). */
export const sellerByVillage = {
  index: 'gsi2',
  pk: 'village#{villageCode}#sellers',
  sk: 'seller#{status}#{id}',
} as const satisfies AccessPattern;
export const sellerKey = { pk: 'seller#{id}', sk: 'seller' } as const satisfies AccessPattern;
export const sellerAccountKey = {
  pk: 'selleraccount#{whatsapp}',
  sk: 'selleraccount',
} as const satisfies AccessPattern;

/** pk `seller#<id>`, sk `seller`; gsi2 `village#<village>#sellers` / `seller#<status>#<id>` */
export const Seller = /* @__PURE__ */ (() => {
  const byVillage = indexKeys(sellerByVillage, ['id']);
  return new Entity({
    name: 'seller',
    ...inTable,
    schema: item({
      id: string().key(),
      villageCode: string(),
      kecamatanCode: string(),
      regencyCode: string(),
      businessName: string(),
      ownerName: string(),
      whatsapp: string(),
      kind: string().enum('umkm', 'ikm'),
      description: string(),
      location: string().optional(),
      status: string().enum('pending', 'approved', 'rejected', 'suspended'),
      reason: string().optional(),
      version: number(),
      history: history(),
      createdAt: string(),
      updatedAt: string(),
      ...primaryKey(sellerKey),
      gsi2pk: byVillage.pk,
      gsi2sk: byVillage.sk,
    }),
  });
})();

/** pk `selleraccount#<whatsapp>`, sk `selleraccount`: a number registers one seller */
export const SellerAccount = /* @__PURE__ */ (() =>
  new Entity({
    name: 'selleraccount',
    ...inTable,
    schema: item({
      whatsapp: string().key(),
      sellerId: string(),
      ...primaryKey(sellerAccountKey),
    }),
  }))();

export type SellerItem = FormattedItem<typeof Seller>;
