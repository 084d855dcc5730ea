/**
 * Products: create, edit, publish/hide/take down, and keep the two derived things in step — the
 * public listing (`visibility`) and the regency-wide search index — plus the site signal. The
 * product item is the source of truth; everything derived is rebuilt from it by any save (`saveProduct`,
 * ./save.ts, writes all of a public product's entries, in the product's own transaction).
 */
import { randomBytes } from 'node:crypto';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import type { Caller } from '../lib/auth';
import { Conflict, Forbidden, Invalid, NotFound, Unprocessable } from '../lib/errors';
import { bodyHashOf, findReplay, type Replay, replayKey, replayPut } from '../lib/idempotency';
import { log } from '../lib/log';
import { getItem, queryPage } from '../lib/table';
import { transact } from '../lib/transact';
import { Seller, type SellerItem } from '../sellers/entities';
import type { VillageItem } from '../villages/entities';
import { Product, type ProductItem, productBySeller, productByVillage } from './entities';
import { followRelist } from './photo-withhold';
import { extraTerms, isPublic, saveProduct } from './save';
import type { ProductCreateInput, ProductPatchInput } from './schemas';

export const newId = () => randomBytes(12).toString('base64url');

export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'produk'
  );
}

export async function getProduct(id: string): Promise<ProductItem> {
  const { Item } = await getItem(Product, { id }, { consistent: true });
  if (!Item) throw new NotFound('error.product_not_found');
  return Item;
}

export async function getSeller(id: string): Promise<SellerItem> {
  const { Item } = await getItem(Seller, { id }, { consistent: true });
  if (!Item) throw new NotFound('error.seller_not_found');
  return Item;
}

/** The seller behind a seller token, which must belong to `villageCode` and may still prepare drafts. */
export async function sellerOfCaller(caller: Caller | undefined, villageCode: string): Promise<SellerItem> {
  if (!caller?.seller) throw new Forbidden();
  const seller = await getSeller(caller.seller);
  if (seller.villageCode !== villageCode) throw new Forbidden();
  if (seller.status === 'rejected' || seller.status === 'suspended')
    throw new Conflict('error.seller_not_active', 'seller_not_active');
  return seller;
}

const KEY_TTL_SECONDS = 24 * 60 * 60;

