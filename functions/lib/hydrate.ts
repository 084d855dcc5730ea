/**
 * Officers' lists over an index that carries only public attributes. The village's requests and
 * sellers live in indexes public routes and the site build also read (gsi2, gsi3), so those indexes
 * project no personal data (infra/table-design.ts); an officer's queue shows the applicant's name,
 * and the sellers' list the owner and number. So such a list reads one page of the index, then the
 * page's whole items from the table by key (BatchGetItem, 100 keys a call), in the index's order.
 */
import { BatchGetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Entity, FormattedItem } from 'dynamodb-toolbox/entity';
import { documentClient } from './aws';
import { config } from './config';
import {
  type AccessPattern,
  encodeCursor,
  type KeyValues,
  type PageOptions,
  queryOf,
  unstored,
} from './table';

type Key = { pk: string; sk: string };
const keyOf = (item: Record<string, unknown>): Key => ({ pk: String(item.pk), sk: String(item.sk) });
const id = (k: Key) => `${k.pk}\u0000${k.sk}`;

/** The whole items of these keys (those that exist), read in batches of 100. */
export async function getWholeItems(keys: Key[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Key[] = keys.slice(i, i + 100);
    for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      const answer = await documentClient().send(
        new BatchGetCommand({ RequestItems: { [config().TABLE_NAME]: { Keys: pending } } }),
      );
      for (const item of answer.Responses?.[config().TABLE_NAME] ?? []) found.set(id(keyOf(item)), item);
      pending = (answer.UnprocessedKeys?.[config().TABLE_NAME]?.Keys ?? []).map(keyOf);
    }
    if (pending.length > 0) throw new Error('BatchGetItem left keys unprocessed');
  }
  return found;
}

/**
 * One page of an index access pattern, each item whole (from the table): `queryPage` for indexes
 * that project less than the page's reader shows. An item gone from the table since the index saw it
 * is left out.
 */
export async function queryPageWhole<E extends Entity>(
  entity: E,
  spec: AccessPattern,
  values: KeyValues,
  opts: PageOptions = {},
): Promise<{ items: FormattedItem<E>[]; cursor: string | null }> {
  const input = queryOf(entity, spec, values, opts).params() as QueryCommandInput;
  const page = await documentClient().send(new QueryCommand(input));
  const keys = (page.Items ?? []).map(keyOf);
  const whole = await getWholeItems(keys);
  const items = keys.flatMap((key) => {
    const item = whole.get(id(key));
    return item ? [unstored(entity, item)] : [];
  });
  return { items, cursor: encodeCursor(page.LastEvaluatedKey) };
}
