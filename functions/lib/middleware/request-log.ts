/**
 * (f) One log line per request, registered first so that it sees the final answer: the route, the
 * request id, the status and the milliseconds. Never a header, a body, a query or an item (lib/log.ts
 * cannot even take one); an unexpected error adds a line with its name and code only, since messages of
 * SDK and validation errors can echo the values they refused.
 */
import type middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { AppError } from '../errors';
import { log } from '../log';
import type { Event, Result } from '../responses';
import { requestIdOf } from './negotiate';

export function requestLog(route: string): middy.MiddlewareObj<Event, Result, Error, Context> {
  const started = new WeakMap<object, number>();
  const line = (request: middy.Request<Event, Result, Error, Context>) =>
    log('info', 'request', {
      route,
      requestId: requestIdOf(request.event, request.context),
      status: request.response?.statusCode,
      ms: Math.round(performance.now() - (started.get(request) ?? performance.now())),
    });
  return {
    name: 'request-log',
    before: (request) => {
      started.set(request, performance.now());
    },
    after: line,
    onError: (request) => {
      if (!(request.error instanceof AppError)) {
        const e = request.error as { name?: string; code?: string } | undefined;
        log('error', 'unhandled', {
          route,
          requestId: requestIdOf(request.event, request.context),
          error: e?.name ?? 'unknown',
          code: e?.code,
        });
      }
      line(request);
    },
  };
}
