/**
 * The single table, on dynamodb-toolbox v2 (tree-shakeable: a function's bundle carries only the
 * entities and actions it uses), and what every entity shares: its key attributes, the query helpers
 * (`queryOf`, `queryPage`, `getItem`, cursors) and `isConditionFailed`. The entities live in their
 * features (`requests/entities.ts`, `products/entities.ts`, …); the physical design (key schema,
 * indexes, TTL) is `infra/table-design.ts`, shared by CDK and the local runtime. Every access is a key
 * lookup or a Query: nothing here, or anywhere, scans.
 *
 * Keys. Stored attribute names stay generic (pk/sk, gsi1pk/gsi1sk … gsi4pk/gsi4sk, expiresAt for TTL)
 * so new access patterns reuse indexes; their values are readable templates of the item's attributes,
 * `village#{villageCode}#requests` (the format: ./key-templates.ts), declared on each entity as
 * toolbox links (`primaryKey`, `indexKeys`) and lower-cased, so a look-up by id, code or username
 * ignores case. Every sort key begins with its entity's name (`request#…`), so a Query never returns
 * another entity's items, and each kind of partition has its own leading word, so IAM
 * `dynamodb:LeadingKeys` can tell a product's partition from a request's (infra/partitions.ts). The
 * whole design, entity by entity:
 * CONTRIBUTING.md "The table" and docs/decisions/0026-native-toolbox-keys.md.
 */
import { GetCommand, type QueryCommandInput, QueryCommand as QueryItemsCommand } from '@aws-sdk/lib-dynamodb';
import type { Entity, FormattedItem, KeyInputItem } from 'dynamodb-toolbox/entity';
import type { Condition } from 'dynamodb-toolbox/entity/actions/parseCondition';
import { string } from 'dynamodb-toolbox/schema/string';
import { Table } from 'dynamodb-toolbox/table';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { documentClient } from './aws';
import { config } from './config';
import {
  type AccessPattern,
  isKeyValue,
  type KeyValues,
  keyAttributes,
  keyOf,
  keyPrefix,
} from './key-templates';

export type { AccessPattern, GsiName, KeyValues } from './key-templates';
export { isKeyValue, keyAttributes, keyOf, keyPrefix } from './key-templates';

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

/** Every entity: in the one table, without toolbox's entity and timestamp attributes (we keep our dates). */
export const inTable = /* @__PURE__ */ (() =>
  ({ table, entityAttribute: false, timestamps: false }) as const)();

// ---- keys ----------------------------------------------------------------------------------------

/**
 * An entity's stored primary key: `pk` and `sk` linked (toolbox `.link()`) from its key attributes,
 * e.g. `primaryKey({ pk: 'request#{id}', sk: 'request' })` beside `id: string().key()`.
 */
export const primaryKey = ({ pk, sk }: AccessPattern) => ({
  pk: string()
    .key()
    .hidden()
    .link((key) => keyOf(pk, key as KeyValues)),
  sk: string()
    .key()
    .hidden()
    .link((key) => keyOf(sk, key as KeyValues)),
});

/**
 * One index's two stored key attributes, linked from the item on puts. On updates they are recomputed
 * when the update sets an attribute of the pattern that is not a key attribute of the item — and then
 * every attribute of the pattern must be given: an index key is never half-updated.
 */
export function indexKeys(pattern: AccessPattern, itemKey: readonly string[]) {
  const all = [...new Set([...keyAttributes(pattern.pk), ...keyAttributes(pattern.sk)])];
  const onUpdate = (template: string) => (input: unknown) => {
    const v = (input ?? {}) as KeyValues;
    if (!all.some((a) => !itemKey.includes(a) && v[a] !== undefined)) return undefined;
    const missing = all.filter((a) => !isKeyValue(v[a]));
    if (missing.length)
      throw new Error(`${pattern.sk}: an update must give ${missing.join(', ')} with ${all.join(', ')}`);
    return keyOf(template, v);
  };
  return {
    pk: string()
      .hidden()
      .putLink((item) => keyOf(pattern.pk, item as KeyValues))
      .updateLink(onUpdate(pattern.pk)),
    sk: string()
      .hidden()
      .putLink((item) => keyOf(pattern.sk, item as KeyValues))
      .updateLink(onUpdate(pattern.sk)),
  };
}

