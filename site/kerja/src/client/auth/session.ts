/**
 * Sign-in with OAuth 2.0 authorization code + PKCE (S256) through oauth4webapi, against Cognito's
 * managed login on AWS and the local runtime's look-alike endpoints locally (one code path).
 *
 * Tokens live in memory and in sessionStorage (this tab only; a reload keeps the session), never in
 * localStorage or a URL. The ID token is refreshed a minute before it expires; 30 minutes without
 * input signs out (revoke the refresh token, then the logout endpoint).
 */
import * as oauth from 'oauth4webapi';
import { loadConfig, type WorkspaceConfig } from '../config';
import { type Lang, screenPath } from '../routes';
import { needsEnrolment } from './enrolment';
import { encodeState, savePending, takePending } from './state';

export type Role = 'village-officer' | 'kecamatan-officer' | 'regency-admin';
export interface User {
  name: string;
  roles: Role[];
  village?: string;
  kecamatan?: string;
  regency?: string;
  /** made staff by an admin, without a staff group yet: TOTP to enrol (./enrolment.ts, AWS only) */
  enrol?: true;
  /** the ID token's e-mail (the authenticator's account label) */
  email?: string;
}
interface Tokens {
  idToken: string;
  /** Cognito's access token (scope aws.cognito.signin.user.admin): TOTP enrolment only */
  accessToken?: string;
  refreshToken?: string;
  /** ms epoch of the ID token's exp */
  expiresAt: number;
  user: User;
}

const STORE = 'kerja.session';
const IDLE_MS = 30 * 60_000;
const REFRESH_EARLY_MS = 60_000;
let tokens: Tokens | undefined;
let refreshing: Promise<Tokens | undefined> | undefined;

function server(c: WorkspaceConfig): oauth.AuthorizationServer {
  return {
    issuer: c.issuer,
    authorization_endpoint: c.authorizationEndpoint,
    token_endpoint: c.tokenEndpoint,
    revocation_endpoint: c.revocationEndpoint,
  };
}
const client = (c: WorkspaceConfig): oauth.Client => ({ client_id: c.clientId });
/**
 * plain http only where the app itself is served over plain http: the local runtime (on AWS the site
 * is https, and oauth4webapi refuses an http token endpoint)
 */
const insecure = (c: WorkspaceConfig) =>
  location.protocol === 'http:' && c.tokenEndpoint.startsWith('http:')
    ? { [oauth.allowInsecureRequests]: true }
    : {};

const ROLES: readonly Role[] = ['village-officer', 'kecamatan-officer', 'regency-admin'];

export function userOf(claims: Record<string, unknown>): User {
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as unknown[]) : [];
  const str = (k: string) => (typeof claims[k] === 'string' ? (claims[k] as string) : undefined);
  const user: User = {
    name: str('name') ?? str('email') ?? '',
    roles: ROLES.filter((r) => groups.includes(r)),
  };
  const village = str('custom:village');
  const kecamatan = str('custom:kecamatan');
  const regency = str('custom:regency');
  if (village) user.village = village;
  if (kecamatan) user.kecamatan = kecamatan;
  if (regency) user.regency = regency;
  if (needsEnrolment(claims)) {
    user.enrol = true;
    const email = str('email');
    if (email) user.email = email;
  }
  return user;
}

function keep(response: oauth.TokenEndpointResponse, previous?: Tokens): Tokens {
  const claims = oauth.getValidatedIdTokenClaims(response);
  if (!claims || !response.id_token) throw new Error('no id token');
  const refreshToken = response.refresh_token ?? previous?.refreshToken;
  const next: Tokens = {
    idToken: response.id_token,
    ...(response.access_token ? { accessToken: response.access_token } : {}),
    expiresAt: claims.exp * 1000,
    user: userOf(claims as unknown as Record<string, unknown>),
    ...(refreshToken ? { refreshToken } : {}),
  };
  tokens = next;
  sessionStorage.setItem(STORE, JSON.stringify(next));
  scheduleRefresh();
  return next;
}

function restore(): Tokens | undefined {
  if (tokens) return tokens;
  try {
    const raw = sessionStorage.getItem(STORE);
    tokens = raw ? (JSON.parse(raw) as Tokens) : undefined;
  } catch {
    tokens = undefined;
  }
  if (tokens) scheduleRefresh();
  return tokens;
}

/** The signed-in user, or undefined (no session in this tab). */
export function currentUser(): User | undefined {
  return restore()?.user;
}

