import type { Role, Route, Scope } from '../routes';
import { Forbidden, Unauthorized } from './errors';

export interface Caller {
  sub: string;
  username: string;
  /** the ID token's `name` claim (a display name for the history), absent when the token has none */
  name?: string | undefined;
  groups: Role[];
  village?: string;
  kecamatan?: string;
  regency?: string;
  seller?: string;
}

const ROLES: readonly Role[] = ['village-officer', 'kecamatan-officer', 'regency-admin', 'seller'];

/**
 * API Gateway's JWT authorizer hands claims over stringified: `cognito:groups` arrives as
 * `"[village-officer kecamatan-officer]"`; a direct invoke or a test may pass a real array.
 */
export function parseGroups(value: unknown): Role[] {
  const raw = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value
          .replace(/^\[|\]$/g, '')
          .split(/[\s,]+/)
          .filter(Boolean)
      : [];
  return raw.filter((g): g is Role => (ROLES as readonly string[]).includes(g));
}

export function callerFromClaims(claims: Record<string, unknown> | undefined): Caller | undefined {
  if (!claims || typeof claims.sub !== 'string') return undefined;
  // only ID tokens carry the scoping attributes; API Gateway's JWT authorizer also lets a Cognito
  // access token through (its client_id matches the audience): treat it as no sign-in at all
  if (claims.token_use !== 'id') return undefined;
  const str = (k: string) =>
    typeof claims[k] === 'string' && claims[k] !== '' ? (claims[k] as string) : undefined;
  return {
    sub: claims.sub,
    username: str('cognito:username') ?? str('username') ?? claims.sub,
    name: str('name'),
    groups: parseGroups(claims['cognito:groups']),
    village: str('custom:village'),
    kecamatan: str('custom:kecamatan'),
    regency: str('custom:regency'),
    seller: str('custom:seller'),
  };
}

/** The roles of the caller this route admits, with the scope each must match (the route table's matrix). */
export function admittedRoles(route: Route, caller: Caller | undefined): { role: Role; scope: Scope }[] {
  if (route.auth === 'public') return [];
  if (!caller) throw new Unauthorized();
  const admitted = caller.groups.flatMap((role) => {
    const scope = route.auth === 'public' ? undefined : route.auth.roles[role];
    return scope ? [{ role, scope }] : [];
  });
  if (admitted.length === 0) throw new Forbidden();
  return admitted;
}

export interface Target {
  villageCode?: string;
  kecamatanCode?: string;
  regencyCode?: string;
}

/** Does this role's scope cover the target resource? */
export function scopeCovers(caller: Caller, scope: Scope, target: Target): boolean {
  switch (scope) {
    case 'village':
      return !!caller.village && caller.village === target.villageCode;
    case 'kecamatan':
      return (
        !!caller.kecamatan &&
        (caller.kecamatan === target.kecamatanCode ||
          (!!target.villageCode && target.villageCode.startsWith(`${caller.kecamatan}.`)))
      );
    case 'regency': {
      const regency =
        target.regencyCode ?? target.kecamatanCode?.slice(0, 5) ?? target.villageCode?.slice(0, 5);
      return !!caller.regency && caller.regency === regency;
    }
  }
}

/** Returns the role under which the caller may act on the target, or throws 403. */
export function authorize(route: Route, caller: Caller | undefined, target: Target): Role {
  const match = admittedRoles(route, caller).find(
    ({ scope }) => caller && scopeCovers(caller, scope, target),
  );
  if (!match) throw new Forbidden();
  return match.role;
}
