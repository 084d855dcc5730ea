/**
 * The staff queues with their filters (status, one or several; service; overdue), each a key Query of
 * one partition — never a Scan:
 *
 * - a village: its requests by status (gsi3) when one status is all it asks; else all its requests
 *   (gsi2) with the filters as a FilterExpression. Both indexes project no personal data, so the page's
 *   whole items are then read from the table by key (lib/hydrate.ts).
 * - a kecamatan: its requests in one status (gsi4, ALL); with several or none, the regency's index
 *   narrowed to the kecamatan.
 * - a regency: gsi5, keyed on the request's own `regencyCode` and `queueSort` (decision 0029), ALL;
 *   `overdue=true` is a range of its sort key (`0#` … `0#<now>`).
 *
 * A filter is applied by DynamoDB after the key condition: a page reads up to `SCAN_ROUNDS` rounds of
 * the partition to fill `limit`, so a page may come back shorter (with a cursor) when matches are rare.
 */
import { type QueryCommandInput, QueryCommand as RawQuery } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../lib/aws';
import { config } from '../lib/config';
import { getWholeItems } from '../lib/hydrate';
import { withCursor } from '../lib/paging';
import { type AccessPattern, decodeCursor, encodeCursor, queryOf, unstored } from '../lib/table';
import type { Status } from './domain/transitions';
import {
  type RequestItem,
  requestByKecamatanStatus,
  requestByVillage,
  requestByVillageStatus,
  ServiceRequest,
} from './entities';

/** The regency-wide index: a request's own attributes are its keys (only requests have `queueSort`). */
export const REGENCY_QUEUE_INDEX = 'gsi5';

export interface StaffFilters {
  statuses?: readonly Status[] | undefined;
  service?: string | undefined;
  villageCode?: string | undefined;
  kecamatanCode?: string | undefined;
  overdue?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

type Raw = Record<string, unknown>;
const SCAN_ROUNDS = 5;

/** A FilterExpression of the filters that the index's key does not already answer. */
function filterOf(f: StaffFilters, now: Date, skip: { status?: boolean; overdue?: boolean } = {}) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (f.statuses?.length && !skip.status) {
    names['#qfStatus'] = 'status';
    const list = f.statuses.map((s, i) => {
      values[`:qfStatus${i}`] = s;
      return `:qfStatus${i}`;
    });
    parts.push(`#qfStatus IN (${list.join(', ')})`);
  }
  if (f.service) {
    names['#qfService'] = 'serviceCode';
    values[':qfService'] = f.service;
    parts.push('#qfService = :qfService');
  }
  if (f.villageCode) {
    names['#qfVillage'] = 'villageCode';
    values[':qfVillage'] = f.villageCode;
    parts.push('#qfVillage = :qfVillage');
  }
  if (f.kecamatanCode) {
    names['#qfKecamatan'] = 'kecamatanCode';
    values[':qfKecamatan'] = f.kecamatanCode;
    parts.push('#qfKecamatan = :qfKecamatan');
  }
  if (f.overdue && !skip.overdue) {
    // open with a due time (`0#<dueAt>`) that has passed
    names['#qfSort'] = 'queueSort';
    values[':qfDueLo'] = '0#';
    values[':qfDueHi'] = `0#${now.toISOString()}`;
    parts.push('#qfSort BETWEEN :qfDueLo AND :qfDueHi');
  }
  return { parts, names, values };
}

function withFilter(input: QueryCommandInput, filter: ReturnType<typeof filterOf>): QueryCommandInput {
  if (filter.parts.length === 0) return input;
  const own = filter.parts.join(' AND ');
  return {
    ...input,
    FilterExpression: input.FilterExpression ? `(${input.FilterExpression}) AND ${own}` : own,
    ExpressionAttributeNames: { ...input.ExpressionAttributeNames, ...filter.names },
    ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ...filter.values },
  };
}

/**
 * One page of a (filtered) Query: up to `limit` items, the cursor being the key of the last one
 * returned (a DynamoDB LastEvaluatedKey: the table's and the index's key attributes).
 */