/** Starts sign-in: to the authorize endpoint, coming back to `returnPath` (this screen by default). */
export async function signIn(lang: Lang, returnPath = location.pathname + location.search): Promise<never> {
  const c = await loadConfig();
  const verifier = oauth.generateRandomCodeVerifier();
  const state = encodeState(oauth.generateRandomState(), returnPath);
  const nonce = oauth.generateRandomNonce();
  const redirectUri = `${c.siteOrigin}${screenPath(lang, 'callback')}`;
  savePending(sessionStorage, { state, verifier, nonce, redirectUri });
  const url = new URL(c.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: c.clientId,
    redirect_uri: redirectUri,
    // + Cognito's own scope: the access token then enrols TOTP (decision 0030)
    scope: 'openid email profile aws.cognito.signin.user.admin',
    state,
    nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    lang,
  }).toString();
  location.assign(url.href);
  return new Promise<never>(() => {});
}

/** The callback: checks state, trades the code (with the verifier) for tokens; returns the state. */
export async function completeSignIn(current: URL): Promise<string> {
  const c = await loadConfig();
  const pending = takePending(sessionStorage);
  if (!pending) throw new Error('no pending sign-in');
  const as = server(c);
  const params = oauth.validateAuthResponse(as, client(c), current.searchParams, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client(c),
    oauth.None(),
    params,
    pending.redirectUri,
    pending.verifier,
    insecure(c),
  );
  keep(
    await oauth.processAuthorizationCodeResponse(as, client(c), response, { expectedNonce: pending.nonce }),
  );
  return pending.state;
}

async function refresh(): Promise<Tokens | undefined> {
  const t = restore();
  if (!t?.refreshToken) return undefined;
  refreshing ??= (async () => {
    try {
      const c = await loadConfig();
      const as = server(c);
      const response = await oauth.refreshTokenGrantRequest(
        as,
        client(c),
        oauth.None(),
        t.refreshToken as string,
        insecure(c),
      );
      return keep(await oauth.processRefreshTokenResponse(as, client(c), response), t);
    } catch {
      forget();
      return undefined;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleRefresh() {
  clearTimeout(refreshTimer);
  if (!tokens) return;
  const wait = Math.max(0, tokens.expiresAt - REFRESH_EARLY_MS - Date.now());
  refreshTimer = setTimeout(() => void refresh(), Math.min(wait, 2 ** 31 - 1));
}

/** The ID token for the API, refreshed first when it is about to expire; undefined = sign in again. */
export async function idToken(): Promise<string | undefined> {
  const t = restore();
  if (!t) return undefined;
  if (t.expiresAt - REFRESH_EARLY_MS > Date.now()) return t.idToken;
  return (await refresh())?.idToken;
}

/** The access token (refreshed with the ID token), for Cognito's TOTP enrolment; undefined = sign in again. */
export async function accessToken(): Promise<string | undefined> {
  const t = restore();
  if (!t) return undefined;
  if (t.expiresAt - REFRESH_EARLY_MS > Date.now()) return t.accessToken;
  return (await refresh())?.accessToken;
}

function forget() {
  tokens = undefined;
  clearTimeout(refreshTimer);
  sessionStorage.removeItem(STORE);
}

/** Ends the session: revokes the refresh token, forgets the tokens, then the sign-in service's logout. */
export async function signOut(lang: Lang): Promise<void> {
  const t = restore();
  forget();
  const c = await loadConfig();
  if (t?.refreshToken) {
    await oauth
      .revocationRequest(server(c), client(c), oauth.None(), t.refreshToken, insecure(c))
      .then((r) => oauth.processRevocationResponse(r))
      .catch(() => undefined);
  }
  const url = new URL(c.logoutEndpoint);
  url.searchParams.set('client_id', c.clientId);
  url.searchParams.set('logout_uri', `${c.siteOrigin}${screenPath(lang, 'queue')}`);
  location.assign(url.href);
}

/** Signs out after 30 minutes without a key, pointer or touch: the office laptop left open. */
export function watchIdle(lang: Lang, onIdle = () => void signOut(lang)): () => void {
  let last = Date.now();
  const seen = () => {
    last = Date.now();
  };
  const events = ['keydown', 'pointerdown', 'input', 'wheel', 'touchstart'] as const;
  for (const e of events) addEventListener(e, seen, { passive: true, capture: true });
  const timer = setInterval(() => {
    if (restore() && Date.now() - last >= IDLE_MS) onIdle();
  }, 30_000);
  return () => {
    clearInterval(timer);
    for (const e of events) removeEventListener(e, seen, { capture: true });
  };
}
