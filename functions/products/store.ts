/**
 * Products: create, edit, publish/hide/take down, and keep the two derived things in step — the
 * public listing (`visibility`) and the regency-wide search index — plus the site signal. The
 * product item is the source of truth; everything derived is rebuilt from it by any save (`saveProduct`
 * writes all of a public product's entries, in the product's own transaction).
 */
import { randomBytes } from 'node:crypto';
import { ConditionCheck } from 'dynamodb-toolbox/entity/actions/transactCheck';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import type { Caller } from '../lib/auth';
import { Conflict, Forbidden, Invalid, NotFound, Unprocessable } from '../lib/errors';
import { bodyHashOf, findReplay, type Replay, replayKey, replayPut } from '../lib/idempotency';
import { log } from '../lib/log';
import { getItem, queryPage } from '../lib/table';
import { transact } from '../lib/transact';
import { whole } from '../lib/update';
import { Seller, type SellerItem } from '../sellers/entities';
import { SiteState } from '../sites/entities';
import { outOfDateState } from '../sites/signal';
import type { VillageItem } from '../villages/entities';
import { CATEGORY_LABELS, type ProductCategory } from './categories';
import {
  Product,
  type ProductItem,
  productBySeller,
  productByVillage,
  SearchEntry,
  type SearchItem,
} from './entities';
import { followRelist } from './photo-withhold';
import type { ProductCreateInput, ProductPatchInput } from './schemas';
import { productTerms, searchText } from './search-terms';
import { photoUrl } from './views';

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

export const isPublic = (p: Pick<ProductItem, 'status'>, sellerStatus: SellerItem['status']) =>
  p.status === 'published' && sellerStatus === 'approved';

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

/** DynamoDB's limit on the items of one transaction. */
const MAX_TRANSACT_ITEMS = 100;

/** Test seam: runs between the reads of a save and its conditional write (a race made deterministic). */
export const saveHooks: { beforeWrite?: (next: ProductItem) => Promise<void> } = {};

/**
 * Writes `next` over `prev` (conditioned on prev's version and photo revision), derives visibility
 * and the search index, and signals the site when the public picture changed. Making a product public
 * is also conditioned on the seller still being `approved` (a ConditionCheck in the same transaction),
 * so a seller suspended between our read and our write never gets a product republished.
 *
 * The index changes in the product's own transaction: every entry of a public product is put there
 * (at most 2 × (MAX_TERMS + 1) = 82 items, plus the product, the seller check and the site signal),
 * and so are the deletes of entries it no longer has, as many as fit. A crash or a throttle therefore
 * never leaves a public product missing from search, nor a hidden one findable, and a refused write
 * changes nothing. Only a change of most of the index at once (a new category, a renamed product with
 * a new description) can have more deletes than room: those left over stay recorded in
 * `indexedTerms` (which always lists every entry that may exist) and are deleted right after, each
 * batch in a transaction with the product's record of them (`dropExtras`). If that is cut short, the
 * product is public and findable by its current words, with some entries under its old words too
 * (still recorded): the next save deletes them with its own stale entries, a take-down or hide first
 * of all (so a hidden product is never findable), and a seller relist re-saves such a product.
 */
export async function saveProduct(
  prev: ProductItem,
  next: ProductItem,
  sellerStatus: SellerItem['status'],
  now: Date,
  why: string,
): Promise<ProductItem> {
  const visible = isPublic(next, sellerStatus);
  next.visibility = visible ? 'public' : 'private';
  const entries = visible ? searchEntries(next) : [];
  const terms = termsOf(entries);
  const publicChange = prev.visibility === 'public' || visible;
  // the product, the seller check, the site signal, and every entry: always fits (82 + 3)
  const room = MAX_TRANSACT_ITEMS - 1 - (visible ? 1 : 0) - (publicChange ? 1 : 0) - entries.length;
  if (room < 0 || terms.length !== entries.length)
    throw new Error(`product ${next.id}: ${entries.length} search entries do not fit one transaction`);
  let stale = staleTerms(prev, terms);
  if (stale.length > room) {
    // entries an earlier save left over go first (never needed by prev itself, so safe either way):
    // then going private always deletes every entry in its own transaction
    prev = await dropExtras(prev);
    stale = staleTerms(prev, terms);
  }
  const inside = stale.slice(0, room);
  const left = stale.slice(room);
  if (!visible && left.length)
    throw new Error(`product ${next.id}: ${stale.length} search entries to drop do not fit one transaction`);
  next.indexedTerms = [...terms, ...left];

  await saveHooks.beforeWrite?.(next);
  const { pk: _pk, ...rest } = next as ProductItem & { pk?: string };
  const result = await transact(
    Product.build(PutTransaction)
      .item(rest)
      .options({
        condition: {
          and: [
            { attr: 'version', eq: prev.version },
            { attr: 'photoRev', eq: prev.photoRev },
          ],
        },
      }),
    ...(visible
      ? [
          Seller.build(ConditionCheck)
            .key({ id: next.sellerId })
            .condition({ attr: 'status', eq: 'approved' }),
        ]
      : []),
    ...(publicChange
      ? [
          SiteState.build(UpdateTransaction).item(
            outOfDateState({ code: next.villageCode, regencyCode: next.regencyCode }, why, now),
          ),
        ]
      : []),
    ...entries.map((e) => SearchEntry.build(PutTransaction).item(e)),
    ...inside.map((t) => SearchEntry.build(DeleteTransaction).key(entryKey(prev, t))),
  );
  if (result.canceled) {
    if (
      visible &&
      result.reasons[1] === 'ConditionalCheckFailed' &&
      result.reasons[0] !== 'ConditionalCheckFailed'
    )
      throw new Conflict('error.seller_not_approved', 'seller_not_approved');
    throw new Conflict('error.version_conflict', 'version_conflict');
  }
  if (!left.length) return next;
  try {
    return await dropExtras(next);
  } catch (error) {
    // the save stands (the product is public and findable); the leftovers stay recorded for the next
    // save, take-down or relist
    log('error', 'product.index_cleanup_failed', { productId: next.id, error: (error as Error).name });
    return next;
  }
}

