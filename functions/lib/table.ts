/**
 * The single table, on dynamodb-toolbox v2 (tree-shakeable: a function's bundle carries only the
 * entities and actions it uses). Every entity of the platform lives here; stored attribute names stay
 * generic (pk/sk, gsi1pk/gsi1sk … gsi4pk/gsi4sk, expiresAt for TTL) so new access patterns reuse
 * indexes. The physical design (key schema, indexes, TTL) is `infra/table-design.ts`, shared by CDK
 * and the local runtime. Every access is a key lookup or a Query: nothing here, or anywhere, scans.
 *
 * Items are stored exactly as ElectroDB 3.9.3 stored them before the move (keys from `keys.ts`,
 * ElectroDB's `__edb_e__`/`__edb_v__` kept), so tables written before it stay readable without a
 * migration: `test/unit/lib/toolbox-items.test.ts` holds every entity to a recording of ElectroDB's items.
 */
import { GetCommand, type QueryCommandInput, QueryCommand as QueryItemsCommand } from '@aws-sdk/lib-dynamodb';
import { Entity, type FormattedItem, type KeyInputItem } from 'dynamodb-toolbox/entity';
import type { Condition } from 'dynamodb-toolbox/entity/actions/parseCondition';
import { any } from 'dynamodb-toolbox/schema/any';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { Table } from 'dynamodb-toolbox/table';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { STATUSES } from '../requests/domain/transitions';
import { documentClient } from './aws';
import { config } from './config';
import { type KeyValues, partitionKey, sortKey } from './keys';

export type Localized = { id: string; en: string };
export type OfficeHoursData = {
  timeZone: string;
  days: Record<string, { open: string; close: string } | null>;
};
export type HistoryEntry = {
  at: string;
  actor: string;
  role: string;
  from: string | null;
  to: string;
  reason?: string;
};
/** A document requirement of a request; `required: false` = optional (absent on items written before: required). */
export type RequestDocumentRef = { code: string; name: Localized; accept: string[]; required?: boolean };
export type ProductPhotoData = {
  id: string;
  status: 'uploading' | 'processing' | 'ready' | 'failed';
  reason?: string;
  declaredType: string;
  declaredSize: number;
  width?: number;
  height?: number;
  /** keys in the photos bucket, ascending width */
  variants?: { width: number; height: number; key: string }[];
  placeholder?: string;
  createdAt: string;
};
export type SearchPhoto = { url: string; width: number; height: number; placeholder: string };
export type BudgetSector = { code: string; name: Localized; budget: number; realisation: number };

const gsi = (n: number) =>
  ({
    type: 'global',
    partitionKey: { name: `gsi${n}pk`, type: 'string' },
    sortKey: { name: `gsi${n}sk`, type: 'string' },
  }) as const;

export const table = /* @__PURE__ */ (() => {
  const table = new Table({
    name: () => config().TABLE_NAME,
    partitionKey: { name: 'pk', type: 'string' },
    sortKey: { name: 'sk', type: 'string' },
    indexes: { gsi1: gsi(1), gsi2: gsi(2), gsi3: gsi(3), gsi4: gsi(4) },
  });
  // the client is made on first use (lib/aws.ts), when a command asks the table for it
  table.getDocumentClient = documentClient;
  return table;
})();

/** ElectroDB's ownership attributes: items keep the shape they had before the move to toolbox. */
const owner = (entity: string, version = '1') => ({
  __edb_e__: string().const(entity).putDefault(entity).updateDefault(entity).hidden(),
  __edb_v__: string().const(version).putDefault(version).updateDefault(version).hidden(),
});

/** Primary key of an entity: `computeKey` over its key attributes. */
const primary =
  (entity: string, pk: readonly string[], sk: readonly string[] = []) =>
  (key: KeyValues) => ({ pk: partitionKey(pk, key), sk: sortKey(entity, '1', sk, key) });