/** A new draft. With an Idempotency-Key a retry answers the product the first call created. */
export async function createProduct(
  village: VillageItem,
  seller: SellerItem,
  input: ProductCreateInput,
  opts: { idempotencyKey?: string; now: Date },
): Promise<ProductItem> {
  const body = JSON.stringify(input);
  const bodyHash = bodyHashOf(body);
  const replay: Replay | undefined = opts.idempotencyKey
    ? {
        scope: `product:${seller.id}`,
        key: replayKey(opts.idempotencyKey),
        ttlSeconds: KEY_TTL_SECONDS,
        material: `${opts.idempotencyKey}\n${body}`,
      }
    : undefined;
  if (replay) {
    const previous = await findReplay<{ id: string }>(replay, bodyHash, opts.now);
    if (previous) return getProduct(previous.id);
  }
  const id = newId();
  const at = opts.now.toISOString();
  const item = {
    id,
    sellerId: seller.id,
    villageCode: village.code,
    kecamatanCode: village.kecamatanCode,
    regencyCode: village.regencyCode,
    slug: `${slugify(input.name)}-${id
      .slice(0, 6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`,
    sellerName: seller.businessName,
    sellerKind: seller.kind,
    sellerWhatsapp: seller.whatsapp,
    villageName: village.name,
    villageSlug: village.slug,
    kecamatanName: village.kecamatanName,
    name: input.name,
    description: input.description.en ? input.description : { id: input.description.id },
    category: input.category,
    price: input.price,
    ...(input.discountPrice != null ? { discountPrice: input.discountPrice } : {}),
    unit: input.unit,
    availability: input.availability,
    photos: [],
    photoRev: 0,
    status: 'draft' as const,
    visibility: 'private' as const,
    indexedTerms: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const result = await transact(
    Product.build(PutTransaction)
      .item(item)
      .options({ condition: { attr: 'id', exists: false } }),
    ...(replay ? [replayPut(replay, bodyHash, { id }, opts.now)] : []),
  );
  if (result.canceled) {
    const previous = replay && (await findReplay<{ id: string }>(replay, bodyHash, opts.now));
    if (previous) return getProduct(previous.id);
    throw new Error(`product create canceled: ${result.reasons.join(',')}`);
  }
  return item as ProductItem;
}

type Actor = { role: 'seller' | 'officer'; username: string };

/** Which status moves each side may make (the officer moderates; the seller manages its own). */
const SELLER_MOVES: Record<ProductItem['status'], ProductItem['status'][]> = {
  draft: ['published'],
  published: ['hidden', 'draft'],
  hidden: ['published', 'draft'],
  taken_down: [],
};
const OFFICER_MOVES: Record<ProductItem['status'], ProductItem['status'][]> = {
  draft: ['taken_down'],
  published: ['taken_down'],
  hidden: ['taken_down'],
  taken_down: ['hidden'],
};

/**
 * Edits fields and/or moves the status, conditioned on the version the client read. Publishing
 * needs an approved seller and at least one processed photo. Every change that alters what the
 * public sees marks the village's site out of date in the same transaction.
 */
export async function patchProduct(id: string, input: ProductPatchInput, actor: Actor, now: Date) {
  const product = await getProduct(id);
  if (input.version !== product.version) throw new Conflict('error.version_conflict', 'version_conflict');
  const seller = await getSeller(product.sellerId);
  const { version: _v, status: to, reason, ...fields } = input;
  const fieldNames = Object.keys(fields).filter((k) => (fields as Record<string, unknown>)[k] !== undefined);

  if (actor.role === 'officer' && fieldNames.length)
    throw new Invalid(fieldNames.map((f) => ({ path: f, message: 'field.officer_fields' })));
  if (actor.role === 'seller' && product.status === 'taken_down')
    throw new Conflict('error.product_taken_down', 'product_taken_down');
  if (actor.role === 'seller' && (seller.status === 'rejected' || seller.status === 'suspended'))
    throw new Conflict('error.seller_not_active', 'seller_not_active');

  let status = product.status;
  if (to && to !== product.status) {
    const moves = actor.role === 'seller' ? SELLER_MOVES : OFFICER_MOVES;
    if (!moves[product.status].includes(to))
      throw new Unprocessable('transition_not_allowed', 'error.transition_not_allowed', [
        { path: 'status', message: 'error.transition_not_allowed' },
      ]);
    if (to === 'taken_down' && !reason) throw new Invalid([{ path: 'reason', message: 'field.reason' }]);
    if (to === 'published') {
      if (seller.status !== 'approved')
        throw new Conflict('error.seller_not_approved', 'seller_not_approved');
      if (!product.photos.some((p) => p.status === 'ready'))
        throw new Unprocessable('photo_required', 'error.photo_required', [
          { path: 'photos', message: 'error.photo_required' },
        ]);
    }
    status = to;
  }
  const price = fields.price ?? product.price;
  const discount =
    fields.discountPrice === null ? undefined : (fields.discountPrice ?? product.discountPrice);
  if (discount !== undefined && discount >= price)
    throw new Invalid([{ path: 'discountPrice', message: 'field.discount' }]);

  const next: ProductItem = {
    ...product,
    ...Object.fromEntries(fieldNames.map((f) => [f, (fields as Record<string, unknown>)[f]])),
    status,
    version: product.version + 1,
    updatedAt: now.toISOString(),
  } as ProductItem;
  if (fields.discountPrice === null) delete next.discountPrice;
  if (status === 'published' && !product.publishedAt) next.publishedAt = now.toISOString();
  if (status === 'taken_down') next.reason = reason ?? product.reason;
  else if (product.status === 'taken_down') delete next.reason;
  return saveProduct(product, next, seller.status, now, `product ${to ? `→ ${status}` : 'edited'}`);
}

/**
 * After a seller's status changed: every product of the seller takes the visibility it now
 * deserves. Idempotent — repeating the seller transition repairs a run a crash cut short.
 */
export async function relistSellerProducts(
  seller: SellerItem,
  now: Date,
  opts: { continueOnError?: boolean } = {},
): Promise<{ changed: number; failed: string[] }> {
  let changed = 0;
  const failed: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: ProductItem[]; cursor: string | null } = await queryPage(
      Product,
      productBySeller,
      { sellerId: seller.id },
      { cursor },
    );
    for (const product of page.items) {
      try {
        if (await relistOne(product.id, seller, now)) changed++;
      } catch (error) {
        if (!opts.continueOnError) throw error;
        // one product's failure does not leave the others as they were
        failed.push(product.id);
        log('error', 'product.relist_failed', {
          productId: product.id,
          sellerId: seller.id,
          error: (error as Error).name,
        });
      }
    }
    cursor = page.cursor;
  } while (cursor);
  return { changed, failed };
}

/**
 * One product of a relist. The write bumps the version, so an edit that read the product before it
 * (and would write the old visibility back) fails its own version condition; a concurrent edit that
 * wins instead makes this re-read and decide again.
 */
async function relistOne(id: string, seller: SellerItem, now: Date): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await getProduct(id);
    const visible = isPublic(current, seller.status);
    if (
      (current.visibility === 'public') === visible &&
      (!visible || current.indexedTerms.length) &&
      !extraTerms(current).length
    )
      return false;
    try {
      const saved = await saveProduct(
        current,
        { ...current, version: current.version + 1, updatedAt: now.toISOString() },
        seller.status,
        now,
        `seller ${seller.status}`,
      );
      // a suspended seller's photos leave the public with its products, and come back with them
      if ((current.visibility === 'public') !== (saved.visibility === 'public'))
        await followRelist(saved, seller.status);
      return true;
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      // the seller changed again since this relist began: its own relist takes over
      if ((await getSeller(seller.id)).status !== seller.status) return false;
    }
  }
  throw new Conflict('error.conflict', 'relist_busy');
}

/** Public products of a village, optionally one category, paged. */
export async function listVillageProducts(
  villageCode: string,
  q: { category?: string; cursor?: string; limit: number },
): Promise<{ data: ProductItem[]; cursor: string | null }> {
  const { items, cursor } = await queryPage(
    Product,
    productByVillage,
    { villageCode, visibility: 'public', ...(q.category ? { category: q.category } : {}) },
    { cursor: q.cursor ?? null, limit: q.limit },
  );
  return { data: items, cursor };
}

/** Every product of a seller (its own dashboard), any status. */
export async function listSellerProducts(
  sellerId: string,
  q: { cursor?: string; limit: number },
): Promise<{ data: ProductItem[]; cursor: string | null }> {
  const { items, cursor } = await queryPage(
    Product,
    productBySeller,
    { sellerId },
    { cursor: q.cursor ?? null, limit: q.limit },
  );
  return { data: items, cursor };
}
