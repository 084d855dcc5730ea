import type middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Event, Result } from '../lib/http';

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

interface OurErrorBody {
  error?: { code?: string; message?: string; fields?: { path: string; message: string }[] };
}

/**
 * Our `{error: {code, message, fields?}}` body (already translated by the one error mapper in
 * lib/http.ts) → the GeoReport v2 error list: one entry per offending field, else the message.
 */
export function toOpen311Errors(statusCode: number, body: OurErrorBody): Open311Error[] {
  const fields = body.error?.fields ?? [];
  if (fields.length > 0)
    return fields.map((f) => ({ code: statusCode, description: `${open311Param(f.path)}: ${f.message}` }));
  return [{ code: statusCode, description: body.error?.message ?? 'error' }];
}

/**
 * middy middleware for the Open311 routes: `endpoint()` answers errors as `{error: {...}}` (validation,
 * domain errors, 413/415, 500); GeoReport clients expect `[{code, description}]` with the same HTTP
 * status. Runs after the handler and rewrites such responses; successful ones pass untouched.
 */
export function open311Errors(): middy.MiddlewareObj<Event, Result, Error, Context> {
  return {
    after: (request) => {
      const response = request.response;
      if (!response || (response.statusCode ?? 200) < 400 || typeof response.body !== 'string') return;
      let body: unknown;
      try {
        body = JSON.parse(response.body);
      } catch {
        return;
      }
      if (!body || typeof body !== 'object' || Array.isArray(body) || !('error' in body)) return;
      request.response = {
        ...response,
        headers: { ...response.headers, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(toOpen311Errors(response.statusCode ?? 500, body as OurErrorBody)),
      };
    },
  };
}
