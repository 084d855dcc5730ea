/**
 * Saving a product (decision 0006): the item, its visibility, its entries in the regency-wide search
 * index and the site signal, in the product's own transaction. The product item is the source of
 * truth; its search entries are rebuilt from it by any save.
 */
import { ConditionCheck } from 'dynamodb-toolbox/entity/actions/transactCheck';
import { DeleteTransaction } from 'dynamodb-toolbox/entity/actions/transactDelete';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $set } from 'dynamodb-toolbox/entity/actions/update';
import { Conflict } from '../lib/errors';
import { log } from '../lib/log';
import { transact } from '../lib/transact';
import { SiteState } from '../publish/entities';
import { outOfDateState } from '../publish/signal';
import { Seller, type SellerItem } from '../sellers/entities';
import { CATEGORY_LABELS, type ProductCategory } from './categories';
import { Product, type ProductItem, SearchEntry, type SearchItem } from './entities';
import { productTerms, searchText } from './search-terms';
import { photoUrl } from './views';

export const isPublic = (p: Pick<ProductItem, 'status'>, sellerStatus: SellerItem['status']) =>
  p.status === 'published' && sellerStatus === 'approved';

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
        .item({ id: p.id, indexedTerms: $set(recorded) })
        .options({ condition: { attr: 'version', eq: p.version } }),
      ...[...chunk].map((t) => SearchEntry.build(DeleteTransaction).key(entryKey(p, t))),
    );
    if (result.canceled) throw new Conflict('error.version_conflict', 'version_conflict');
  }
  return { ...p, indexedTerms: recorded };
}

/** Entries `p` records that its recorded visibility and fields do not give it (left by a cut-short save). */
export function extraTerms(p: ProductItem): string[] {
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
