/**
 * Sellers: self-registration (pending) and the village officer's moderation. The registration is
 * one transaction — the seller, the claim on its WhatsApp number (the sign-in username) and, on the
 * local runtime, the sign-in itself — so a crash leaves all or nothing and a number registers once.
 */
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { LocalUser } from '../auth/entities';
import { hashPassword } from '../auth/local-identity';
import { Conflict, Invalid, Unprocessable } from '../lib/errors';
import { queryPageWhole } from '../lib/hydrate';
import { log } from '../lib/log';
import { getItem } from '../lib/table';
import { transact } from '../lib/transact';
import { getSeller, newId, relistSellerProducts } from '../products/store';
import { SiteState } from '../publish/entities';
import { outOfDateState } from '../publish/signal';
import type { VillageItem } from '../villages/entities';
import { Seller, SellerAccount, type SellerItem, sellerByVillage } from './entities';
import { createCognitoSeller, usesCognito } from './identity';
import type { SellerRegisterInput, SellerTransitionInput } from './schemas';

export interface Registration {
  id: string;
  status: SellerItem['status'];
}

export function sellerView(s: SellerItem) {
  return {
    id: s.id,
    villageCode: s.villageCode,
    businessName: s.businessName,
    ownerName: s.ownerName,
    whatsapp: s.whatsapp,
    kind: s.kind,
    description: s.description,
    location: s.location ?? null,
    status: s.status,
    reason: s.reason ?? null,
    version: s.version,
    history: s.history,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

const sameApplication = (s: SellerItem, village: VillageItem, input: SellerRegisterInput) =>
  s.villageCode === village.code && s.businessName === input.businessName && s.ownerName === input.ownerName;

export async function registerSeller(
  village: VillageItem,
  input: SellerRegisterInput,
  now: Date,
): Promise<Registration> {
  const id = newId();
  const at = now.toISOString();
  const attributes = {
    'custom:village': village.code,
    'custom:kecamatan': village.kecamatanCode,
    'custom:regency': village.regencyCode,
    'custom:seller': id,
  };
  const local = !usesCognito();
  const passwordHash = local ? await hashPassword(input.password) : '';
  const result = await transact(
    SellerAccount.build(PutTransaction)
      .item({ whatsapp: input.whatsapp, sellerId: id })
      .options({ condition: { attr: 'whatsapp', exists: false } }),
    Seller.build(PutTransaction)
      .item({
        id,
        villageCode: village.code,
        kecamatanCode: village.kecamatanCode,
        regencyCode: village.regencyCode,
        businessName: input.businessName,
        ownerName: input.ownerName,
        whatsapp: input.whatsapp,
        kind: input.kind,
        description: input.description,
        ...(input.location ? { location: input.location } : {}),
        status: 'pending',
        version: 1,
        history: [{ at, actor: input.whatsapp, role: 'seller', from: null, to: 'pending' }],
        createdAt: at,
        updatedAt: at,
      })
      .options({ condition: { attr: 'id', exists: false } }),
    ...(local
      ? [
          LocalUser.build(PutTransaction)
            .item({ username: input.whatsapp, passwordHash, groups: ['seller'], attributes })
            .options({ condition: { attr: 'username', exists: false } }),
        ]
      : []),
  );

  if (result.canceled) {
    const { Item: claim } = await getItem(SellerAccount, { whatsapp: input.whatsapp }, { consistent: true });
    const existing = claim ? await getSeller(claim.sellerId) : undefined;
    // a retry of the same registration answers the first one; anything else is a taken number
    if (existing && sameApplication(existing, village, input)) {
      if (!local)
        await createCognitoSeller({
          username: input.whatsapp,
          password: input.password,
          attributes: { ...attributes, 'custom:seller': existing.id },
        });
      return { id: existing.id, status: existing.status };
    }
    if (claim || result.reasons[2] === 'ConditionalCheckFailed')
      throw new Conflict('error.seller_exists', 'seller_exists');
    throw new Error(`seller registration canceled: ${result.reasons.join(',')}`);
  }
  if (!local) {
    try {
      await createCognitoSeller({ username: input.whatsapp, password: input.password, attributes });
    } catch (error) {
      // no half-registered seller: undo the records, the caller may simply retry
      await transact(
        Seller.build(DeleteTransaction).key({ id }),
        SellerAccount.build(DeleteTransaction).key({ whatsapp: input.whatsapp }),
      );
      if ((error as { name?: string }).name === 'InvalidPasswordException')
        throw new Invalid([{ path: 'password', message: 'field.password_policy' }]);
      throw error;
    }
  }
  return { id, status: 'pending' };
}

const MOVES: Record<SellerItem['status'], SellerItem['status'][]> = {
  pending: ['approved', 'rejected'],
  approved: ['suspended'],
  suspended: ['approved'],
  rejected: ['approved'],
};

/**
 * The officer's decision. Rejecting and suspending need a reason. Approving or suspending changes
 * which products are public: they are relisted (and the village's site marked out of date). The same
 * transition again is accepted and repeats the relisting, so a retry repairs a run cut short. Once
 * the transition has committed, the answer is 200 with it even when the relist did not finish.
 */
export async function transitionSeller(
  id: string,
  input: SellerTransitionInput,
  actor: { username: string; role: string },
  now: Date,
): Promise<SellerItem> {
  const seller = await getSeller(id);
  if (input.version !== undefined && input.version !== seller.version)
    throw new Conflict('error.version_conflict', 'version_conflict');
  if ((input.to === 'rejected' || input.to === 'suspended') && !input.reason)
    throw new Invalid([{ path: 'reason', message: 'field.reason' }]);
  let next = seller;
  if (seller.status !== input.to) {
    if (!MOVES[seller.status].includes(input.to))
      throw new Unprocessable('transition_not_allowed', 'error.transition_not_allowed', [
        { path: 'to', message: 'error.transition_not_allowed' },
      ]);
    const at = now.toISOString();
    next = {
      ...seller,
      status: input.to,
      version: seller.version + 1,
      updatedAt: at,
      history: [
        ...seller.history,
        {
          at,
          actor: actor.username,
          role: actor.role,
          from: seller.status,
          to: input.to,
          ...(input.reason ? { reason: input.reason } : {}),
        },
      ],
    };
    if (input.reason) next.reason = input.reason;
    else delete next.reason;
    const { reason: _r, ...base } = next;
    const result = await transact(
      Seller.build(PutTransaction)
        .item(input.reason ? { ...base, reason: input.reason } : base)
        .options({ condition: { attr: 'version', eq: seller.version } }),
      SiteState.build(UpdateTransaction).item(
        outOfDateState(
          { code: seller.villageCode, regencyCode: seller.regencyCode },
          `seller ${input.to}`,
          at,
        ),
      ),
    );
    if (result.canceled) throw new Conflict('error.version_conflict', 'version_conflict');
  }
  if (next === seller) {
    // the same transition again: nothing committed here but the relist (the repair path), so its
    // failure is this request's failure
    await relistSellerProducts(next, now);
    return next;
  }
  // committed: the answer is the committed transition, whatever the relist meets. Products it could
  // not relist (a conflict with a concurrent edit that kept winning, a throttled write) are logged,
  // never a 409/500 for a decision that stands; the officer's repeating the same transition relists
  // them (idempotent), as does the seller's next change to each product.
  try {
    const { failed } = await relistSellerProducts(next, now, { continueOnError: true });
    if (failed.length)
      log('error', 'seller.relist_incomplete', { sellerId: next.id, to: next.status, failed: failed.length });
  } catch (error) {
    log('error', 'seller.relist_failed', {
      sellerId: next.id,
      to: next.status,
      error: (error as Error).name,
    });
  }
  return next;
}

export async function listVillageSellers(
  villageCode: string,
  q: { status?: SellerItem['status']; cursor?: string; limit: number },
): Promise<{ data: SellerItem[]; cursor: string | null }> {
  // gsi2 projects no owner or number (public routes read it too): the sellers whole, from the table
  const { items, cursor } = await queryPageWhole(
    Seller,
    sellerByVillage,
    { villageCode, ...(q.status ? { status: q.status } : {}) },
    { cursor: q.cursor ?? null, limit: q.limit },
  );
  return { data: items, cursor };
}
