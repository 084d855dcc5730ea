import { type Ctx, endpoint, type Result } from '../lib/http';
import type * as z from '../lib/zod';
import type { RouteId } from '../routes';
import { open311Errors } from './errors';

/**
 * `endpoint()` (the one middy chain: parsing, validation, auth, logging, error mapping) plus the
 * Open311 error shape: every error leaves as `[{code, description}]` with its HTTP status.
 */
export function open311Endpoint<B = undefined, Q = undefined, P = undefined>(
  routeId: RouteId,
  schemas: { body?: z.ZodMiniType<B>; query?: z.ZodMiniType<Q>; params?: z.ZodMiniType<P> },
  fn: (ctx: Ctx<B, Q, P>) => Promise<Result>,
) {
  return endpoint(routeId, schemas, fn).use(open311Errors());
}