/**
 * One index's two stored key attributes. On puts they are computed from the item; on updates they are
 * recomputed when the update sets a composite attribute that is not part of the primary key — and
 * then every composite must be given (ElectroDB's rule: an index key is never half-updated).
 */
function indexKeys({ entity, pk, sk }: IndexSpec, primaryAttrs: readonly string[]) {
  const all = [...pk, ...sk];
  const onUpdate = (make: (v: KeyValues) => string) => (input: unknown) => {
    const v = (input ?? {}) as KeyValues;
    const touched = all.some((a) => !primaryAttrs.includes(a) && v[a] !== undefined);
    if (!touched) return undefined;
    const missing = all.filter((a) => v[a] === undefined);
    if (missing.length)
      throw new Error(`${entity}: update must give ${missing.join(', ')} with ${all.join(', ')}`);
    return make(v);
  };
  const pkOf = (v: unknown) => partitionKey(pk, v as KeyValues);
  const skOf = (v: unknown) => sortKey(entity, '1', sk, v as KeyValues);
  return {
    pk: string().hidden().putLink(pkOf).updateLink(onUpdate(pkOf)),
    sk: string().hidden().putLink(skOf).updateLink(onUpdate(skOf)),
  };
}

const cast = <T>() => any().castAs<T>();

/** Every entity: in the one table, no toolbox entity or timestamp attributes (items keep their shape). */
const stored = /* @__PURE__ */ (() => ({ table, entityAttribute: false, timestamps: false }) as const)();

export type GsiName = 'gsi1' | 'gsi2' | 'gsi3' | 'gsi4';
/** An access pattern: the index (none = the table's primary key), its entity and composite attributes. */
export interface IndexSpec {
  entity: string;
  index?: GsiName;
  pk: readonly string[];
  sk: readonly string[];
}

/**
 * Every access pattern of the table. Entities derive their stored index keys from these, and
 * `queryPage` builds its key conditions from them — always with the entity's sort-key prefix, so a
 * query never returns another entity's items (several share `gsi1pk = $smartkampung#regencycode_…`).
 */
export const indexes = {
  kecamatanByRegency: { entity: 'kecamatan', index: 'gsi1', pk: ['regencyCode'], sk: ['code'] },
  villageByRegency: { entity: 'village', index: 'gsi1', pk: ['regencyCode'], sk: ['kecamatanCode', 'code'] },
  villageBySlug: { entity: 'village', index: 'gsi2', pk: ['slug'], sk: [] },
  catalogue: { entity: 'catalogue', pk: ['scope'], sk: ['code'] },
  requestByVillage: { entity: 'request', index: 'gsi2', pk: ['villageCode'], sk: ['queueSort', 'id'] },
  requestByVillageStatus: {
    entity: 'request',
    index: 'gsi3',
    pk: ['villageCode', 'status'],
    sk: ['queueSort', 'id'],
  },
  requestByKecamatanStatus: {
    entity: 'request',
    index: 'gsi4',
    pk: ['kecamatanCode', 'status'],
    sk: ['queueSort', 'id'],
  },
  documents: { entity: 'document', pk: ['requestId'], sk: ['documentId'] },
  sellerByVillage: { entity: 'seller', index: 'gsi2', pk: ['villageCode'], sk: ['status', 'id'] },
  productBySeller: { entity: 'product', index: 'gsi1', pk: ['sellerId'], sk: ['id'] },
  productByVillage: {
    entity: 'product',
    index: 'gsi3',
    pk: ['villageCode', 'visibility'],
    sk: ['category', 'id'],
  },
  search: { entity: 'search', pk: ['regencyCode', 'scope'], sk: ['term', 'productId'] },
  siteStateByState: { entity: 'sitestate', index: 'gsi1', pk: ['regencyCode'], sk: ['state', 'villageCode'] },
  news: { entity: 'news', pk: ['villageCode'], sk: ['date', 'slug'] },
  apbdes: { entity: 'apbdes', pk: ['villageCode'], sk: ['year'] },
} as const satisfies Record<string, IndexSpec>;

