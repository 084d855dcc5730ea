/**
 * The local OAuth endpoints' one registered client — the workspace (`/kerja/`), a public client (no
 * secret, PKCE) — and its URLs, exactly as the Cognito app client registers them on AWS
 * (infra/stacks/auth-stack.ts): callback `<site origin>/kerja/callback/` and its English twin, sign-out
 * to `<site origin>/kerja/` and `/kerja/en/`. The site origin is SITE_URL's; the client id the one
 * the API's tokens are checked against (AUTH_CLIENT_ID), so its ID tokens call the API as they are.
 */
import { config } from '../lib/config';
import type { Lang } from '../lib/i18n';

export const WORKSPACE_PATH = '/kerja/';

export function siteOrigin(): string {
  return new URL(config().SITE_URL).origin;
}

/** The callback and sign-out URLs of the workspace under a site origin (Cognito's and ours). */
export function workspaceUrls(origin: string) {
  return {
    callbacks: [`${origin}/kerja/callback/`, `${origin}/kerja/en/callback/`],
    logouts: [`${origin}/kerja/`, `${origin}/kerja/en/`],
  };
}

export const isClient = (clientId: string | undefined) => clientId === config().AUTH_CLIENT_ID;

/** Exact match with a registered callback (no prefix, no normalisation: the OAuth rule). */
export const isCallback = (uri: string | undefined) =>
  uri !== undefined && workspaceUrls(siteOrigin()).callbacks.includes(uri);

export const isLogoutUri = (uri: string | undefined) =>
  uri !== undefined && workspaceUrls(siteOrigin()).logouts.includes(uri);

/** The page's language: English for the English callback or `lang=en`, else Bahasa Indonesia. */
export function pageLang(redirectUri: string | undefined, lang: string | undefined): Lang {
  if (lang === 'en' || lang === 'id') return lang;
  return redirectUri?.startsWith(`${siteOrigin()}/kerja/en/`) ? 'en' : 'id';
}

/** The issuer's endpoints, Cognito's paths under it (`/oauth2/authorize`, `/oauth2/token`, …). */
export function issuerEndpoints(issuer = config().AUTH_ISSUER) {
  const base = issuer.replace(/\/+$/, '');
  return {
    issuer: base,
    authorization: `${base}/oauth2/authorize`,
    token: `${base}/oauth2/token`,
    revocation: `${base}/oauth2/revoke`,
    logout: `${base}/logout`,
    jwks: `${base}/.well-known/jwks.json`,
  };
}