async function filteredPage(
  input: QueryCommandInput,
  keyAttrs: readonly string[],
  limit: number,
  cursor: string | undefined,
): Promise<{ items: Raw[]; cursor: string | null }> {
  const filtered = input.FilterExpression !== undefined;
  const items: Raw[] = [];
  let next: Raw | undefined = cursor ? decodeCursor(cursor) : undefined;
  for (let round = 0; round < (filtered ? SCAN_ROUNDS : 1); round++) {
    const page = await documentClient().send(
      new RawQuery({
        ...input,
        Limit: filtered ? Math.max(limit * 2, 50) : limit,
        ...(next ? { ExclusiveStartKey: next } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      items.push(item);
      if (items.length === limit) {
        const last = Object.fromEntries(keyAttrs.map((k) => [k, item[k]]));
        const more = page.LastEvaluatedKey !== undefined || item !== page.Items?.at(-1);
        return { items, cursor: more ? encodeCursor(last) : null };
      }
    }
    next = page.LastEvaluatedKey;
    if (!next) break;
  }
  return { items, cursor: encodeCursor(next) };
}

const indexKeyAttrs = (spec: AccessPattern) => ['pk', 'sk', `${spec.index}pk`, `${spec.index}sk`];

/** A page of an index with partial projection, each request read whole from the table. */
async function wholePage(spec: AccessPattern, values: Record<string, string>, f: StaffFilters, now: Date) {
  const input = queryOf(ServiceRequest, spec, values).params() as QueryCommandInput;
  const page = await filteredPage(
    withFilter(input, filterOf(f, now, { status: 'status' in values })),
    indexKeyAttrs(spec),
    f.limit,
    f.cursor,
  );
  const keys = page.items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
  const whole = await getWholeItems(keys);
  const items = keys.flatMap((k) => {
    const item = whole.get(`${k.pk}\u0000${k.sk}`);
    return item ? [unstored(ServiceRequest, item)] : [];
  });
  return { items, cursor: page.cursor };
}

/** A page of an index that projects every attribute (gsi4, gsi5). */
async function fullPage(input: QueryCommandInput, keyAttrs: readonly string[], f: StaffFilters) {
  const page = await filteredPage(input, keyAttrs, f.limit, f.cursor);
  return { items: page.items.map((i) => unstored(ServiceRequest, i)), cursor: page.cursor };
}

/** The regency index's Query: its partition, and the overdue range of its sort key when asked. */
function regencyInput(regencyCode: string, f: StaffFilters, now: Date): QueryCommandInput {
  const input: QueryCommandInput = {
    TableName: config().TABLE_NAME,
    IndexName: REGENCY_QUEUE_INDEX,
    KeyConditionExpression: f.overdue ? '#rk = :rk AND #rs BETWEEN :lo AND :hi' : '#rk = :rk',
    ExpressionAttributeNames: { '#rk': 'regencyCode', ...(f.overdue ? { '#rs': 'queueSort' } : {}) },
    ExpressionAttributeValues: {
      ':rk': regencyCode,
      ...(f.overdue ? { ':lo': '0#', ':hi': `0#${now.toISOString()}` } : {}),
    },
  };
  return withFilter(input, filterOf(f, now, { overdue: true }));
}

export type StaffPage = { items: RequestItem[]; cursor: string | null };

/** A village's requests, filtered. */
export function villageRequests(villageCode: string, f: StaffFilters, now: Date): Promise<StaffPage> {
  return withCursor(f.cursor, () => {
    const only = f.statuses?.length === 1 ? f.statuses[0] : undefined;
    if (only && !f.service && !f.overdue)
      return wholePage(requestByVillageStatus, { villageCode, status: only }, f, now);
    return wholePage(requestByVillage, { villageCode }, f, now);
  });
}

/** A kecamatan's requests, filtered: its partition of one status, else the regency's narrowed to it. */
export function kecamatanRequests(kecamatanCode: string, f: StaffFilters, now: Date): Promise<StaffPage> {
  return withCursor(f.cursor, () => {
    const only = f.statuses?.length === 1 ? f.statuses[0] : undefined;
    if (only) {
      const spec = requestByKecamatanStatus;
      const input = queryOf(ServiceRequest, spec, {
        kecamatanCode,
        status: only,
      }).params() as QueryCommandInput;
      return fullPage(withFilter(input, filterOf(f, now, { status: true })), indexKeyAttrs(spec), f);
    }
    return fullPage(
      regencyInput(kecamatanCode.slice(0, 5), { ...f, kecamatanCode }, now),
      ['pk', 'sk', 'regencyCode', 'queueSort'],
      f,
    );
  });
}

/** The regency's requests: narrowed to a village or a kecamatan by their own indexes, else gsi5. */
export function regencyRequests(regencyCode: string, f: StaffFilters, now: Date): Promise<StaffPage> {
  if (f.villageCode)
    return villageRequests(f.villageCode, { ...f, villageCode: undefined, kecamatanCode: undefined }, now);
  if (f.kecamatanCode) return kecamatanRequests(f.kecamatanCode, { ...f, kecamatanCode: undefined }, now);
  return withCursor(f.cursor, () =>
    fullPage(regencyInput(regencyCode, f, now), ['pk', 'sk', 'regencyCode', 'queueSort'], f),
  );
}
