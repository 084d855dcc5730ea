/**
 * (b) Route authorization from the route table: the caller from the claims API Gateway's JWT
 * authorizer verified, refused before the handler runs when the route admits none of its roles (401
 * without a sign-in, 403 for a role the route's matrix does not list). Whether the caller's scope
 * covers the very resource (its village, kecamatan or regency) needs the resource: the handler asks
 * with `authorize(target)`, bound to this route.
 */
import type middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Role, Route } from '../../routes';
import { admittedRoles, authorize, type Caller, callerFromClaims, type Target } from '../auth';
import type { Event, Result } from '../responses';

export interface Authorized {
  /** the signed-in caller, if any (a public route may have one) */
  caller: Caller | undefined;
  /** the role under which the caller may act on `target` on this route; 403 when no scope covers it */
  authorize(target: Target): Role;
}

export function authorizeRoute(
  route: Route,
): middy.MiddlewareObj<Event & Authorized, Result, Error, Context> {
  return {
    name: 'authorize-route',
    before: ({ event }) => {
      const caller = callerFromClaims(event.requestContext?.authorizer?.jwt?.claims);
      admittedRoles(route, caller);
      event.caller = caller;
      event.authorize = (target) => authorize(route, caller, target);
    },
  };
}
