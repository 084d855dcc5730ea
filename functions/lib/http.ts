import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { type RouteId, routeById } from '../routes';
import { admittedRoles, type Caller, callerFromClaims } from './auth';
import { config } from './config';
import { AppError, Invalid, TooLarge, UnsupportedMediaType } from './errors';
import { errorPage } from './html';
import { fieldLabel, type Lang, negotiateLang, t } from './i18n';
import { log } from './log';
import { illFormedPaths, readForm, UNICODE_MESSAGE } from './unicode';
import type * as z from './zod';

export type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
export type Result = APIGatewayProxyStructuredResultV2;

/** Largest JSON / form body we accept (files never pass through the API: they go straight to S3). */
export const MAX_BODY_BYTES = 64 * 1024;

export interface Ctx<B, Q, P> {
  routeId: RouteId;
  requestId: string;
  /** the HTTP method as API Gateway saw it (a HEAD may reach a GET route locally) */
  method: string;
  lang: Lang;
  body: B;
  query: Q;
  params: P;
  /** lower-cased request headers */
  headers: Record<string, string>;
  /** the raw form, when the body was a form post */
  form?: URLSearchParams;
  /** the body arrived as an HTML form post (answer with HTML / redirects) */
  isForm: boolean;
  /** the client asked for HTML (a browser) */
  wantsHtml: boolean;
  caller?: Caller;
  /** the client's address as API Gateway saw it (for rate limits; never logged or stored raw) */
  sourceIp: string;
  now: Date;
}

interface Schemas<B, Q, P> {
  body?: z.ZodMiniType<B>;
  query?: z.ZodMiniType<Q>;
  params?: z.ZodMiniType<P>;
}

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): Result => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

export const html = (statusCode: number, body: string, headers: Record<string, string> = {}): Result => ({
  statusCode,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action *; base-uri 'none'; frame-ancestors 'none'",
    ...headers,
  },
  // a page may print text stored before the Unicode rule (lib/unicode.ts): "�", never a broken byte
  body: body.toWellFormed(),
});

export const redirect = (location: string, statusCode = 303): Result => ({
  statusCode,
  headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  body: '',
});

/** Flat dotted form names (`applicant.nik`, `fields.jenis_usaha`) into a nested object. */
export function formToObject(form: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of form) {
    const path = name.split('.');
    let node = out;
    path.forEach((segment, i) => {
      if (segment === '__proto__' || segment === 'constructor' || segment === 'prototype') return;
      if (i === path.length - 1) {
        const prev = node[segment];
        node[segment] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
      } else {
        const next = node[segment];
        node[segment] = next && typeof next === 'object' && !Array.isArray(next) ? next : {};
        node = node[segment] as Record<string, unknown>;
      }
    });
  }
  return out;
}

function rawBody(event: Event): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/**
 * The message of one zod issue: a strings-file key the schema set (`field.whatsapp`), also when it
 * sits in a branch of a union (`applicant.whatsapp` is "a number or empty"), else a generic one.
 */
function issueMessage(issue: z.core.$ZodIssue, atRoot: boolean): string {
  if (issue.message.startsWith('field.')) return issue.message;
  if (issue.code === 'invalid_union') {
    for (const branch of issue.errors)
      for (const nested of branch) if (nested.message.startsWith('field.')) return nested.message;
  }
  // a record's key (`fields.<code>`) that is not text: the key schema's own message
  if (issue.code === 'invalid_key' || issue.code === 'invalid_element') {
    for (const nested of issue.issues) if (nested.message.startsWith('field.')) return nested.message;
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'field.required';
  if (atRoot && issue.code === 'invalid_type') return 'field.body_object';
  if (issue.code === 'too_big') return 'field.too_long';
  if (issue.code === 'too_small' && issue.origin === 'string') return 'field.too_short';
  return 'field.invalid';
}

/** zod issues → our field errors; messages that are strings-file keys get translated later. */
export function zodFields(
  error: z.core.$ZodError,
  prefix: string[] = [],
): { path: string; message: string }[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys' && !issue.message.startsWith('field.'))
      return {
        path: [path, ...issue.keys].filter(Boolean).join('.') || '(body)',
        message: 'field.unknown',
      };
    return { path: path || '(body)', message: issueMessage(issue, !path) };
  });
}

function parse<T>(schema: z.ZodMiniType<T> | undefined, value: unknown, prefix: string[]): T {
  if (!schema) return value as T;
  const result = schema.safeParse(value);
  if (!result.success) throw new Invalid(zodFields(result.error, prefix));
  // the Unicode rule of every string schema (lib/zod.ts), also for what none of them read: a body
  // taken whole (`z.unknown()`, checked later by the domain), keys of records, extra keys
  const stray = illFormedPaths(value, prefix);
  if (stray.length) throw new Invalid(stray.map((path) => ({ path, message: UNICODE_MESSAGE })));
  return result.data;
}

function wantsHtml(headers: Record<string, string>): boolean {
  const accept = headers.accept ?? '';
  return /text\/html/.test(accept) && !/application\/json/.test(accept);
}

