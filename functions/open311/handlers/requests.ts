import { Invalid } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { countTrackingLookups } from '../../lib/rate-limit';
import { normalizeTrackingCode } from '../../requests/domain/tracking';
import type { RequestItem } from '../../requests/entities';
import { getVillage } from '../../villages/store';
import { queryRequests, resolveRequest } from '../store';
import { requestView } from '../views';
import contract from './requests.contract';

const DAY_MS = 24 * 60 * 60 * 1000;
/** the spec's default window, and the widest one a query may ask for */
const WINDOW_DAYS = 90;
const MAX_IDS = 50;

/**
 * `GET /open311/v2/requests.json?jurisdiction_id=…` with the spec's filters. `service_request_id`
 * (comma list) → key lookups and every other filter ignored; otherwise one Query of the village's
 * partition: `status` as a key condition, `service_code` and the date window (default: the last 90
 * days; at most 90 days wide) as filters. At most 50 per page (`limit`); the next page is the `Link:
 * <…>; rel="next"` header, so the body stays the plain array the spec defines.
 */
export const handler = endpoint(contract, async (ctx) => {
  const { query, lang, now } = ctx;
  const village = await getVillage(query.jurisdiction_id);

  if (query.service_request_id !== undefined) {
    const ids = [...new Set(query.service_request_id.split(',').map((s) => s.trim()))].filter(Boolean);
    if (ids.length === 0 || ids.length > MAX_IDS)
      throw new Invalid([{ path: 'service_request_id', message: 'field.invalid' }]);
    // each tracking code in the list is one look-up of the address's tracking budget (as /track's)
    const codes = ids.filter((id) => normalizeTrackingCode(id) !== null).length;
    if (codes) await countTrackingLookups(ctx.sourceIp, now, codes);
    const found = await Promise.all(ids.map((id) => resolveRequest(id)));
    const items = found
      .map((f) => f?.request)
      .filter((r): r is RequestItem => r !== undefined && r.villageCode === village.code);
    const unique = [...new Map(items.map((r) => [r.id, r])).values()];
    return json(
      200,
      unique.map((r) => requestView(r, village, lang)),
    );
  }

  const end = query.end_date
    ? new Date(query.end_date)
    : query.start_date
      ? new Date(Math.min(now.getTime(), new Date(query.start_date).getTime() + WINDOW_DAYS * DAY_MS))
      : now;
  const start = query.start_date
    ? new Date(query.start_date)
    : new Date(end.getTime() - WINDOW_DAYS * DAY_MS);
  if (start.getTime() > end.getTime()) throw new Invalid([{ path: 'start_date', message: 'field.invalid' }]);
  if (end.getTime() - start.getTime() > WINDOW_DAYS * DAY_MS)
    throw new Invalid([{ path: 'end_date', message: 'field.invalid' }]);

  const statuses = query.status ?? [];
  const serviceCodes = query.service_code
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const page = await queryRequests({
    villageCode: village.code,
    ...(statuses.length === 1 ? { status: statuses[0] } : {}),
    ...(serviceCodes?.length ? { serviceCodes } : {}),
    start: start.toISOString(),
    end: end.toISOString(),
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  const headers: Record<string, string> = {};
  if (page.cursor) {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(rawQuery(ctx))) if (k !== 'cursor') next.set(k, v);
    next.set('cursor', page.cursor);
    headers.link = `</open311/v2/requests.json?${next.toString()}>; rel="next"`;
  }
  return json(
    200,
    page.items.map((r) => requestView(r, village, lang)),
    headers,
  );
});

/** The query the client sent, as strings again (for the next-page link). */
function rawQuery(ctx: { query: Record<string, unknown> }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.query)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(',') : String(v);
  }
  return out;
}
