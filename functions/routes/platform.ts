/**
 * The route table's platform routes: the OpenAPI document and the local identity's stand-ins for
 * Cognito (./index.ts assembles the table).
 */
import type { Route } from './route';

export const platformRoutes = [
  // platform
  {
    id: 'openapi',
    method: 'GET',
    path: '/openapi.json',
    handler: 'openapi/handler',
    auth: 'public',
    summary: 'OpenAPI 3.1, generated from the zod schemas',
  },
  {
    id: 'local.jwks',
    method: 'GET',
    path: '/local-cognito/.well-known/jwks.json',
    handler: 'auth/local-jwks',
    auth: 'public',
    localOnly: true,
    summary: "The local issuer's public keys (where Cognito serves its JWKS)",
  },
  {
    id: 'local.token',
    method: 'POST',
    path: '/local/token',
    handler: 'auth/local-token',
    auth: 'public',
    table: 'read',
    localOnly: true,
    summary: 'Local sign-in (stands in for Cognito)',
  },
] as const satisfies readonly Route[];