export const Regency = /* @__PURE__ */ (() =>
  new Entity({
    name: 'regency',
    ...stored,
    schema: item({
      code: string().key(),
      name: string(),
      provinceCode: string().optional(),
      holidays: list(string()).putDefault(() => []),
      officeHours: cast<OfficeHoursData>().optional(),
      updatedAt: string().optional(),
      ...owner('regency'),
    }),
    computeKey: primary('regency', ['code']),
  }))();

export const Kecamatan = /* @__PURE__ */ (() => {
  const byRegency = indexKeys(indexes.kecamatanByRegency, ['code']);
  return new Entity({
    name: 'kecamatan',
    ...stored,
    schema: item({
      code: string().key(),
      name: string(),
      slug: string(),
      regencyCode: string(),
      ...owner('kecamatan'),
      gsi1pk: byRegency.pk,
      gsi1sk: byRegency.sk,
    }),
    computeKey: primary('kecamatan', ['code']),
  });
})();

export const Village = /* @__PURE__ */ (() => {
  const byRegency = indexKeys(indexes.villageByRegency, ['code']);
  const bySlug = indexKeys(indexes.villageBySlug, ['code']);
  return new Entity({
    name: 'village',
    ...stored,
    schema: item({
      code: string().key(),
      name: string(),
      slug: string(),
      kind: string().enum('desa', 'kelurahan'),
      kecamatanCode: string(),
      kecamatanName: string(),
      regencyCode: string(),
      regencyName: string(),
      officeHours: cast<OfficeHoursData>().optional(),
      profile: cast<Record<string, unknown>>().optional(),
      createdAt: string().optional(),
      updatedAt: string().optional(),
      ...owner('village'),
      gsi1pk: byRegency.pk,
      gsi1sk: byRegency.sk,
      gsi2pk: bySlug.pk,
      gsi2sk: bySlug.sk,
    }),
    computeKey: primary('village', ['code']),
  });
})();

export const CatalogueEntry = /* @__PURE__ */ (() =>
  new Entity({
    name: 'catalogue',
    ...stored,
    schema: item({
      scope: string().key(),
      code: string().key(),
      disabled: boolean().putDefault(false),
      service: cast<Record<string, unknown>>(),
      updatedAt: string().optional(),
      ...owner('catalogue'),
    }),
    computeKey: primary('catalogue', ['scope'], ['code']),
  }))();

export const ServiceRequest = /* @__PURE__ */ (() => {
  const byVillage = indexKeys(indexes.requestByVillage, ['id']);
  const byVillageStatus = indexKeys(indexes.requestByVillageStatus, ['id']);
  const byKecamatanStatus = indexKeys(indexes.requestByKecamatanStatus, ['id']);
  return new Entity({
    name: 'request',
    ...stored,
    schema: item({
      id: string().key(),
      trackingCode: string(),
      secretHash: string(),
      villageCode: string(),
      kecamatanCode: string(),
      regencyCode: string(),
      serviceCode: string(),
      serviceLevel: string().enum('desa', 'kecamatan'),
      serviceName: cast<Localized>(),
      duration: string(),
      applicant: map({ name: string(), nik: string(), whatsapp: string().optional() }),
      fields: cast<Record<string, string | string[]>>().putDefault(() => ({})),
      requiredDocuments: cast<RequestDocumentRef[]>().putDefault(() => []),
      status: string().enum(...STATUSES),
      version: number(),
      source: string().enum('web', 'form', 'open311'),
      lang: string().enum('id', 'en').putDefault('id'),
      createdAt: string(),
      updatedAt: string(),
      completeAt: string().optional(),
      dueAt: string().optional(),
      /** office time left on the promise while it is paused (needs_revision), e.g. `PT95M` */
      clockRemaining: string().optional(),
      /** when the receipt page showed the secret (it shows it once) */
      secretShownAt: string().optional(),
      closedAt: string().optional(),
      queueSort: string(),
      letterNumber: string().optional(),
      history: cast<HistoryEntry[]>().putDefault(() => []),
      ...owner('request'),
      gsi2pk: byVillage.pk,
      gsi2sk: byVillage.sk,
      gsi3pk: byVillageStatus.pk,
      gsi3sk: byVillageStatus.sk,
      gsi4pk: byKecamatanStatus.pk,
      gsi4sk: byKecamatanStatus.sk,
    }),
    computeKey: primary('request', ['id']),
  });
})();

