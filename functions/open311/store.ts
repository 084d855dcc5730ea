import type { Condition } from 'dynamodb-toolbox/entity/actions/parseCondition';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { withCursor } from '../lib/paging';
import {
  decodeCursor,
  encodeCursor,
  getItem,
  getParams,
  keyOf,
  keyPrefix,
  queryItems,
  table,
} from '../lib/table';
import { normalizeTrackingCode } from '../requests/domain/tracking';
import { type RequestItem, requestByVillage, ServiceRequest } from '../requests/entities';
import { findByTrackingCode } from '../requests/store';
import type { PublicRequest } from './views';

const REQUEST_ID = /^[0-9A-Za-z_-]{10,40}$/;

/**
 * An Open311 `service_request_id` is our request id; a tracking code (as typed: any case, with or
 * without the hyphen) is accepted too. Key lookups only. `byTrackingCode` says which one matched.
 */
export async function resolveRequest(
  raw: string,
): Promise<{ request: RequestItem; byTrackingCode: boolean } | undefined> {
  const value = raw.trim();
  const code = normalizeTrackingCode(value);
  if (code) {
    const request = await findByTrackingCode(code);
    if (request) return { request, byTrackingCode: true };
  }
  if (!REQUEST_ID.test(value)) return undefined;
  const { Item } = await getItem(ServiceRequest, { id: value });
  return Item ? { request: Item, byTrackingCode: false } : undefined;
}

export interface RequestFilter {
  villageCode: string;
  /** only these open311 statuses (both when undefined) */
  status?: 'open' | 'closed';
  serviceCodes?: string[];
  /** requested_datetime range, ISO, inclusive */
  start: string;
  end: string;
  limit: number;
  cursor?: string;
}

/**
 * A village's requests through the byVillage index (one partition Query, never a Scan): the sort key
 * `queueSort` starts `0#`/`1#` for open requests and `2#` for closed ones, so the open/closed filter is
 * a key condition; the date range and service codes are filter expressions inside the partition.
 * Pages are read (without a Limit) until `limit` matches are found or the partition ends, as
 * ElectroDB's `count` did: when the matches reach `limit`, the page is cut there and the cursor is the
 * key of its last item (also when that was the partition's last item: the next page is then empty).
 */
/** Items DynamoDB evaluates per page of a public Open311 list, and pages per call (≤ 500 items read). */
export const OPEN311_PAGE_ITEMS = 100;
export const OPEN311_MAX_PAGES = 5;

export async function queryRequests(
  f: RequestFilter,
): Promise<{ items: PublicRequest[]; cursor: string | null }> {
  const spec = requestByVillage;
  /** the index sort key's queue part (`request#2#…`): a bound of a range of queue keys */
  const queueKey = (queueSort: string) => keyPrefix(spec.sk, {}, queueSort);
  const range =
    f.status === 'closed'
      ? { beginsWith: queueKey('2#') }
      : f.status === 'open'
        ? { lt: queueKey('2#') }
        : { beginsWith: keyPrefix(spec.sk, {}) };
  const filter: Condition<typeof ServiceRequest> = {
    and: [
      { attr: 'createdAt', between: [f.start, f.end] },
      ...(f.serviceCodes?.length
        ? [{ or: f.serviceCodes.map((code) => ({ attr: 'serviceCode' as const, eq: code })) }]
        : []),
    ],
  };
  const query = table
    .build(QueryCommand)
    .entities(ServiceRequest)
    .query({ index: spec.index, partition: keyOf(spec.pk, { villageCode: f.villageCode }), range });
  return withCursor(f.cursor, async () => {
    // the index's items: what it projects (PublicRequest), no applicant
    const items: PublicRequest[] = [];
    let startKey = f.cursor ? decodeCursor(f.cursor) : undefined;
    // a public, anonymous read: bounded work per call whatever the filters match — at most
    // OPEN311_MAX_PAGES pages of OPEN311_PAGE_ITEMS evaluated items; the cursor carries on from there
    let pages = 0;
    do {
      pages++;
      const page = await queryItems(
        ServiceRequest,
        query.options({
          filters: { request: filter },
          limit: OPEN311_PAGE_ITEMS,
          ...(startKey ? { exclusiveStartKey: startKey } : {}),
        }),
      );
      const matches = page.items;
      const room = f.limit - items.length;
      items.push(...matches.slice(0, room));
      startKey = page.lastKey;
      if (matches.length >= room) {
        startKey = lastKey(items[items.length - 1] as PublicRequest);
        break;
      }
    } while (startKey && pages < OPEN311_MAX_PAGES);
    return { items, cursor: encodeCursor(startKey) };
  });
}

/** The stored keys of a request as the byVillage index returns them in LastEvaluatedKey. */
function lastKey(r: PublicRequest): Record<string, string> {
  return {
    ...getParams(ServiceRequest, r).Key,
    gsi2pk: keyOf(requestByVillage.pk, r),
    gsi2sk: keyOf(requestByVillage.sk, r),
  };
}
