/**
 * The JSON API as the workspace uses it: every path and every field the app reads is here, so the
 * shapes can be adjusted in one place when the API changes. Calls carry `Authorization: Bearer
 * <id_token>`; a 401 (or no session) starts sign-in and comes back to this screen.
 */
import { idToken, signIn } from './auth/session';
import { loadConfig } from './config';
import type { Lang } from './routes';

export type Status =
  | 'submitted'
  | 'in_review'
  | 'needs_revision'
  | 'resubmitted'
  | 'forwarded'
  | 'approved'
  | 'completed'
  | 'rejected';
export type Localized = { id: string; en: string };

export interface QueueItem {
  id: string;
  trackingCode: string;
  villageCode: string;
  service: { code: string; name: Localized; level: 'desa' | 'kecamatan' };
  applicantName: string;
  status: Status;
  version: number;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
  /** office minutes (the village's calendar, WIB) until the due time; negative once overdue */
  officeMinutesLeft?: number | null;
}
export interface Page<T> {
  items: T[];
  cursor: string | null;
}
export interface HistoryEntry {
  at: string;
  actor: string;
  actorName?: string;
  role: string;
  from: Status | null;
  to: Status;
  reason?: string;
}
export interface DocumentLink {
  documentId: string;
  requirement: string;
  contentType: string;
  size?: number;
  url: string;
}
export interface Move {
  to: Status;
  reasonRequired: boolean;
}
export interface RequestDetail extends Omit<QueueItem, 'service' | 'applicantName'> {
  serviceCode: string;
  serviceName: Localized;
  serviceLevel: 'desa' | 'kecamatan';
  applicant: { name: string; nik: string; whatsapp?: string };
  fields: Record<string, string | number | string[]>;
  documents: DocumentLink[];
  /** walk-in requests: the documents the officer saw in original */
  documentsSeen?: { requirement: string; by?: string; byName?: string; at?: string }[];
  history: HistoryEntry[];
  allowedMoves: Move[];
  /** a completed request's letter (issue 16) */
  letterNumber?: string;
  letterToken?: string;
}
export interface ServiceField {
  code: string;
  label: Localized;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  order: number;
  values?: { key: string; name: Localized }[];
}
export interface Service {
  code: string;
  name: Localized;
  level: 'desa' | 'kecamatan';
  duration: string;
  requirements: { code: string; name: Localized; kind: 'document' | 'field'; required: boolean }[];
  fields: ServiceField[];
}
export interface WalkInReceipt {
  id: string;
  trackingCode: string;
  secret: string;
  dueAt: string | null;
}
/** An officer or camat account as the API lists it (functions/accounts/schemas.ts AccountView). */
export interface Account {
  username: string;
  email: string;
  displayName: string;
  role: 'village-officer' | 'kecamatan-officer';
  regencyCode?: string;
  villageCode?: string;
  kecamatanCode?: string;
  status: 'creating' | 'active' | 'disabled';
}
/** A new account; locally (never on AWS, where Cognito e-mails it) its temporary password, once. */
export interface CreatedAccount {
  account: Account;
  temporaryPassword?: string;
}
export type QueueFilters = Partial<
  Record<'status' | 'service' | 'q' | 'kecamatan' | 'village' | 'overdue' | 'cursor', string>
>;

