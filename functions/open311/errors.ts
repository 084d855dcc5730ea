import type { ErrorBody, ErrorFormat } from '../lib/contract';
import { Open311ErrorList } from './schemas';

/** One GeoReport v2 error: `code` is the HTTP status, `description` a human-readable message. */
export interface Open311Error {
  code: number;
  description: string;
}

/**
 * Our internal input paths → the Open311 parameter the client actually sent, so a 400 names the
 * field in the client's own vocabulary (`applicant.nik` → `attribute[applicant_nik]`).
 */
export function open311Param(path: string): string {
  if (path === 'serviceCode') return 'service_code';
  if (path.startsWith('applicant.')) return `attribute[applicant_${path.slice('applicant.'.length)}]`;
  if (path.startsWith('fields.')) return `attribute[${path.slice('fields.'.length)}]`;
  return path;
}

/**
 * Our `{error: {code, message, fields?}}` body (already translated by the error handler) → the
 * GeoReport v2 error list: one entry per offending field, else the message.
 */
export function toOpen311Errors(statusCode: number, body: Partial<ErrorBody>): Open311Error[] {
  const fields = body.error?.fields ?? [];
  if (fields.length > 0)
    return fields.map((f) => ({ code: statusCode, description: `${open311Param(f.path)}: ${f.message}` }));
  return [{ code: statusCode, description: body.error?.message ?? 'error' }];
}

/**
 * The error shape of every Open311 route (their contracts' `errors`): GeoReport clients expect
 * `[{code, description}]` with the HTTP status — for validation, domain errors, 413/415 and 500 alike.
 */
export const open311Errors: ErrorFormat = { schema: Open311ErrorList, format: toOpen311Errors };