export const RequestDocument = /* @__PURE__ */ (() =>
  new Entity({
    name: 'document',
    ...stored,
    schema: item({
      requestId: string().key(),
      documentId: string().key(),
      requirement: string(),
      key: string(),
      declaredType: string(),
      declaredSize: number(),
      status: string().enum('pending', 'confirmed', 'replaced'),
      detectedType: string().optional(),
      size: number().optional(),
      createdAt: string(),
      confirmedAt: string().optional(),
      ...owner('document'),
    }),
    computeKey: primary('document', ['requestId'], ['documentId']),
  }))();

export const Idempotency = /* @__PURE__ */ (() =>
  new Entity({
    name: 'idempotency',
    ...stored,
    schema: item({
      scope: string().key(),
      key: string().key(),
      bodyHash: string(),
      response: cast<Record<string, unknown>>(),
      createdAt: string(),
      expiresAt: number(),
      ...owner('idempotency'),
    }),
    computeKey: primary('idempotency', ['scope', 'key']),
  }))();

export const TrackingCode = /* @__PURE__ */ (() =>
  new Entity({
    name: 'tracking',
    ...stored,
    schema: item({ trackingCode: string().key(), requestId: string(), ...owner('tracking') }),
    computeKey: primary('tracking', ['trackingCode']),
  }))();

export const Counter = /* @__PURE__ */ (() =>
  new Entity({
    name: 'counter',
    ...stored,
    schema: item({
      name: string().key(),
      value: number().putDefault(0),
      expiresAt: number().optional(),
      ...owner('counter'),
    }),
    computeKey: primary('counter', ['name']),
  }))();

export const Seller = /* @__PURE__ */ (() => {
  const byVillage = indexKeys(indexes.sellerByVillage, ['id']);
  return new Entity({
    name: 'seller',
    ...stored,
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
      history: cast<HistoryEntry[]>().putDefault(() => []),
      createdAt: string(),
      updatedAt: string(),
      ...owner('seller'),
      gsi2pk: byVillage.pk,
      gsi2sk: byVillage.sk,
    }),
    computeKey: primary('seller', ['id']),
  });
})();

export const SellerAccount = /* @__PURE__ */ (() =>
  new Entity({
    name: 'selleraccount',
    ...stored,
    schema: item({ whatsapp: string().key(), sellerId: string(), ...owner('selleraccount') }),
    computeKey: primary('selleraccount', ['whatsapp']),
  }))();

export const Product = /* @__PURE__ */ (() => {
  const bySeller = indexKeys(indexes.productBySeller, ['id']);
  const byVillage = indexKeys(indexes.productByVillage, ['id']);
  return new Entity({
    name: 'product',
    ...stored,
    schema: item({
      id: string().key(),
      sellerId: string(),
      villageCode: string(),
      kecamatanCode: string(),
      regencyCode: string(),
      slug: string(),
      sellerName: string(),
      sellerKind: string().enum('umkm', 'ikm'),
      sellerWhatsapp: string(),
      villageName: string(),
      villageSlug: string(),
      kecamatanName: string(),
      name: string(),
      description: cast<{ id: string; en?: string }>(),
      category: string(),
      price: number(),
      discountPrice: number().optional(),
      unit: string(),
      availability: string().enum('available', 'preorder', 'out_of_stock'),
      photos: cast<ProductPhotoData[]>().putDefault(() => []),
      photoRev: number().putDefault(0),
      status: string().enum('draft', 'published', 'hidden', 'taken_down'),
      reason: string().optional(),
      visibility: string().enum('public', 'private'),
      indexedTerms: list(string()).putDefault(() => []),
      version: number(),
      createdAt: string(),
      updatedAt: string(),
      publishedAt: string().optional(),
      ...owner('product'),
      gsi1pk: bySeller.pk,
      gsi1sk: bySeller.sk,
      gsi3pk: byVillage.pk,
      gsi3sk: byVillage.sk,
    }),
    computeKey: primary('product', ['id']),
  });
})();

