/**
 * The callers of the roles × routes matrix (test/integration/authorization-matrix.test.ts): every kind
 * of caller with its token and claims, and the outcome each one should get on a route, computed from
 * the route's `auth.roles` and scopes (./matrix.ts), never from functions/lib/auth.ts.
 */
import { type Role, type Route, routes } from '../../functions/routes';
import { allowedBySpec, type Identity, type Target } from './matrix';
import { KEMIREN, TAMANSARI } from './runtime';

export const LICIN = '35.10.24';
export const GLAGAH = '35.10.15';
export const BANYUWANGI = '35.10';
export const JEMBER = '35.09';

/** The resource every cell aims at lives here. */
export const HOME: Target = { village: TAMANSARI, kecamatan: LICIN, regency: BANYUWANGI };

export const villageOfficer: Identity = {
  groups: ['village-officer'],
  village: TAMANSARI,
  kecamatan: LICIN,
  regency: BANYUWANGI,
};

export type TokenKind = 'none' | 'foreign-key' | 'expired' | 'valid';
export interface CallerDef {
  id: string;
  label: string;
  token: TokenKind;
  identity: Identity;
  /** a demo account (signed in through /local/token); otherwise the token is minted */
  demo?: string;
  /**
   * a seller account registered for the matrix (beforeAll) in this state, signed in through
   * /local/token; not the owner of the fixtures' products
   */
  registered?: 'approved' | 'pending' | 'suspended';
  /** the seller that owns the seller-owned fixtures (the demo seller of Tamansari) */
  owner?: boolean;
}

export const CALLERS: CallerDef[] = [
  { id: 'anonymous', label: 'anonymous', token: 'none', identity: { groups: [] } },
  {
    id: 'bad-signature',
    label: 'bad signature (village officer claims, foreign key)',
    token: 'foreign-key',
    identity: villageOfficer,
  },
  { id: 'expired', label: 'expired token (village officer)', token: 'expired', identity: villageOfficer },
  {
    id: 'seller',
    label: 'seller of the village',
    token: 'valid',
    identity: {
      groups: ['seller'],
      seller: 'the demo seller',
      village: TAMANSARI,
      kecamatan: LICIN,
      regency: BANYUWANGI,
    },
    demo: 'seller@tamansari-licin',
    owner: true,
  },
  {
    id: 'seller-other-village',
    label: 'seller of another village',
    token: 'valid',
    identity: { groups: ['seller'], village: KEMIREN, kecamatan: GLAGAH, regency: BANYUWANGI },
    demo: 'seller@kemiren-glagah',
  },
  {
    id: 'seller-same-village',
    label: 'another approved seller of the village',
    token: 'valid',
    identity: { groups: ['seller'], village: TAMANSARI, kecamatan: LICIN, regency: BANYUWANGI },
    registered: 'approved',
  },
  {
    id: 'seller-pending',
    label: 'pending seller of the village',
    token: 'valid',
    identity: { groups: ['seller'], village: TAMANSARI, kecamatan: LICIN, regency: BANYUWANGI },
    registered: 'pending',
  },
  {
    id: 'seller-suspended',
    label: 'suspended seller of the village',
    token: 'valid',
    identity: { groups: ['seller'], village: TAMANSARI, kecamatan: LICIN, regency: BANYUWANGI },
    registered: 'suspended',
  },
  {
    id: 'village-own',
    label: 'village officer of the village',
    token: 'valid',
    identity: villageOfficer,
    demo: 'officer@tamansari-licin',
  },
  {
    id: 'village-other',
    label: 'village officer of another village',
    token: 'valid',
    identity: { groups: ['village-officer'], village: KEMIREN, kecamatan: GLAGAH, regency: BANYUWANGI },
    demo: 'officer@kemiren-glagah',
  },
  {
    id: 'kecamatan-own',
    label: 'kecamatan officer of the kecamatan',
    token: 'valid',
    identity: { groups: ['kecamatan-officer'], kecamatan: LICIN, regency: BANYUWANGI },
    demo: 'camat@licin',
  },
  {
    id: 'kecamatan-other',
    label: 'kecamatan officer of another kecamatan',
    token: 'valid',
    identity: { groups: ['kecamatan-officer'], kecamatan: GLAGAH, regency: BANYUWANGI },
  },
  {
    id: 'regency-own',
    label: 'regency admin of the regency',
    token: 'valid',
    identity: { groups: ['regency-admin'], regency: BANYUWANGI },
    demo: 'admin@banyuwangi',
  },
  {
    id: 'regency-other',
    label: 'regency admin of another regency',
    token: 'valid',
    identity: { groups: ['regency-admin'], regency: JEMBER },
  },
];

export interface Prepared {
  params: Record<string, string>;
  json?: unknown;
}
export interface Expectation {
  status: number;
  code?: string;
}
export interface Fixture {
  /** where the resource lives (the scope claims are compared with this) */
  target: Target;
  /**
   * the resource belongs to the demo seller: a seller admitted by the route's scope but not its
   * owner is refused (403) — another seller of the village, pending or suspended alike
   */
  owned?: boolean;
  prepare(): Promise<Prepared>;
  /** the answer of an authorized caller acting under `role` */
  allowed(role: Role, caller: CallerDef): Expectation;
  /** after a denied write: nothing changed */
  unchanged?(prepared: Prepared): Promise<void>;
}

export const protectedRoutes: readonly Route[] = routes.filter((r: Route) => r.auth !== 'public');

export type Outcome = { kind: 'denied'; status: 401 | 403; code: string } | { kind: 'allowed'; role: Role };

export function expectedOutcome(
  route: Route,
  caller: CallerDef,
  fixture: Pick<Fixture, 'target' | 'owned'>,
): Outcome {
  const outcome = scopeOutcome(route, caller, fixture.target);
  if (outcome.kind === 'allowed' && outcome.role === 'seller' && fixture.owned && !caller.owner)
    return { kind: 'denied', status: 403, code: 'forbidden' };
  return outcome;
}

export function scopeOutcome(route: Route, caller: CallerDef, target: Target): Outcome {
  if (caller.token !== 'valid') return { kind: 'denied', status: 401, code: 'unauthorized' };
  if (route.auth === 'public') throw new Error('public route in the matrix');
  const roles = route.auth.roles;
  const role = caller.identity.groups.find((g) =>
    allowedBySpec(
      { ...route, auth: { roles: { [g]: roles[g] } } },
      { ...caller.identity, groups: [g] },
      target,
    ),
  );
  return role ? { kind: 'allowed', role } : { kind: 'denied', status: 403, code: 'forbidden' };
}
