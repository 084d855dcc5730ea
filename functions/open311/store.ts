import { withCursor } from '../lib/paging';
import { type RequestItem, ServiceRequest } from '../lib/table';
import { normalizeTrackingCode } from '../requests/domain/tracking';
import { findByTrackingCode } from '../requests/store';

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
  const { data } = await ServiceRequest.get({ id: value }).go();
  return data ? { request: data, byTrackingCode: false } : undefined;
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
 * `count` keeps ElectroDB reading pages until a full page of matches (or the end) is found.
 */
export async function queryRequests(
  f: RequestFilter,
): Promise<{ items: RequestItem[]; cursor: string | null }> {
  const base = ServiceRequest.query.byVillage({ villageCode: f.villageCode });
  const ranged =
    f.status === 'closed'
      ? base.begins({ queueSort: '2#' })
      : f.status === 'open'
        ? base.lt({ queueSort: '2#' })
        : base;
  const page = await withCursor(f.cursor, () =>
    ranged
      .where(({ createdAt, serviceCode }, { between, eq }) => {
        const clauses = [between(createdAt, f.start, f.end)];
        if (f.serviceCodes?.length)
          clauses.push(`(${f.serviceCodes.map((code) => eq(serviceCode, code)).join(' OR ')})`);
        return clauses.join(' AND ');
      })
      .go({ cursor: f.cursor ?? null, count: f.limit }),
  );
  return { items: page.data, cursor: page.cursor ?? null };
}