export const SearchEntry = /* @__PURE__ */ (() =>
  new Entity({
    name: 'search',
    ...stored,
    schema: item({
      regencyCode: string().key(),
      scope: string().key(),
      term: string().key(),
      productId: string().key(),
      text: string(),
      name: string(),
      slug: string(),
      category: string(),
      price: number(),
      discountPrice: number().optional(),
      unit: string(),
      availability: string(),
      sellerName: string(),
      /** the business's WhatsApp, for the order link of a result (entries written before it have none) */
      sellerWhatsapp: string().optional(),
      villageCode: string(),
      villageName: string(),
      villageSlug: string(),
      kecamatanName: string(),
      photo: cast<SearchPhoto>().optional(),
      ...owner('search'),
    }),
    computeKey: primary('search', ['regencyCode', 'scope'], ['term', 'productId']),
  }))();

export const SiteState = /* @__PURE__ */ (() => {
  const byState = indexKeys(indexes.siteStateByState, ['villageCode']);
  return new Entity({
    name: 'sitestate',
    ...stored,
    schema: item({
      villageCode: string().key(),
      regencyCode: string(),
      state: string().enum('dirty', 'clean'),
      reason: string().optional(),
      lastChangeAt: string(),
      /** when a reader of the signal first saw it dirty and not quiet (sites/signal.ts: max wait) */
      dirtySince: string().optional(),
      dispatchedAt: string().optional(),
      publishedAt: string().optional(),
      ...owner('sitestate'),
      gsi1pk: byState.pk,
      gsi1sk: byState.sk,
    }),
    computeKey: primary('sitestate', ['villageCode']),
  });
})();

export const NewsArticle = /* @__PURE__ */ (() =>
  new Entity({
    name: 'news',
    ...stored,
    schema: item({
      villageCode: string().key(),
      slug: string().key(),
      date: string().key(),
      title: cast<{ id: string; en?: string }>(),
      summary: cast<{ id: string; en?: string }>(),
      body: cast<{ id: string[]; en?: string[] }>(),
      updatedAt: string(),
      ...owner('news'),
    }),
    computeKey: primary('news', ['villageCode'], ['date', 'slug']),
  }))();

/**
 * The one claim on a news slug within a village (the article's URL is /<village>/berita/<slug>/, while
 * articles are keyed by date + slug): written in the same transaction as the article, on condition
 * that the slug is free or already the same article's (same date). Newer than the ElectroDB
 * recording, so not in `entities` (which the key-format tests hold to that recording).
 */
export const NewsSlug = /* @__PURE__ */ (() =>
  new Entity({
    name: 'newsslug',
    ...stored,
    schema: item({
      villageCode: string().key(),
      slug: string().key(),
      date: string(),
      ...owner('newsslug'),
    }),
    computeKey: primary('newsslug', ['villageCode'], ['slug']),
  }))();

export const Apbdes = /* @__PURE__ */ (() =>
  new Entity({
    name: 'apbdes',
    ...stored,
    schema: item({
      villageCode: string().key(),
      year: number().key(),
      income: number(),
      sectors: cast<BudgetSector[]>(),
      updatedAt: string(),
      ...owner('apbdes'),
    }),
    computeKey: primary('apbdes', ['villageCode'], ['year']),
  }))();

