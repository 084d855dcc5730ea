/**
 * The workspace's sign-in as a browser and the app do it, over the local OAuth endpoints: the
 * authorize page, its form posts, the code exchange with PKCE (test/integration/local-oauth*.test.ts,
 * accounts tests).
 */
import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { type Call, client } from './runtime';

export const CLIENT_ID = 'local-app-client';

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The hidden and named inputs of the page's form, as a browser would post them. */
export function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
    const value = /\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? '';
    if (name)
      fields[name] = value
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<');
  }
  return fields;
}

export interface SignInFlow {
  call: ReturnType<typeof client>;
  siteUrl: string;
  redirectUri: string;
  verifier: string;
  state: string;
  nonce: string;
  /** the authorize URL's path and query */
  authorizePath: string;
}

export function startFlow(apiUrl: string, siteUrl: string, lang: 'id' | 'en' = 'id'): SignInFlow {
  const { verifier, challenge } = pkce();
  const redirectUri = `${siteUrl}/kerja/${lang === 'en' ? 'en/' : ''}callback/`;
  const state = randomBytes(8).toString('hex');
  const nonce = randomBytes(8).toString('hex');
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: 'openid email profile',
    nonce,
  });
  return {
    call: client(apiUrl),
    siteUrl,
    redirectUri,
    verifier,
    state,
    nonce,
    authorizePath: `/local-cognito/oauth2/authorize?${q}`,
  };
}

/** Posts the page's form with these fields filled in. */
export function submit(flow: SignInFlow, page: Call, filled: Record<string, string>) {
  return flow.call('POST', '/local-cognito/oauth2/authorize', {
    form: { ...formFields(page.text), ...filled },
    headers: { accept: 'text/html' },
  });
}

export function codeOf(flow: SignInFlow, answer: Call): string {
  const location = new URL(answer.headers.get('location') ?? '');
  if (`${location.origin}${location.pathname}` !== flow.redirectUri)
    throw new Error(`redirected to ${location}`);
  if (location.searchParams.get('state') !== flow.state) throw new Error('state not returned');
  return location.searchParams.get('code') ?? '';
}

export function exchange(flow: SignInFlow, code: string, verifier = flow.verifier) {
  return flow.call('POST', '/local-cognito/oauth2/token', {
    form: {
      grant_type: 'authorization_code',
      code,
      redirect_uri: flow.redirectUri,
      client_id: CLIENT_ID,
      code_verifier: verifier,
    },
  });
}

/** Signs in through the page with a password (no new password asked) and answers the token answer. */
export async function signInThroughPage(apiUrl: string, siteUrl: string, username: string, password: string) {
  const flow = startFlow(apiUrl, siteUrl);
  const page = await flow.call('GET', flow.authorizePath, { headers: { accept: 'text/html' } });
  const answer = await submit(flow, page, { username, password });
  if (answer.status !== 302) throw new Error(`sign-in of ${username}: ${answer.status}`);
  const tokens = await exchange(flow, codeOf(flow, answer));
  return { flow, tokens: tokens.data, claims: decodeJwt(tokens.data.id_token) };
}
