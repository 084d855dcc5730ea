/**
 * An authorization request of the local OAuth endpoints (`/oauth2/authorize`), checked as Cognito
 * checks one: the client and its redirect URI first (a mismatch is shown on the page, never
 * redirected: RFC 6749 §4.1.2.1), then the rest (answered to the client at its redirect URI with
 * `error=…`). PKCE with S256 is required: the workspace is a public client.
 */
import type { Lang } from '../lib/i18n';
import { isCallback, isClient, pageLang } from './oauth-clients';

export const SCOPES = ['openid', 'email', 'profile'] as const;
/**
 * What a request may ask for: the discovery's scopes and, as the workspace client on AWS grants it,
 * Cognito's own `aws.cognito.signin.user.admin` (TOTP enrolment with the access token, decision 0030;
 * locally nothing uses it: the demo accounts sign in with their password alone)
 */
export const REQUESTABLE_SCOPES: readonly string[] = [...SCOPES, 'aws.cognito.signin.user.admin'];

/** The parameters the form carries from page to page (what the GET got). */
export const CARRIED = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'code_challenge',
  'code_challenge_method',
  'scope',
  'nonce',
  'lang',
] as const;

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state?: string;
  codeChallenge: string;
  nonce?: string;
  scope: string;
  lang: Lang;
  /** the parameters as received, to carry through the form */
  carried: Record<string, string>;
}

export type Checked =
  | { ok: true; request: AuthorizeRequest }
  /** not the registered client or redirect URI: say so on the page */
  | { ok: false; show: string; lang: Lang }
  /** a valid client and redirect with a bad request: tell the client (error, state) */
  | { ok: false; redirect: string };

const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export function errorRedirect(redirectUri: string, error: string, description: string, state?: string) {
  const url = new URL(redirectUri);
  url.searchParams.set('error', error);
  url.searchParams.set('error_description', description);
  if (state !== undefined) url.searchParams.set('state', state);
  return url.toString();
}

export function checkAuthorizeRequest(input: Record<string, string | undefined>): Checked {
  const get = (name: string) => {
    const v = input[name];
    return v === undefined || v === '' ? undefined : v;
  };
  const redirectUri = get('redirect_uri');
  const lang = pageLang(redirectUri, get('lang'));
  if (!isClient(get('client_id'))) return { ok: false, show: 'invalid_client: client_id', lang };
  if (!isCallback(redirectUri)) return { ok: false, show: 'invalid_request: redirect_uri', lang };
  const uri = redirectUri as string;
  const state = get('state');
  if (state !== undefined && state.length > 1024)
    return { ok: false, redirect: errorRedirect(uri, 'invalid_request', 'state is too long') };
  const fail = (error: string, description: string) => ({
    ok: false as const,
    redirect: errorRedirect(uri, error, description, state),
  });
  if (get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  const challenge = get('code_challenge');
  if (!challenge || !CHALLENGE.test(challenge))
    return fail('invalid_request', 'code_challenge is required (PKCE: 43 base64url characters)');
  if (get('code_challenge_method') !== 'S256')
    return fail('invalid_request', 'code_challenge_method must be S256');
  const scopes = (get('scope') ?? 'openid').split(' ').filter(Boolean);
  if (!scopes.includes('openid') || scopes.some((s) => !REQUESTABLE_SCOPES.includes(s)))
    return fail('invalid_scope', `scope must include openid and only ${REQUESTABLE_SCOPES.join(', ')}`);
  const nonce = get('nonce');
  if (nonce !== undefined && nonce.length > 512) return fail('invalid_request', 'nonce is too long');
  const carried: Record<string, string> = {};
  for (const name of CARRIED) {
    const v = get(name);
    if (v !== undefined) carried[name] = v;
  }
  return {
    ok: true,
    request: {
      clientId: get('client_id') as string,
      redirectUri: uri,
      ...(state !== undefined ? { state } : {}),
      codeChallenge: challenge,
      ...(nonce !== undefined ? { nonce } : {}),
      scope: scopes.join(' '),
      lang,
      carried,
    },
  };
}

/** The client's redirect with the code (and its state back). */
export function codeRedirect(request: AuthorizeRequest, code: string): string {
  const url = new URL(request.redirectUri);
  url.searchParams.set('code', code);
  if (request.state !== undefined) url.searchParams.set('state', request.state);
  return url.toString();
}