/** An answer of the API that is not a success: its status and JSON body (if any). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(`API ${status}`);
  }
}

let lang: Lang = 'id';
export function setApiLanguage(l: Lang) {
  lang = l;
}

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const [{ apiBase }, token] = await Promise.all([loadConfig(), idToken()]);
  if (!token) return signIn(lang);
  const response = await fetch(apiBase + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      'accept-language': lang,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 401) return signIn(lang);
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new ApiError(response.status, json);
  return json as T;
}

const query = (q: QueueFilters) => {
  const p = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => !!e[1]));
  const s = p.toString();
  return s ? `?${s}` : '';
};
const enc = encodeURIComponent;

export const api = {
  villageQueue: (code: string, q: QueueFilters) =>
    call<Page<QueueItem>>('GET', `/villages/${enc(code)}/requests${query(q)}`),
  kecamatanQueue: (code: string, q: QueueFilters) =>
    call<Page<QueueItem>>('GET', `/kecamatan/${enc(code)}/requests${query(q)}`),
  regencyQueue: (code: string, q: QueueFilters) =>
    call<Page<QueueItem>>('GET', `/regency/${enc(code)}/requests${query(q)}`),
  request: (id: string) => call<RequestDetail>('GET', `/requests/${enc(id)}`),
  /** 200 the updated request; ApiError 409 `{status, version, last}` or 422 `{error: invalid_transition, allowed}` */
  transition: (id: string, body: { to: Status; reason?: string; version: number }) =>
    call<RequestDetail>('POST', `/requests/${enc(id)}/transitions`, body),
  /** the issued letter's PDF (404 while it is being issued) */
  letter: async (id: string): Promise<Blob> => {
    const [{ apiBase }, token] = await Promise.all([loadConfig(), idToken()]);
    if (!token) return signIn(lang);
    const response = await fetch(`${apiBase}/requests/${enc(id)}/letter`, {
      headers: { authorization: `Bearer ${token}`, 'accept-language': lang },
    });
    if (!response.ok) throw new ApiError(response.status, {});
    return response.blob();
  },
  revokeLetter: (id: string, reason: string) =>
    call<{ status: string }>('POST', `/requests/${enc(id)}/letter/revoke`, { reason }),
  services: (village: string) => call<Page<Service>>('GET', `/villages/${enc(village)}/services`),
  walkIn: (village: string, body: unknown, idempotencyKey: string) =>
    call<WalkInReceipt>('POST', `/villages/${enc(village)}/walk-in-requests`, body, {
      'idempotency-key': idempotencyKey,
    }),
  accounts: (regency: string, q: { village?: string; kecamatan?: string; cursor?: string }) =>
    call<Page<Account>>('GET', `/regency/${enc(regency)}/accounts${query(q)}`),
  createAccount: (
    regency: string,
    body: { email: string; displayName: string; role: string; villageCode?: string; kecamatanCode?: string },
  ) => call<CreatedAccount>('POST', `/regency/${enc(regency)}/accounts`, body),
  setAccountEnabled: (regency: string, username: string, enabled: boolean) =>
    call<Account>(
      'POST',
      `/regency/${enc(regency)}/accounts/${enc(username)}/${enabled ? 'enable' : 'disable'}`,
    ),
};

/** An error answer's fields, wherever they are: the API's `{error: {code, message, fields, …}}` or flat. */
function errorBody(e: ApiError): Record<string, unknown> {
  const inner = e.body.error;
  return inner && typeof inner === 'object' ? { ...e.body, ...(inner as Record<string, unknown>) } : e.body;
}

/** What a 409 says: who changed the request and to what (its last history entry, or the fresh request's). */
export function conflictOf(e: ApiError, fresh?: RequestDetail): { who: string; status: string } {
  const inner = errorBody(e);
  // the API's 409: `{error: {code: 'conflict', current: {status, version, lastChange}}}`
  const current =
    inner.current && typeof inner.current === 'object' ? (inner.current as Record<string, unknown>) : {};
  const body = { ...inner, ...current };
  const last = (body.lastChange ?? body.last ?? fresh?.history.at(-1)) as Partial<HistoryEntry> | undefined;
  return {
    who: last?.actorName ?? last?.actor ?? '?',
    status: String(body.status ?? fresh?.status ?? last?.to ?? ''),
  };
}

/** The moves a 422 invalid_transition lists (`allowed`: statuses or moves). */
export function allowedOf(e: ApiError): Move[] {
  const body = errorBody(e);
  const allowed = Array.isArray(body.allowed)
    ? body.allowed
    : Array.isArray(body.allowedMoves)
      ? body.allowedMoves
      : [];
  return allowed.map((a: unknown) =>
    typeof a === 'string' ? { to: a as Status, reasonRequired: false } : (a as Move),
  );
}

/** A 400's field errors (`path` such as `applicant.nik`, `message` in the caller's language). */
export function fieldErrorsOf(e: ApiError): { path: string; message: string }[] {
  const fields = errorBody(e).fields;
  return Array.isArray(fields) ? (fields as { path: string; message: string }[]) : [];
}
