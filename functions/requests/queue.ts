/**
 * The officers' queues: a village's (open requests by due time, overdue first; then those awaiting
 * documents; then closed), a kecamatan's (forwarded for the camat's signature, or other statuses), a
 * search by tracking code, each line with the office time left; and the regency's count of overdue
 * requests. Every read is a key Query of one partition (./staff-queue.ts) or a read by key.
 */
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { type OfficeHours, officeMinutesBetween } from '../calendar/due';
import { keyOf, keyPrefix, queryItems, queryPage, table } from '../lib/table';
import { Kecamatan, kecamatanByRegency } from '../villages/entities';
import { getVillage } from '../villages/store';
import { normalizeTrackingCode } from './domain/tracking';
import { isClosed, STATUSES } from './domain/transitions';
import { type RequestItem, requestByKecamatanStatus, ServiceRequest } from './entities';
import type { QueueFilters } from './schemas';
import { kecamatanRequests, type StaffFilters, villageRequests } from './staff-queue';
import { findByTrackingCode, officeCalendarOf, overdue } from './store';

/** What a queue line needs of a village's office calendar (WIB office hours, the regency's holidays). */
export type CalendarOf = (
  villageCode: string,
) => Promise<{ hours: OfficeHours; holidays: readonly string[] }>;

/** The office calendars of a page's villages, each read once (village and regency items by key). */
export function calendarCache(): CalendarOf {
  const seen = new Map<string, ReturnType<typeof officeCalendarOf>>();
  return (villageCode) => {
    let cal = seen.get(villageCode);
    if (!cal) {
      cal = getVillage(villageCode).then((v) => officeCalendarOf(v));
      seen.set(villageCode, cal);
    }
    return cal;
  };
}

/**
 * Office minutes left until the due time at `now` (negative once overdue: the office minutes since),
 * in the village's office calendar; null without a due time or once closed.
 */
export function officeMinutesLeft(
  r: Pick<RequestItem, 'dueAt' | 'status'>,
  now: Date,
  cal: { hours: OfficeHours; holidays: readonly string[] },
): number | null {
  if (!r.dueAt || isClosed(r.status)) return null;
  const due = new Date(r.dueAt);
  return due.getTime() > now.getTime()
    ? officeMinutesBetween(now, due, cal.hours, cal.holidays)
    : -officeMinutesBetween(due, now, cal.hours, cal.holidays);
}

/**
 * One line of a staff queue: what a row shows without another call. The applicant's name only: NIK,
 * answers and history stay in the detail.
 */
export async function queueItem(r: RequestItem, now: Date, calendars: CalendarOf) {
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    villageCode: r.villageCode,
    kecamatanCode: r.kecamatanCode,
    service: { code: r.serviceCode, name: r.serviceName, level: r.serviceLevel },
    applicantName: r.applicant.name,
    status: r.status,
    version: r.version,
    filedAt: r.createdAt,
    createdAt: r.createdAt,
    completeAt: r.completeAt ?? null,
    dueAt: r.dueAt ?? null,
    overdue: overdue(r, now),
    officeMinutesLeft:
      r.dueAt && !isClosed(r.status) ? officeMinutesLeft(r, now, await calendars(r.villageCode)) : null,
  };
}

/** A page of requests as queue lines. */
export async function queueLines(page: { items: RequestItem[]; cursor: string | null }, now: Date) {
  const calendars = calendarCache();
  return {
    items: await Promise.all(page.items.map((r) => queueItem(r, now, calendars))),
    cursor: page.cursor,
  };
}

const filtersOf = (q: QueueFilters): StaffFilters => ({
  statuses: q.status,
  service: q.service,
  cursor: q.cursor,
  limit: q.limit,
});

/** The one request a tracking code names (through its claim), if it is in `inScope` and matches. */
async function byTrackingCode(code: string, inScope: (r: RequestItem) => boolean, q: QueueFilters) {
  const normal = normalizeTrackingCode(code);
  const found = normal ? await findByTrackingCode(normal) : undefined;
  const matches =
    found &&
    inScope(found) &&
    (!q.status || q.status.includes(found.status)) &&
    (!q.service || q.service === found.serviceCode);
  return { items: matches ? [found] : [], cursor: null };
}

/** A village's queue (open by due time, overdue first; then awaiting documents; then closed), filtered. */
export function villageQueue(villageCode: string, q: QueueFilters, now: Date) {
  if (q.q !== undefined) return byTrackingCode(q.q, (r) => r.villageCode === villageCode, q);
  return villageRequests(villageCode, filtersOf(q), now);
}

/** The requests forwarded to a kecamatan for the camat's signature (or in other statuses), filtered. */
export function kecamatanQueue(kecamatanCode: string, q: QueueFilters, now: Date) {
  if (q.q !== undefined) return byTrackingCode(q.q, (r) => r.kecamatanCode === kecamatanCode, q);
  return kecamatanRequests(kecamatanCode, { ...filtersOf(q), statuses: q.status ?? ['forwarded'] }, now);
}

/**
 * The regency's open requests past their promised due time: per kecamatan and open status, the
 * requests whose queue key (`0#<dueAt>`) sorts before now.
 */
export async function countOverdue(regencyCode: string, now: Date): Promise<number> {
  const open = STATUSES.filter((s) => !isClosed(s));
  const kecamatan = (await queryPage(Kecamatan, kecamatanByRegency, { regencyCode }, { all: true })).items;
  const spec = requestByKecamatanStatus;
  /** the index sort key's `queueSort` part (`request#0#<dueAt>`): a bound of a range of queue keys */
  const queueKey = (queueSort: string) => keyPrefix(spec.sk, {}, queueSort);
  let count = 0;
  for (const k of kecamatan) {
    const pages = await Promise.all(
      open.map((status) =>
        queryItems(
          ServiceRequest,
          table
            .build(QueryCommand)
            .entities(ServiceRequest)
            .query({
              index: spec.index,
              partition: keyOf(spec.pk, { kecamatanCode: k.code, status }),
              range: { between: [queueKey('0#'), queueKey(`0#${now.toISOString()}`)] },
            })
            .options({ attributes: ['id', 'status', 'dueAt'] }),
          { all: true },
        ),
      ),
    );
    for (const page of pages) count += page.items.filter((r) => overdue(r as RequestItem, now)).length;
  }
  return count;
}