export function errorResponse(error: unknown, lang: Lang, requestId: string, htmlWanted: boolean): Result {
  if (error instanceof AppError) {
    const body = {
      error: {
        code: error.code,
        message: t(lang, error.message, error.params),
        ...(error.fields
          ? {
              // a path may hold the very key that was refused as ill-formed: shown with U+FFFD
              fields: error.fields.map((f) => ({
                path: f.path.toWellFormed(),
                message: t(lang, f.message, f.params),
              })),
            }
          : {}),
      },
    };
    if (!htmlWanted) return json(error.statusCode, body, error.headers);
    // the page names each field as the form showed it (JSON keeps the paths): the catalogue's label
    // of a service field, the strings file's of the applicant's
    const fields = error.fields?.map((f) => ({
      label: f.label?.[lang] ?? fieldLabel(lang, f.path),
      message: t(lang, f.message, f.params),
    }));
    return html(
      error.statusCode,
      errorPage(
        lang,
        { code: body.error.code, message: body.error.message, ...(fields ? { fields } : {}) },
        error.sitePage,
      ),
      error.headers,
    );
  }
  const body = { error: { code: 'internal', message: t(lang, 'error.internal'), requestId } };
  return htmlWanted ? html(500, errorPage(lang, body.error)) : json(500, body);
}

/**
 * Builds a Lambda handler for one route of the route table: body parsing (JSON or form), zod
 * validation, authentication against the route's roles, the one error mapper, and a log line with
 * ids and timings only. The function `fn` is the thin handler: parse → domain → map.
 */
export function endpoint<B = undefined, Q = undefined, P = undefined>(
  routeId: RouteId,
  schemas: Schemas<B, Q, P>,
  fn: (ctx: Ctx<B, Q, P>) => Promise<Result>,
) {
  // at import, i.e. the cold start: a bad environment fails the function's init loudly (lib/config.ts)
  config();
  const route = routeById(routeId);
  // No early timeout: middy's would answer by throwing a TimeoutError outside our error mapping, i.e.
  // the same 5xx as Lambda's own timeout, for a timer, a promise and a race on every request.
  return middy<Event, Result, Error, Context>({ timeoutEarlyInMillis: 0 }).handler(async (event, context) => {
    const started = performance.now();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(event.headers ?? {}))
      if (v !== undefined) headers[k.toLowerCase()] = v;
    const requestId = event.requestContext?.requestId ?? context?.awsRequestId ?? 'local';
    // an empty value (`?category=`, what a plain form sends for "all") means the parameter is absent
    const query = Object.fromEntries(
      Object.entries(event.queryStringParameters ?? {}).filter(([, v]) => v !== undefined && v !== ''),
    ) as Record<string, string>;
    let lang = negotiateLang(headers['accept-language'], query.lang);
    const contentType = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const isForm = contentType === 'application/x-www-form-urlencoded';
    const htmlWanted = (route.html ?? false) && (isForm || wantsHtml(headers));
    let response: Result;
    try {
      const caller = callerFromClaims(event.requestContext?.authorizer?.jwt?.claims);
      admittedRoles(route, caller);
      let body: unknown;
      let form: URLSearchParams | undefined;
      if (schemas.body) {
        const text = rawBody(event);
        if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new TooLarge();
        if (isForm) {
          const read = readForm(text);
          form = read.form;
          lang = negotiateLang(headers['accept-language'], form.get('lang') ?? query.lang);
          // bytes that are not UTF-8 (`%ED%A0%80`): refused by name, not read as U+FFFD
          if (read.illFormed.length)
            throw new Invalid(read.illFormed.map((path) => ({ path, message: UNICODE_MESSAGE })));
          body = formToObject(form);
        } else if (contentType === 'application/json' || (contentType === '' && text.trim() === '')) {
          try {
            body = text.trim() === '' ? {} : JSON.parse(text);
          } catch {
            throw new Invalid([{ path: '(body)', message: 'field.json' }]);
          }
        } else {
          throw new UnsupportedMediaType();
        }
      }
      const ctx: Ctx<B, Q, P> = {
        routeId,
        requestId,
        method: (event.requestContext?.http?.method ?? 'GET').toUpperCase(),
        lang,
        headers,
        form,
        isForm,
        wantsHtml: htmlWanted,
        caller,
        sourceIp: event.requestContext?.http?.sourceIp ?? 'unknown',
        now: new Date(),
        params: parse(schemas.params, event.pathParameters ?? {}, []),
        query: parse(schemas.query, query, []),
        body: parse(schemas.body, body, []),
      };
      response = await fn(ctx);
    } catch (error) {
      if (!(error instanceof AppError)) {
        // name and code only: messages of SDK and validation errors can echo item values
        const e = error as { name?: string; code?: string };
        log('error', 'unhandled', { route: routeId, requestId, error: e?.name ?? 'unknown', code: e?.code });
      }
      response = errorResponse(error, lang, requestId, htmlWanted);
    }
    log('info', 'request', {
      route: routeId,
      requestId,
      status: response.statusCode,
      ms: Math.round(performance.now() - started),
    });
    return response;
  });
}
