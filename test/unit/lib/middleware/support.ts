/**
 * What the middleware tests share: an API Gateway v2 event as the local adapter and API Gateway build
 * it, and middy's request around it, so one middleware runs alone, exactly as the chain calls it.
 */
import type middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Event, Result } from '../../../../functions/lib/responses';

export interface EventOptions {
  method?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  params?: Record<string, string>;
  body?: string;
  base64?: boolean;
  claims?: Record<string, unknown>;
  requestId?: string;
}

export function event(o: EventOptions = {}): Event {
  return {
    version: '2.0',
    routeKey: `${o.method ?? 'GET'} /test`,
    rawPath: '/test',
    rawQueryString: new URLSearchParams(o.query ?? {}).toString(),
    headers: o.headers ?? {},
    ...(o.query ? { queryStringParameters: o.query } : {}),
    ...(o.params ? { pathParameters: o.params } : {}),
    ...(o.body !== undefined ? { body: o.base64 ? Buffer.from(o.body).toString('base64') : o.body } : {}),
    isBase64Encoded: o.base64 ?? false,
    requestContext: {
      requestId: o.requestId ?? 'req-1',
      http: {
        method: o.method ?? 'GET',
        path: '/test',
        protocol: 'HTTP/1.1',
        sourceIp: '10.0.0.7',
        userAgent: 't',
      },
      ...(o.claims ? { authorizer: { jwt: { claims: o.claims, scopes: [] } } } : {}),
    },
  } as unknown as Event;
}

/** middy's request as a middleware sees it (the event typed as the middleware's own). */
export function request<E = Event>(e: Event, context: Partial<Context> = {}) {
  return {
    event: e as unknown as E,
    context: context as Context,
    response: undefined as Result | undefined,
    error: undefined as unknown,
    internal: {},
  } satisfies Partial<middy.Request<E, Result, unknown, Context>>;
}

/** Runs a middleware's `before` on a request; answers what it threw (undefined when nothing). */
export async function before<R>(mw: { before?: (request: never) => unknown }, r: R): Promise<unknown> {
  try {
    await mw.before?.(r as never);
    return undefined;
  } catch (error) {
    return error;
  }
}