export const LocalUser = /* @__PURE__ */ (() =>
  new Entity({
    name: 'localuser',
    ...stored,
    schema: item({
      username: string().key(),
      passwordHash: string(),
      groups: list(string()),
      attributes: cast<Record<string, string>>().putDefault(() => ({})),
      /** the workspace's sign-in (issue 15): the name in the ID token, the account's state */
      displayName: string().optional(),
      email: string().optional(),
      mustChangePassword: boolean().optional(),
      disabled: boolean().optional(),
      /** refresh tokens issued before this second (epoch) are dead: a global sign-out */
      signedOutAt: number().optional(),
      ...owner('localuser'),
    }),
    computeKey: primary('localuser', ['username']),
  }))();

// ---- queries, cursors, transactions -------------------------------------------------------------

export interface PageOptions {
  /** the opaque cursor of the previous page (base64url JSON of DynamoDB's LastEvaluatedKey) */
  cursor?: string | null;
  limit?: number;
  /** read every page (ElectroDB's `pages: 'all'`) */
  all?: boolean;
  consistent?: boolean;
  reverse?: boolean;
  /** a projection: only these attributes */
  attributes?: string[];
  /** a filter on the entity's attributes, e.g. `{ attr: 'createdAt', gte: since }` (read capacity is spent anyway) */
  filter?: Condition;
}

/** The plain-object form of a toolbox command's `.options()` argument. */
type OptionsOf<Q extends { options: (o: never) => unknown }> = Exclude<
  Parameters<Q['options']>[0],
  (...args: never[]) => unknown
>;

export const encodeCursor = (key: Record<string, unknown> | undefined): string | null =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;

