import { Forbidden, NotFound } from '../lib/errors';
import {
  getItem,
  indexes,
  queryPage,
  Regency,
  RequestDocument,
  type RequestItem,
  ServiceRequest,
  TrackingCode,
  type VillageItem,
} from '../lib/table';
import { computeDueAt, DEFAULT_OFFICE_HOURS, isOverdue, type OfficeHours } from './domain/due';
import { secretMatches } from './domain/tracking';
import { isClosed } from './domain/transitions';

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

export async function findByTrackingCode(code: string): Promise<RequestItem | undefined> {
  const { Item: claim } = await getItem(TrackingCode, { trackingCode: code }, { consistent: true });
  if (!claim) return undefined;
  const { Item } = await getItem(ServiceRequest, { id: claim.requestId }, { consistent: true });
  return Item;
}

export async function listDocuments(requestId: string) {
  const { items } = await queryPage(
    RequestDocument,
    indexes.documents,
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
export async function dueCalculator(village: Pick<VillageItem, 'officeHours' | 'regencyCode'>) {
  const { Item: regency } = await getItem(Regency, { code: village.regencyCode });
  const hours = (village.officeHours ?? regency?.officeHours ?? DEFAULT_OFFICE_HOURS) as OfficeHours;
  const holidays = regency?.holidays ?? [];
  return (start: Date, duration: string) => computeDueAt(start, duration, hours, holidays).toISOString();
}

export function overdue(r: Pick<RequestItem, 'dueAt' | 'status'>, now: Date): boolean {
  return !isClosed(r.status) && isOverdue(r.dueAt, now);
}
