/**
 * THE route table. CDK builds API Gateway routes, one Lambda per route and least-privilege grants
 * from it (infra/); the local runtime mounts the same list (infra/local/). Adding a route is one entry
 * in a part of it (./services.ts, ./market.ts, ./platform.ts, ./accounts.ts) plus its handler module. Pure data: no
 * imports outside this folder, so every bundle can carry it cheaply. What a route declares: ./route.ts.
 */
import { accountRoutes } from './accounts';
import { marketRoutes } from './market';
import { platformRoutes } from './platform';
import type { Route } from './route';
import { serviceRoutes } from './services';

export type { Access, Method, Partition, ProbedBucket, Role, Route, Scope } from './route';

export const routes = [
  ...serviceRoutes,
  ...marketRoutes,
  ...platformRoutes,
  ...accountRoutes,
] as const satisfies readonly Route[];

export type RouteId = (typeof routes)[number]['id'];

/**
 * Request headers a browser client of the API may send beyond the CORS-safelisted ones: what API
 * Gateway's CORS preflight (infra/stacks/api-stack.ts) and the local adapter's allow. A header a
 * handler reads must be here, or a JavaScript client's preflight fails.
 */
export const corsRequestHeaders = [
  'authorization',
  'content-type',
  'idempotency-key',
  'if-match',
  'x-request-secret',
] as const;

/** Response headers a browser client of the API may read beyond the CORS-safelisted ones. */
export const corsExposedHeaders = ['etag', 'location', 'retry-after', 'x-request-id'] as const;

/** The methods a cross-origin browser client may use (API Gateway's corsPreflight and the local adapter's). */
export const corsMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export function routeById(id: RouteId): Route {
  const route = routes.find((r) => r.id === id);
  if (!route) throw new Error(`unknown route ${id}`);
  return route;
}
