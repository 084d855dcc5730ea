import type { EntityItem } from 'electrodb';
import { Forbidden, NotFound } from '../lib/errors';
import {
  FAST,
  Regency,
  RequestDocument,
  type RequestItem,
  ServiceRequest,
  TrackingCode,
  type Village,
} from '../lib/table';
import { computeDueAt, DEFAULT_OFFICE_HOURS, isOverdue, type OfficeHours } from './domain/due';
import { secretMatches } from './domain/tracking';
import { isClosed } from './domain/transitions';

export async function getRequest(id: string): Promise<RequestItem> {
  const { data } = await ServiceRequest.get({ id }).go({ ...FAST, consistent: true });
  if (!data) throw new NotFound();
  return data;
}

/** A citizen's own request: the secret (hashed at rest) is the only key. Wrong or missing → 403. */
export async function getRequestWithSecret(id: string, secret: string | undefined): Promise<RequestItem> {
  const request = await getRequest(id);
  if (!secret || !secretMatches(secret, request.secretHash)) throw new Forbidden('error.secret');
  return request;
}

export async function findByTrackingCode(code: string): Promise<RequestItem | undefined> {
  const { data: claim } = await TrackingCode.get({ trackingCode: code }).go({ ...FAST, consistent: true });
  if (!claim) return undefined;
  const { data } = await ServiceRequest.get({ id: claim.requestId }).go({ ...FAST, consistent: true });
  return data ?? undefined;
}

export async function listDocuments(requestId: string) {
  const { data } = await RequestDocument.query.primary({ requestId }).go({ pages: 'all', consistent: true });
  return data;
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
export async function dueCalculator(
  village: Pick<EntityItem<typeof Village>, 'officeHours' | 'regencyCode'>,
) {
  const { data: regency } = await Regency.get({ code: village.regencyCode }).go();
  const hours = (village.officeHours ?? regency?.officeHours ?? DEFAULT_OFFICE_HOURS) as OfficeHours;
  const holidays = regency?.holidays ?? [];
  return (start: Date, duration: string) => computeDueAt(start, duration, hours, holidays).toISOString();
}

export function overdue(r: Pick<RequestItem, 'dueAt' | 'status'>, now: Date): boolean {
  return !isClosed(r.status) && isOverdue(r.dueAt, now);
}
