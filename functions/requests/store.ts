import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import {
  computeDueAt,
  DEFAULT_OFFICE_HOURS,
  isOverdue,
  type OfficeHours,
  officeDuration,
  officeMinutesBetween,
} from '../calendar/due';
import { Forbidden, NotFound } from '../lib/errors';
import { getItem, isConditionFailed, queryPage } from '../lib/table';
import { Regency, type VillageItem } from '../villages/entities';
import { secretMatches } from './domain/tracking';
import { isClosed } from './domain/transitions';
import {
  documentsOfRequest,
  RequestDocument,
  type RequestItem,
  ServiceRequest,
  TrackingCode,
} from './entities';

export async function getRequest(id: string): Promise<RequestItem> {
  const { Item } = await getItem(ServiceRequest, { id }, { consistent: true });
  if (!Item) throw new NotFound();
  return Item;
}

/** A citizen's own request: the secret (hashed at rest) is the only key. Wrong or missing → 403. */
export async function getRequestWithSecret(id: string, secret: string | undefined): Promise<RequestItem> {
  const request = await getRequest(id);
  if (!secret || !secretMatches(secret, request.secretHash)) throw new Forbidden('error.secret');
  return request;
}

/**
 * Records, atomically, that the receipt showed the secret: true for the one view that does (the first),
 * false for every later one.
 */
export async function recordSecretShown(id: string, now: Date): Promise<boolean> {
  try {
    await ServiceRequest.build(UpdateItemCommand)
      .item({ id, secretShownAt: now.toISOString() })
      .options({
        condition: {
          and: [
            { attr: 'id', exists: true },
            { attr: 'secretShownAt', exists: false },
          ],
        },
      })
      .send();
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

export async function findByTrackingCode(code: string): Promise<RequestItem | undefined> {
  const { Item: claim } = await getItem(TrackingCode, { trackingCode: code }, { consistent: true });
  if (!claim) return undefined;
  const { Item } = await getItem(ServiceRequest, { id: claim.requestId }, { consistent: true });
  return Item;
}

/** One document's stored item, read consistently (undefined when there is none yet). */
export async function getDocument(requestId: string, documentId: string) {
  return (await getItem(RequestDocument, { requestId, documentId }, { consistent: true })).Item;
}

export async function listDocuments(requestId: string) {
  const { items } = await queryPage(
    RequestDocument,
    documentsOfRequest,
    { requestId },
    { all: true, consistent: true },
  );
  return items;
}

/** Orders the village queue: open with a due time (overdue first), open awaiting documents, closed. */
export function queueSort(r: {
  status: string;
  dueAt?: string;
  createdAt: string;
  closedAt?: string;
}): string {
  if (isClosed(r.status as RequestItem['status'])) return `2#${r.closedAt ?? r.createdAt}`;
  return r.dueAt ? `0#${r.dueAt}` : `1#${r.createdAt}`;
}

/** The office hours and holidays the promise of a village's service counts in. */
export async function officeCalendarOf(village: Pick<VillageItem, 'officeHours' | 'regencyCode'>) {
  const { Item: regency } = await getItem(Regency, { code: village.regencyCode });
  const hours = (village.officeHours ?? regency?.officeHours ?? DEFAULT_OFFICE_HOURS) as OfficeHours;
  return { hours, holidays: regency?.holidays ?? [] };
}

export async function dueCalculator(village: Pick<VillageItem, 'officeHours' | 'regencyCode'>) {
  const { hours, holidays } = await officeCalendarOf(village);
  return (start: Date, duration: string) => computeDueAt(start, duration, hours, holidays).toISOString();
}

/**
 * The promise paused while the citizen fixes the request: the office time left from `now` to its due
 * time, or undefined when there is nothing to pause (no due time yet, or already overdue: a request
 * that was late before it was sent back stays late).
 */
export async function pauseClock(
  village: Pick<VillageItem, 'officeHours' | 'regencyCode'>,
  dueAt: string | undefined,
  now: Date,
): Promise<string | undefined> {
  if (!dueAt || isOverdue(dueAt, now)) return undefined;
  const { hours, holidays } = await officeCalendarOf(village);
  return officeDuration(officeMinutesBetween(now, new Date(dueAt), hours, holidays));
}

export function overdue(r: Pick<RequestItem, 'dueAt' | 'status'>, now: Date): boolean {
  return !isClosed(r.status) && isOverdue(r.dueAt, now);
}
