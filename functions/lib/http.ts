/**
 * The one middy chain every API route runs, built from its contract (lib/contract.ts). One concern per
 * middleware (functions/lib/middleware/), in this order:
 *
 *   request log (f) → header and event normalizers (@middy) → negotiation (a) → route authorization (b)
 *   → body parsing (c, routes with a body) → validation (d) → error handler (e, registered last)
 *   → the handler
 *
 * Each middleware adds its part to the event, and the handler's argument is typed by what they add
 * (`HttpRequest`): the thin handler parses nothing, it calls the feature and maps the result.
 */
import middy from '@middy/core';
import httpEventNormalizer from '@middy/http-event-normalizer';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { Context } from 'aws-lambda';
import { routeById } from '../routes';
import { config } from './config';
import type { Contract } from './contract';
import { type Authorized, authorizeRoute } from './middleware/authorize';
import { type ParsedBody, parseBody } from './middleware/body';
import { type ErrorPage, errorHandler } from './middleware/error-handler';
import { type Negotiated, negotiate } from './middleware/negotiate';
import { requestLog } from './middleware/request-log';
import { type Validated, validate } from './middleware/validate';
import type { Event, Result } from './responses';

// features that check input themselves (a submission against its service's fields) report like the chain
export { zodFields } from './middleware/validate';
export { type Event, html, json, type Result, redirect } from './responses';

/** What a handler gets: the request as the chain leaves it, typed by the route's contract. */
export type HttpRequest<C extends Contract> = Negotiated & Authorized & ParsedBody & Validated<C>;

/** A route's Lambda handler, as API Gateway (and the local runtime) calls it. */
export type HttpHandler = middy.MiddyfiedHandler<Event, Result, Error, Context>;

export interface EndpointOptions {
  /** the route's own HTML page for its errors, instead of the generic one (browsers only) */
  errorPage?: ErrorPage;
}

/**
 * The Lambda handler of the contract's route: the chain, then `fn`, the thin handler. A route that
 * declares no body gets none parsed (nor a 413 / 415 for one).
 */
export function endpoint<const C extends Contract>(
  contract: C,
  fn: (request: HttpRequest<C>) => Promise<Result>,
  options: EndpointOptions = {},
): HttpHandler {
  // at import, i.e. the cold start: a bad environment fails the function's init loudly (lib/config.ts)
  config();
  const route = routeById(contract.route);
  const bodyParsing: ReturnType<typeof parseBody>[] = contract.body ? [parseBody()] : [];
  // No early timeout: middy's would answer by throwing a TimeoutError outside our error mapping, i.e.
  // the same 5xx as Lambda's own timeout, for a timer, a promise and a race on every request (0018).
  return middy<Event, Result, Error, Context>({ timeoutEarlyInMillis: 0 })
    .use(requestLog(route.id))
    .use(httpHeaderNormalizer())
    .use(httpEventNormalizer())
    .use(negotiate(route))
    .use(authorizeRoute(route))
    .use(bodyParsing)
    .use(validate(contract))
    .use(errorHandler({ format: contract.errors, page: options.errorPage }))
    .handler<Event, Result>(fn);
}