export const decodeCursor = (cursor: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * One Query on an access pattern: the partition from `values`, the sort key from the leading
 * composite attributes given (`begins_with` of the prefix; equality when all are given).
 */
export function queryOf<E extends Entity>(
  entity: E,
  spec: IndexSpec,
  values: KeyValues,
  opts: PageOptions = {},
) {
  const complete = spec.sk.length > 0 && spec.sk.every((a) => values[a] !== undefined && values[a] !== '');
  const range = complete
    ? { eq: sortKey(spec.entity, '1', spec.sk, values) }
    : { beginsWith: sortKey(spec.entity, '1', spec.sk, values, { prefix: true }) };
  const query = table
    .build(QueryCommand)
    .entities(entity)
    .query({ ...(spec.index ? { index: spec.index } : {}), partition: partitionKey(spec.pk, values), range });
  const options = {
    ...(opts.limit ? { limit: opts.limit } : {}),
    ...(opts.cursor ? { exclusiveStartKey: decodeCursor(opts.cursor) } : {}),
    ...(opts.consistent ? { consistent: true } : {}),
    ...(opts.reverse ? { reverse: true } : {}),
    ...(opts.filter ? { filters: { [entity.entityName]: opts.filter } } : {}),
    ...(opts.attributes ? { attributes: opts.attributes } : {}),
  };
  // toolbox types projections and filters per concrete entity (not expressible for a generic one);
  // DynamoDB Local checks every projection and filter the callers pass, in the tests
  return query.options(options as OptionsOf<typeof query>);
}

/**
 * Stored item → the entity's item: without its keys and hidden attributes (index keys, ElectroDB's
 * ownership attributes). Reads use this instead of toolbox's formatter, which walks the schema with a
 * generator at ~1.3 µs per attribute (38 µs for a request, per item of every page) to re-validate what
 * this module itself wrote; like ElectroDB, reads trust the table. `test/unit/lib/toolbox-items.test.ts`
 * proves the result equal to the formatter's for every entity.
 */
const storedOnly = new WeakMap<object, Set<string>>();
export function unstored<E extends Entity>(entity: E, stored: Record<string, unknown>): FormattedItem<E> {
  let drop = storedOnly.get(entity);
  if (!drop) {
    drop = new Set(['pk', 'sk']);
    for (const [name, attr] of Object.entries(entity.schema.attributes))
      if ((attr as { props?: { hidden?: boolean } }).props?.hidden) drop.add(name);
    storedOnly.set(entity, drop);
  }
  const out: Record<string, unknown> = {};
  for (const name in stored) if (!drop.has(name)) out[name] = stored[name];
  return out as FormattedItem<E>;
}

/**
 * GetItem params by the entity's key: its own `computeKey` (keys.ts), without toolbox's parse of the
 * key input through the schema (~13 µs a call on the hot read paths). Equal to toolbox's `.params()`
 * for every entity (`test/unit/lib/toolbox-items.test.ts`).
 */
export function getParams<E extends Entity>(
  entity: E,
  key: KeyInputItem<E>,
  options: { consistent?: boolean } = {},
) {
  // every entity of this module has one (`primary(...)`)
  if (!entity.computeKey) throw new Error(`${entity.entityName} has no computeKey`);
  return {
    TableName: config().TABLE_NAME,
    Key: entity.computeKey(key),
    ...(options.consistent ? { ConsistentRead: true } : {}),
  };
}

/** GetItem by the entity's key: `{ Item }`, undefined when absent. */
export async function getItem<E extends Entity>(
  entity: E,
  key: KeyInputItem<E>,
  options: { consistent?: boolean } = {},
): Promise<{ Item: FormattedItem<E> | undefined }> {
  const { Item } = await documentClient().send(new GetCommand(getParams(entity, key, options)));
  return { Item: Item ? unstored(entity, Item) : undefined };
}

/**
 * Sends a built toolbox Query (its `.params()`: key condition, filters, projection, limit, start key)
 * and reads one page, or every page with `all`; items through `unstored`, not the formatter.
 */
export async function queryItems<E extends Entity>(
  entity: E,
  query: { params(): unknown },
  opts: { all?: boolean } = {},
): Promise<{ items: FormattedItem<E>[]; lastKey: Record<string, unknown> | undefined }> {
  const input = query.params() as QueryCommandInput;
  const items: FormattedItem<E>[] = [];
  let next = input.ExclusiveStartKey;
  do {
    const page = await documentClient().send(new QueryItemsCommand({ ...input, ExclusiveStartKey: next }));
    for (const stored of page.Items ?? []) items.push(unstored(entity, stored));
    next = page.LastEvaluatedKey;
  } while (opts.all && next);
  return { items, lastKey: next };
}

/** A page of an access pattern's items and the cursor of the next page (null on the last). */
export async function queryPage<E extends Entity>(
  entity: E,
  spec: IndexSpec,
  values: KeyValues,
  opts: PageOptions = {},
): Promise<{ items: FormattedItem<E>[]; cursor: string | null }> {
  const { items, lastKey } = await queryItems(entity, queryOf(entity, spec, values, opts), opts);
  return { items, cursor: encodeCursor(lastKey) };
}

export const isConditionFailed = (error: unknown): boolean =>
  (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';

export type RegencyItem = FormattedItem<typeof Regency>;
export type KecamatanItem = FormattedItem<typeof Kecamatan>;
export type VillageItem = FormattedItem<typeof Village>;
export type RequestItem = FormattedItem<typeof ServiceRequest>;
export type DocumentItem = FormattedItem<typeof RequestDocument>;
export type SellerItem = FormattedItem<typeof Seller>;
export type ProductItem = FormattedItem<typeof Product>;
export type SearchItem = FormattedItem<typeof SearchEntry>;

/** Every entity of the table by name (seeds, tests). */
export const entities = {
  Regency,
  Kecamatan,
  Village,
  CatalogueEntry,
  ServiceRequest,
  RequestDocument,
  Idempotency,
  TrackingCode,
  Counter,
  Seller,
  SellerAccount,
  Product,
  SearchEntry,
  SiteState,
  NewsArticle,
  Apbdes,
  LocalUser,
};