// ---- queries, cursors ----------------------------------------------------------------------------

export interface PageOptions {
  /** the opaque cursor of the previous page (base64url JSON of DynamoDB's LastEvaluatedKey) */
  cursor?: string | null;
  limit?: number;
  /** read every page */
  all?: boolean;
  consistent?: boolean;
  reverse?: boolean;
  /** a projection: only these attributes */
  attributes?: string[];
  /** a filter on the entity's attributes, e.g. `{ attr: 'createdAt', gte: since }` (read units are spent) */
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
 * attributes given (`begins_with` of the prefix; equality when all are given).
 */
export function queryOf<E extends Entity>(
  entity: E,
  pattern: AccessPattern,
  values: KeyValues,
  opts: PageOptions = {},
) {
  const complete = keyAttributes(pattern.sk).every((a) => isKeyValue(values[a]));
  const range = complete ? { eq: keyOf(pattern.sk, values) } : { beginsWith: keyPrefix(pattern.sk, values) };
  const query = table
    .build(QueryCommand)
    .entities(entity)
    .query({
      ...(pattern.index ? { index: pattern.index } : {}),
      partition: keyOf(pattern.pk, values),
      range,
    });
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
 * Stored item → the entity's item: without its hidden attributes (pk, sk, index keys). Reads use this
 * instead of toolbox's formatter, which walks the schema with a generator at ~1.3 µs per attribute
 * (38 µs for a request, per item of every page) to re-validate what the entity itself wrote: reads
 * trust the table. `test/unit/lib/table-keys.test.ts` proves it equal to the formatter's for every entity.
 */
const hiddenOf = new WeakMap<object, Set<string>>();
export function unstored<E extends Entity>(entity: E, stored: Record<string, unknown>): FormattedItem<E> {
  let drop = hiddenOf.get(entity);
  if (!drop) {
    drop = new Set();
    for (const [name, attr] of Object.entries(entity.schema.attributes))
      if ((attr as { props?: { hidden?: boolean } }).props?.hidden) drop.add(name);
    hiddenOf.set(entity, drop);
  }
  const out: Record<string, unknown> = {};
  for (const name in stored) if (!drop.has(name)) out[name] = stored[name];
  return out as FormattedItem<E>;
}

type KeyLink = (key: unknown) => string;
const linkOf = (entity: Entity, name: 'pk' | 'sk'): KeyLink => {
  const link = (entity.schema.attributes[name] as { props?: { keyLink?: KeyLink } } | undefined)?.props
    ?.keyLink;
  if (!link) throw new Error(`${entity.entityName} has no linked ${name} (primaryKey)`);
  return link;
};

/**
 * GetItem params by the entity's key: its own key links (`primaryKey`) called directly, without
 * toolbox's parse of the key input through the schema (~13 µs a call on the hot read paths). Equal to
 * toolbox's `.params()` for every entity (`test/unit/lib/table-keys.test.ts`).
 */
export function getParams<E extends Entity>(
  entity: E,
  key: KeyInputItem<E>,
  options: { consistent?: boolean } = {},
) {
  return {
    TableName: config().TABLE_NAME,
    Key: { pk: linkOf(entity, 'pk')(key), sk: linkOf(entity, 'sk')(key) },
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
  pattern: AccessPattern,
  values: KeyValues,
  opts: PageOptions = {},
): Promise<{ items: FormattedItem<E>[]; cursor: string | null }> {
  const { items, lastKey } = await queryItems(entity, queryOf(entity, pattern, values, opts), opts);
  return { items, cursor: encodeCursor(lastKey) };
}

export const isConditionFailed = (error: unknown): boolean =>
  (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';
