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
  // the local stand-ins for Cognito's managed login (the workspace's OAuth 2.0 code flow with PKCE)
  {
    id: 'local.openid',
    method: 'GET',
    path: '/local-cognito/.well-known/openid-configuration',
    handler: 'auth/openid-configuration',
    auth: 'public',
    localOnly: true,
    summary: "The local issuer's OpenID discovery document (Cognito's shape)",
  },
  {
    id: 'local.authorize',
    method: 'GET',
    path: '/local-cognito/oauth2/authorize',
    handler: 'auth/authorize',
    auth: 'public',
    html: true,
    localOnly: true,
    summary: 'The sign-in page of an authorization request (code flow, PKCE S256)',
  },
  {
    id: 'local.authorize.submit',
    method: 'POST',
    path: '/local-cognito/oauth2/authorize',
    handler: 'auth/authorize-submit',
    auth: 'public',
    html: true,
    table: 'write',
    localOnly: true,
    summary: 'The sign-in form: password (and a new one after a temporary one), then the code',
  },
  {
    id: 'local.oauth.token',
    method: 'POST',
    path: '/local-cognito/oauth2/token',
    handler: 'auth/oauth-token',
    auth: 'public',
    table: 'write',
    localOnly: true,
    summary: 'Tokens for a code and its PKCE verifier, or for a refresh token',
  },
  {
    id: 'local.oauth.revoke',
    method: 'POST',
    path: '/local-cognito/oauth2/revoke',
    handler: 'auth/oauth-revoke',
    auth: 'public',
    table: 'write',
    localOnly: true,
    summary: 'Revokes a refresh token',
  },
  {
    id: 'local.logout',
    method: 'GET',
    path: '/local-cognito/logout',
    handler: 'auth/oauth-logout',
    auth: 'public',
    html: true,
    localOnly: true,
    summary: 'Sign-out: back to a registered sign-out URL',
  },
] as const satisfies readonly Route[];
