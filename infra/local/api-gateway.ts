/**
 * API Gateway's side of a local request (HTTP API, payload format 2.0), for the adapter (./adapter.ts):
 * its limits, which bodies arrive base64-encoded, the request id and time formats, reading the body,
 * the `$default` route's event, and how it reads a Lambda's result.
 */
import { randomFillSync } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Route } from '../../functions/routes';
import { ACCOUNT_ID, localLambdaContext } from './lambda';

export const MAX_BODY_BYTES = 10 * 1024 * 1024;
export const MAX_EVENT_BYTES = 6 * 1024 * 1024;
const TEXT_TYPES = new Set(['application/json', 'application/xml', 'application/javascript']);
export const API_ID = 'local';

/** `/open311/v2/services/{code}.json` → `/open311/v2/services/:code.json`; `{proxy+}` → `*`. */
export function toFindMyWayPath(path: string): string {
  return path
    .replace(/:/g, '::')
    .replace(/\{([A-Za-z0-9_]+)\+\}/g, '*')
    .replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

/** API Gateway passes bodies as text only for these; everything else arrives base64-encoded. */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mime.startsWith('text/') || TEXT_TYPES.has(mime);
}

export function errorBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/** API Gateway's requestContext.time format: `12/Mar/2020:19:03:58 +0000` (one string per second). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
let timeCache = { second: -1, text: '' };
export function apiGatewayTime(d: Date): string {
  const second = Math.floor(d.getTime() / 1000);
  if (second === timeCache.second) return timeCache.text;
  const p = (n: number) => String(n).padStart(2, '0');
  const text = `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(
    d.getUTCMinutes(),
  )}:${p(d.getUTCSeconds())} +0000`;
  timeCache = { second, text };
  return text;
}

/**
 * API Gateway's ids look like `JKJaXmPLvHcESHA=` (10 random bytes, base64). Cut from a pool refilled
 * every 400 ids: a `randomBytes(10)` per request cost ~11 µs on this machine, a tenth of the adapter.
 */
const ID_BYTES = 10;
const idPool = Buffer.alloc(ID_BYTES * 400);
let idOffset = idPool.length;
export function newRequestId(): string {
  if (idOffset === idPool.length) {
    randomFillSync(idPool);
    idOffset = 0;
  }
  const id = idPool.toString('base64', idOffset, idOffset + ID_BYTES);
  idOffset += ID_BYTES;
  return id;
}

interface ReadBody {
  body: Buffer;
  tooLarge: boolean;
}

const NO_BODY: ReadBody = { body: Buffer.alloc(0), tooLarge: false };

/** The request's body; a request without one (most GETs) answers synchronously, without a promise. */
export function readBody(req: IncomingMessage, limit: number): ReadBody | Promise<ReadBody> {
  // already complete: no need to wait for its 'end' event (node:http drains it after the response)
  if (
    req.complete ||
    (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined)
  ) {
    return NO_BODY;
  }
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        // keep draining (so the client sees our 413), but give up on absurd sizes
        if (size > limit * 10) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody({ body: Buffer.concat(chunks), tooLarge }));
    req.on('close', () => {
      if (!req.complete) resolveBody({ body: Buffer.alloc(0), tooLarge: true });
    });
    req.on('error', reject);
  });
}

export const lambdaContext = (route: Route, requestId: string, deadline: number): Context =>
  localLambdaContext({
    functionName: `local-${route.id.replace(/[^A-Za-z0-9-_]/g, '-')}`,
    memoryMb: 1024,
    requestId,
    deadline,
  });

/** The event of API Gateway's `$default` route: no route key of ours, no path parameters, no authorizer. */
export function defaultRouteEvent(
  req: IncomingMessage,
  requestId: string,
  rawPath: string,
  rawQueryString: string,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = [v].flat().join(',');
  const now = new Date();
  const queryStringParameters =
    rawQueryString === '' ? undefined : Object.fromEntries(new URLSearchParams(rawQueryString));
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: API_ID,
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: (req.method ?? 'GET').toUpperCase(),
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: '$default',
      stage: '$default',
      time: apiGatewayTime(now),
      timeEpoch: now.getTime(),
    },
  };
}

export interface Reply {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body?: Buffer | string;
}

/** API Gateway v2's reading of a Lambda result. `null` = malformed (API Gateway answers 500). */
export function normalizeResult(result: unknown): Reply | null {
  if (
    result !== null &&
    typeof result === 'object' &&
    !Array.isArray(result) &&
    'statusCode' in (result as object)
  ) {
    const r = result as APIGatewayProxyStructuredResultV2;
    if (typeof r.statusCode !== 'number' || !Number.isInteger(r.statusCode)) return null;
    if (r.body !== undefined && r.body !== null && typeof r.body !== 'string') return null;
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(r.headers ?? {})) {
      if (v !== undefined && v !== null) headers[k.toLowerCase()] = String(v);
    }
    if (Array.isArray(r.cookies) && r.cookies.length > 0) {
      const existing = headers['set-cookie'];
      headers['set-cookie'] = [...(existing === undefined ? [] : [existing].flat()), ...r.cookies];
    }
    const body = r.body == null ? undefined : r.isBase64Encoded ? Buffer.from(r.body, 'base64') : r.body;
    return { statusCode: r.statusCode, headers, ...(body === undefined ? {} : { body }) };
  }
  // No statusCode: API Gateway assumes 200 + application/json and serializes the value as the body.
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(result === undefined ? null : result),
  };
}