/** `scope|term` of each entry: what `indexedTerms` records. */
const termsOf = (entries: SearchItem[]) => [...new Set(entries.map((e) => `${e.scope}|${e.term}`))];

/** Recorded entries of `prev` that a product indexed under `terms` no longer has. */
function staleTerms(prev: ProductItem, terms: string[]) {
  const keep = new Set(terms);
  return prev.indexedTerms.filter((t) => !keep.has(t));
}

/**
 * Deletes the entries `p` records but does not deserve (`indexedTerms` beyond the entries of its
 * recorded visibility), each batch in one transaction with the record's update, conditioned on the
 * version: a save that came in between took them over. Idempotent.
 */
async function dropExtras(p: ProductItem): Promise<ProductItem> {
  const extra = extraTerms(p);
  let recorded = p.indexedTerms;
  for (let i = 0; i < extra.length; i += MAX_TRANSACT_ITEMS - 1) {
    const chunk = new Set(extra.slice(i, i + MAX_TRANSACT_ITEMS - 1));
    recorded = recorded.filter((t) => !chunk.has(t));
    const result = await transact(
      Product.build(UpdateTransaction)
        .item({ id: p.id, indexedTerms: whole(recorded) })
        .options({ condition: { attr: 'version', eq: p.version } }),
      ...[...chunk].map((t) => SearchEntry.build(DeleteTransaction).key(entryKey(p, t))),
    );
    if (result.canceled) throw new Conflict('error.version_conflict', 'version_conflict');
  }
  return { ...p, indexedTerms: recorded };
}

/** Entries `p` records that its recorded visibility and fields do not give it (left by a cut-short save). */
function extraTerms(p: ProductItem): string[] {
  if (!p.indexedTerms.length) return [];
  const deserved = new Set(p.visibility === 'public' ? termsOf(searchEntries(p)) : []);
  return p.indexedTerms.filter((t) => !deserved.has(t));
}

function entryKey(p: ProductItem, t: string) {
  const [scope = 'all', term = ''] = t.split('|');
  return { regencyCode: p.regencyCode, scope, term, productId: p.id };
}

/** The search items of a public product: each term, plus `_all`, in scope `all` and its category. */
export function searchEntries(p: ProductItem): SearchItem[] {
  const label = CATEGORY_LABELS[p.category as ProductCategory];
  // the key words first: a long description must not push the name, category or village out
  const key = [p.name, label?.id ?? '', label?.en ?? '', p.sellerName, p.villageName];
  const description = [p.description.id, p.description.en ?? ''];
  const terms = [...productTerms(key, description), '_all'];
  const text = searchText([...key, ...description]);
  const cover = p.photos.find((ph) => ph.status === 'ready');
  const mid = cover?.variants?.find((v) => v.width >= 320) ?? cover?.variants?.[0];
  const base = {
    regencyCode: p.regencyCode,
    productId: p.id,
    text,
    name: p.name,
    slug: p.slug,
    category: p.category,
    price: p.price,
    ...(p.discountPrice !== undefined ? { discountPrice: p.discountPrice } : {}),
    unit: p.unit,
    availability: p.availability,
    sellerName: p.sellerName,
    sellerWhatsapp: p.sellerWhatsapp,
    villageCode: p.villageCode,
    villageName: p.villageName,
    villageSlug: p.villageSlug,
    kecamatanName: p.kecamatanName,
    ...(cover && mid
      ? {
          photo: {
            url: photoUrl(mid.key),
            width: mid.width,
            height: mid.height,
            placeholder: cover.placeholder ?? '',
          },
        }
      : {}),
  };
  return ['all', p.category].flatMap((scope) => terms.map((term) => ({ ...base, scope, term })));
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
