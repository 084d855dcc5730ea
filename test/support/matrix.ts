/**
 * Helpers for the roles × routes matrix and the property tests: the authorization spec read off the
 * route table (independently of functions/lib/auth.ts, so the tests check the code against the table),
 * and tokens for identities that are no demo account.
 *
 * Everything under functions/ that reads the config is imported lazily: call these only after
 * startRuntime() has set process.env.
 */
import type { Role, Route, Scope } from '../../functions/routes';

export interface Identity {
  groups: Role[];
  village?: string;
  kecamatan?: string;
  regency?: string;
  seller?: string;
}

export interface Target {
  village?: string;
  kecamatan: string;
  regency: string;
}

/** The route table's promise: does one of the caller's roles, with its scope, cover the target? */
export function allowedBySpec(route: Route, who: Identity, target: Target): boolean {
  if (route.auth === 'public') return true;
  const roles = route.auth.roles;
  return who.groups.some((role) => {
    const scope: Scope | undefined = roles[role];
    if (scope === 'village') return target.village !== undefined && who.village === target.village;
    if (scope === 'kecamatan') return who.kecamatan === target.kecamatan;
    if (scope === 'regency') return who.regency === target.regency;
    return false;
  });
}

/** `/requests/{id}/transitions` + `{id: 'abc'}` → `/requests/abc/transitions`; throws on a missing param. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{([A-Za-z0-9_]+)\+?\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
}

export interface MintOptions {
  /** sign with a freshly generated key instead of the runtime's */
  foreignKey?: boolean;
  /** issue the token this many seconds in the past (with a short lifetime, so it is expired) */
  agoSeconds?: number;
  ttlSeconds?: number;
}

/** An ID token for any identity, signed like the local Cognito stand-in signs (or deliberately not). */
export async function mintToken(username: string, who: Identity, opts: MintOptions = {}): Promise<string> {
  const { issueLocalTokens, loadOrCreateLocalKey } = await import('../../functions/auth/local-identity');
  const { localKey } = await import('../../functions/auth/local-key');
  const { config } = await import('../../functions/lib/config');
  const key = opts.foreignKey ? await loadOrCreateLocalKey(undefined) : await localKey();
  const now = Math.floor(Date.now() / 1000) - (opts.agoSeconds ?? 0);
  const tokens = await issueLocalTokens(
    key,
    {
      username,
      groups: who.groups,
      attributes: {
        'custom:village': who.village,
        'custom:kecamatan': who.kecamatan,
        'custom:regency': who.regency,
        'custom:seller': who.seller,
      },
    },
    {
      issuer: config().AUTH_ISSUER,
      audience: config().AUTH_CLIENT_ID,
      now,
      ...(opts.ttlSeconds !== undefined ? { ttlSeconds: opts.ttlSeconds } : {}),
    },
  );
  return tokens.idToken;
}
