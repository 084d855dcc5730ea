/**
 * The roles × routes matrix, every cell, against the running local runtime.
 *
 * The spec is the route table (functions/routes/): every non-public route is exercised by every
 * kind of caller, and the expected outcome is computed from the route's `auth.roles` and scopes (see
 * test/support/matrix.ts, written independently of functions/lib/auth.ts). A new non-public route
 * without a target fixture here fails the suite.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, type Route, routes } from '../../functions/routes';
import type { LocalRuntime } from '../../infra/local/runtime';
import { allowedBySpec, fillPath, type Identity, mintToken, type Target } from '../support/matrix';
import {
  type Call,
  client,
  KEMIREN,
  NIK,
  signIn,
  skuBody,
  startRuntime,
  TAMANSARI,
} from '../support/runtime';

const LICIN = '35.10.24';
const GLAGAH = '35.10.15';
const BANYUWANGI = '35.10';
const JEMBER = '35.09';

/** The resource every cell aims at lives here. */
const HOME: Target = { village: TAMANSARI, kecamatan: LICIN, regency: BANYUWANGI };

const villageOfficer: Identity = {
  groups: ['village-officer'],
  village: TAMANSARI,
  kecamatan: LICIN,
  regency: BANYUWANGI,
};

type TokenKind = 'none' | 'foreign-key' | 'expired' | 'valid';
interface CallerDef {
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

const CALLERS: CallerDef[] = [
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

interface Prepared {
  params: Record<string, string>;
  json?: unknown;
}
interface Expectation {
  status: number;
  code?: string;
}
interface Fixture {
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

let runtime: LocalRuntime;
let call: ReturnType<typeof client>;
const tokens = new Map<string, string | undefined>();
/** A Tamansari request (read by the read cells) and a Kemiren one (for tenant isolation). */
const home = { id: '', trackingCode: '', name: 'Matrix Rahasia Tamansari' };
const away = { id: '', trackingCode: '', name: 'Matrix Rahasia Kemiren', nik: '3510154107850003' };

async function submit(village: string, name: string, nik = NIK) {
  const body = skuBody(name);
  const res = await call('POST', `/villages/${village}/requests`, {
    json: { ...body, applicant: { ...body.applicant, nik } },
  });
  expect(res.status, res.text).toBe(201);
  return res.data as { id: string; trackingCode: string; secret: string };
}

const read: Fixture['allowed'] = () => ({ status: 200 });

/**
 * A seller of Tamansari in `state`, registered through the domain (the public route's per-address
 * limit is the transition cells'), moved by the village officer's route, and signed in.
 */
async function registeredSeller(label: string, state: 'approved' | 'pending' | 'suspended') {
  const { SellerRegisterBody } = await import('../../functions/sellers/schemas');
  const { registerSeller } = await import('../../functions/sellers/store');
  const { getVillage } = await import('../../functions/villages/store');
  const n = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  const password = 'Matrix-Sandi-2026!';
  const body = SellerRegisterBody.parse({
    businessName: `Matrix ${label} ${n}`,
    ownerName: 'Matrix',
    whatsapp: `0813${n}`,
    kind: 'umkm',
    description: 'Uji matriks',
    password,
  });
  const { id } = await registerSeller(await getVillage(TAMANSARI), body, new Date());
  const moves = state === 'pending' ? [] : state === 'approved' ? ['approved'] : ['approved', 'suspended'];
  for (const to of moves) {
    const res = await call('POST', `/sellers/${id}/transitions`, {
      token: tokens.get('village-own'),
      json: { to, ...(to === 'suspended' ? { reason: 'uji matriks' } : {}) },
    });
    expect(res.status, res.text).toBe(200);
  }
  const signedIn = await call('POST', '/local/token', { json: { username: body.whatsapp, password } });
  expect(signedIn.status, signedIn.text).toBe(200);
  return signedIn.data.idToken as string;
}
/** the demo seller of Tamansari (its products are the seller routes' resources) */
const seller = { id: '' };

async function draftProduct(name = 'Matrix Keripik') {
  const res = await call('POST', `/villages/${TAMANSARI}/products`, {
    token: tokens.get('seller'),
    json: { name, description: { id: 'Uji matriks' }, category: 'food_drink', price: 10000, unit: 'bungkus' },
  });
  expect(res.status, res.text).toBe(201);
  return res.data as { id: string; version: number };
}

const FIXTURES: Record<string, Fixture> = {
  'villages.profile': {
    target: HOME,
    // a value nobody wrote before: a denied cell must not have stored it
    prepare: async () => ({
      params: { code: TAMANSARI },
      json: { population: 100_000 + Math.floor(Math.random() * 900_000) },
    }),
    allowed: read,
    unchanged: async ({ json }) => {
      const res = await call('GET', `/villages/${TAMANSARI}`);
      expect(res.data.profile.population).not.toBe((json as { population: number }).population);
    },
  },
  'villages.news': {
    target: HOME,
    prepare: async () => {
      const slug = `matriks-${Math.floor(Math.random() * 1e9)}`;
      return {
        params: { code: TAMANSARI },
        json: {
          slug,
          date: '2026-11-01',
          title: { id: 'Uji matriks' },
          summary: { id: 'Uji' },
          body: { id: ['Paragraf uji.'] },
        },
      };
    },
    allowed: () => ({ status: 201 }),
  },
  'villages.apbdes': {
    target: HOME,
    prepare: async () => ({
      params: { code: TAMANSARI, year: '2025' },
      json: {
        income: 1000,
        sectors: [
          { code: '1', name: { id: 'Pemerintahan', en: 'Administration' }, budget: 1000, realisation: 10 },
        ],
      },
    }),
    allowed: read,
  },
  'sellers.list': {
    target: HOME,
    prepare: async () => ({ params: { code: TAMANSARI } }),
    allowed: read,
  },
  'sellers.get': {
    target: HOME,
    owned: true,
    prepare: async () => ({ params: { id: seller.id } }),
    allowed: read,
  },
  'sellers.products': {
    target: HOME,
    owned: true,
    prepare: async () => ({ params: { id: seller.id } }),
    allowed: read,
  },
  'sellers.transition': {
    target: HOME,
    // a fresh pending seller per cell
    prepare: async () => {
      const n = String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
      const res = await call('POST', `/villages/${TAMANSARI}/sellers`, {
        json: {
          businessName: `Matrix ${n}`,
          ownerName: 'Matrix',
          whatsapp: `0813${n}`,
          kind: 'umkm',
          description: 'Uji matriks',
          password: 'Matrix-Sandi-2026!',
        },
      });
      expect(res.status, res.text).toBe(201);
      return { params: { id: res.data.id }, json: { to: 'approved' } };
    },
    allowed: () => ({ status: 200 }),
    unchanged: async ({ params }) => {
      const res = await call('GET', `/sellers/${params.id}`, { token: tokens.get('village-own') });
      expect(res.data).toMatchObject({ status: 'pending', version: 1 });
    },
  },
  'products.create': {
    target: HOME,
    prepare: async () => ({
      params: { code: TAMANSARI },
      json: {
        name: 'Matrix Produk',
        description: { id: 'Uji' },
        category: 'other',
        price: 1000,
        unit: 'buah',
      },
    }),
    // any seller of the village may add a draft (a pending one too); a suspended one may not
    allowed: (_role, caller) =>
      caller.registered === 'suspended' ? { status: 409, code: 'seller_not_active' } : { status: 201 },
  },
  'products.patch': {
    target: HOME,
    owned: true,
    prepare: async () => {
      const { id } = await draftProduct();
      return { params: { id }, json: { version: 1, status: 'taken_down', reason: 'uji matriks' } };
    },
    allowed: (role) => {
      if (role === 'village-officer') return { status: 200 };
      // the seller may edit its product, but taking it down is the officer's
      if (role === 'seller') return { status: 422, code: 'transition_not_allowed' };
      throw new Error(`no expectation for ${role} on products.patch`);
    },
    unchanged: async ({ params }) => {
      const res = await call('GET', `/products/${params.id}`, { token: tokens.get('village-own') });
      expect(res.data).toMatchObject({ status: 'draft', version: 1 });
    },
  },
  'photos.create': {
    target: HOME,
    owned: true,
    prepare: async () => {
      const { id } = await draftProduct();
      return { params: { id }, json: { contentType: 'image/jpeg', size: 2000 } };
    },
    allowed: () => ({ status: 201 }),
    unchanged: async ({ params }) => {
      const res = await call('GET', `/products/${params.id}`, { token: tokens.get('village-own') });
      expect(res.data.photos).toEqual([]);
    },
  },
  'photos.confirm': {
    target: HOME,
    owned: true,
    prepare: async () => {
      const { id } = await draftProduct();
      const photo = await call('POST', `/products/${id}/photos`, {
        token: tokens.get('seller'),
        json: { contentType: 'image/jpeg', size: 2000 },
      });
      expect(photo.status, photo.text).toBe(201);
      return { params: { id, photoId: photo.data.photoId } };
    },
    // nothing was uploaded: the seller's confirm is accepted and refused for the missing file
    allowed: () => ({ status: 422, code: 'photo_missing' }),
  },
  'photos.delete': {
    target: HOME,
    owned: true,
    prepare: async () => {
      const { id } = await draftProduct();
      const photo = await call('POST', `/products/${id}/photos`, {
        token: tokens.get('seller'),
        json: { contentType: 'image/jpeg', size: 2000 },
      });
      expect(photo.status, photo.text).toBe(201);
      return { params: { id, photoId: photo.data.photoId } };
    },
    allowed: () => ({ status: 200 }),
    unchanged: async ({ params }) => {
      const res = await call('GET', `/products/${params.id}`, { token: tokens.get('village-own') });
      expect(res.data.photos.map((p: { id: string }) => p.id)).toEqual([params.photoId]);
    },
  },
  'queue.village': {
    target: HOME,
    prepare: async () => ({ params: { code: TAMANSARI } }),
    allowed: read,
  },
  'queue.kecamatan': {
    target: { kecamatan: LICIN, regency: BANYUWANGI },
    prepare: async () => ({ params: { code: LICIN } }),
    allowed: read,
  },
  'requests.get': {
    target: HOME,
    prepare: async () => ({ params: { id: home.id } }),
    allowed: read,
  },
  'requests.transition': {
    target: HOME,
    // a fresh `submitted` request per cell, so cells don't depend on each other
    prepare: async () => {
      const { id } = await submit(TAMANSARI, 'Matrix Transition');
      return { params: { id }, json: { to: 'in_review', version: 1 } };
    },
    allowed: (role) => {
      if (role === 'village-officer') return { status: 200 };
      // the camat may act on the village's requests, but not on a `submitted` one
      if (role === 'kecamatan-officer') return { status: 422, code: 'invalid_transition' };
      throw new Error(`no expectation for ${role} on requests.transition`);
    },
    unchanged: async ({ params }) => {
      const res = await call('GET', `/requests/${params.id}`, { token: tokens.get('village-own') });
      expect(res.status).toBe(200);
      expect(res.data).toMatchObject({ status: 'submitted', version: 1 });
    },
  },
};

const protectedRoutes: readonly Route[] = routes.filter((r: Route) => r.auth !== 'public');

type Outcome = { kind: 'denied'; status: 401 | 403; code: string } | { kind: 'allowed'; role: Role };

function expectedOutcome(
  route: Route,
  caller: CallerDef,
  fixture: Pick<Fixture, 'target' | 'owned'>,
): Outcome {
  const outcome = scopeOutcome(route, caller, fixture.target);
  if (outcome.kind === 'allowed' && outcome.role === 'seller' && fixture.owned && !caller.owner)
    return { kind: 'denied', status: 403, code: 'forbidden' };
  return outcome;
}

function scopeOutcome(route: Route, caller: CallerDef, target: Target): Outcome {
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

function outcomeLabel(route: Route, caller: CallerDef): string {
  const fixture = FIXTURES[route.id];
  if (!fixture) return 'no fixture';
  const outcome = expectedOutcome(route, caller, fixture);
  if (outcome.kind === 'denied') return String(outcome.status);
  const e = fixture.allowed(outcome.role, caller);
  return e.status === 200 ? '200' : `${e.status}${e.code ? ` ${e.code}` : ''} (allowed)`;
}

const CELLS = protectedRoutes
  .filter((route) => FIXTURES[route.id])
  .flatMap((route) =>
    CALLERS.map((caller) => ({
      name: `${route.id} · ${caller.label} → ${outcomeLabel(route, caller)}`,
      route,
      caller,
    })),
  );

beforeAll(async () => {
  // one fresh request per transition cell, all from one address: keep the per-IP submit limit out of the way
  process.env.RATE_LIMIT_SUBMIT = '100000';
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  for (const caller of CALLERS) {
    if (caller.token === 'none') tokens.set(caller.id, undefined);
    else if (caller.token === 'foreign-key')
      tokens.set(caller.id, await mintToken('forger', caller.identity, { foreignKey: true }));
    else if (caller.token === 'expired')
      tokens.set(
        caller.id,
        await mintToken('late', caller.identity, { agoSeconds: 2 * 3600, ttlSeconds: 600 }),
      );
    else if (caller.demo) tokens.set(caller.id, await signIn(runtime.apiUrl, caller.demo));
    else if (caller.registered)
      continue; // below, once the village officer's token is there
    else tokens.set(caller.id, await mintToken(`matrix-${caller.id}`, caller.identity));
  }
  for (const caller of CALLERS)
    if (caller.registered) tokens.set(caller.id, await registeredSeller(caller.id, caller.registered));
  Object.assign(home, await submit(TAMANSARI, home.name));
  const sellers = await call('GET', `/villages/${TAMANSARI}/sellers?status=approved`, {
    token: tokens.get('village-own'),
  });
  seller.id = sellers.data.items.find(
    (s: { businessName: string }) => s.businessName === 'Kopi Lereng Ijen',
  ).id;
  Object.assign(away, await submit(KEMIREN, away.name, away.nik));
}, 120_000);
afterAll(async () => {
  await runtime?.stop();
});

describe('the matrix covers the route table', () => {
  it('every non-public route has a target fixture, and every fixture is a non-public route', () => {
    const missing = protectedRoutes.map((r) => r.id).filter((id) => !FIXTURES[id]);
    expect(missing, 'non-public routes without a fixture in authorization-matrix.test.ts').toEqual([]);
    const stale = Object.keys(FIXTURES).filter((id) => !protectedRoutes.some((r) => r.id === id));
    expect(stale, 'fixtures for routes that are gone or public').toEqual([]);
    expect(protectedRoutes.length).toBeGreaterThan(0);
  });

  it('every route admits someone and denies someone with a valid token', () => {
    for (const route of protectedRoutes) {
      const fixture = FIXTURES[route.id];
      if (!fixture) continue;
      const outcomes = CALLERS.map((c) => expectedOutcome(route, c, fixture).kind);
      expect(outcomes, route.id).toContain('allowed');
      expect(
        CALLERS.filter((c) => c.token === 'valid').some(
          (c) => expectedOutcome(route, c, fixture).kind === 'denied',
        ),
        route.id,
      ).toBe(true);
    }
  });

  it('the derived matrix is the documented policy for the routes we know', () => {
    const A = 'allow';
    // anonymous, bad signature, expired, seller (owner), seller of another village, another seller
    // of the village, pending seller, suspended seller, village own/other, kecamatan own/other,
    // regency own/other
    const documented: Record<string, (string | number)[]> = {
      'queue.village': [401, 401, 401, 403, 403, 403, 403, 403, A, 403, A, 403, A, 403],
      'queue.kecamatan': [401, 401, 401, 403, 403, 403, 403, 403, 403, 403, A, 403, A, 403],
      'requests.get': [401, 401, 401, 403, 403, 403, 403, 403, A, 403, A, 403, A, 403],
      'requests.transition': [401, 401, 401, 403, 403, 403, 403, 403, A, 403, A, 403, 403, 403],
      'villages.profile': [401, 401, 401, 403, 403, 403, 403, 403, A, 403, 403, 403, 403, 403],
      'villages.news': [401, 401, 401, 403, 403, 403, 403, 403, A, 403, 403, 403, 403, 403],
      'villages.apbdes': [401, 401, 401, 403, 403, 403, 403, 403, A, 403, 403, 403, 403, 403],
      'sellers.list': [401, 401, 401, 403, 403, 403, 403, 403, A, 403, A, 403, A, 403],
      'sellers.get': [401, 401, 401, A, 403, 403, 403, 403, A, 403, A, 403, A, 403],
      'sellers.products': [401, 401, 401, A, 403, 403, 403, 403, A, 403, A, 403, A, 403],
      'sellers.transition': [401, 401, 401, 403, 403, 403, 403, 403, A, 403, 403, 403, 403, 403],
      'products.create': [401, 401, 401, A, 403, A, A, A, 403, 403, 403, 403, 403, 403],
      'products.patch': [401, 401, 401, A, 403, 403, 403, 403, A, 403, 403, 403, 403, 403],
      'photos.create': [401, 401, 401, A, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
      'photos.confirm': [401, 401, 401, A, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
      'photos.delete': [401, 401, 401, A, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    };
    for (const [id, row] of Object.entries(documented)) {
      const route = protectedRoutes.find((r) => r.id === id);
      const fixture = FIXTURES[id];
      if (!route || !fixture) continue; // the coverage test reports these
      const derived = CALLERS.map((c) => {
        const o = expectedOutcome(route, c, fixture);
        return o.kind === 'allowed' ? A : o.status;
      });
      expect(derived, id).toEqual(row);
    }
  });

  it('the demo and registered accounts carry the claims the matrix assumes', () => {
    for (const caller of CALLERS.filter((c) => c.demo || c.registered)) {
      const claims = decodeJwt(tokens.get(caller.id) ?? '');
      expect(claims['cognito:groups'], caller.id).toEqual(caller.identity.groups);
      expect(claims['custom:village'], caller.id).toBe(caller.identity.village);
      expect(claims['custom:kecamatan'], caller.id).toBe(caller.identity.kecamatan);
      expect(claims['custom:regency'], caller.id).toBe(caller.identity.regency);
    }
  });
});

describe('roles × routes, every cell', () => {
  it.each(CELLS)('$name', async ({ route, caller }) => {
    const fixture = FIXTURES[route.id];
    if (!fixture) throw new Error(`no fixture for ${route.id}`);
    const prepared = await fixture.prepare();
    const path = fillPath(route.path, prepared.params);
    const token = tokens.get(caller.id);
    const res: Call = await call(route.method, path, {
      ...(prepared.json !== undefined ? { json: prepared.json } : {}),
      ...(token ? { token } : {}),
    });
    const outcome = expectedOutcome(route, caller, fixture);

    if (outcome.kind === 'denied') {
      expect(res.status, res.text).toBe(outcome.status);
      expect(res.data?.error?.code, res.text).toBe(outcome.code);
      expect(typeof res.data?.error?.message).toBe('string');
      // a refusal reveals nothing of the resource
      for (const secret of [NIK, home.name, home.trackingCode]) expect(res.text).not.toContain(secret);
      if (route.method !== 'GET') await fixture.unchanged?.(prepared);
      return;
    }

    expect([401, 403], `${res.status} ${res.text}`).not.toContain(res.status);
    const expected = fixture.allowed(outcome.role, caller);
    expect(res.status, res.text).toBe(expected.status);
    if (expected.code) expect(res.data?.error?.code).toBe(expected.code);
    if (route.id === 'requests.get') expect(res.data).toMatchObject({ id: home.id, villageCode: TAMANSARI });
    if (route.id.startsWith('queue.')) expect(Array.isArray(res.data?.items)).toBe(true);
    if (route.id === 'requests.transition' && res.status === 200)
      expect(res.data).toMatchObject({ status: 'in_review', version: 2 });
  });
});

describe('tenant isolation in content', () => {
  async function wholeQueue(path: string, token: string | undefined) {
    const items: { id: string; villageCode: string }[] = [];
    let cursor: string | null = null;
    do {
      const res: Call = await call(
        'GET',
        `${path}${path.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { ...(token ? { token } : {}) },
      );
      expect(res.status, res.text).toBe(200);
      items.push(...res.data.items);
      cursor = res.data.cursor;
    } while (cursor);
    return items;
  }

  it("a village officer's queue holds only its own village's requests", async () => {
    const tamansari = await wholeQueue(`/villages/${TAMANSARI}/requests`, tokens.get('village-own'));
    expect(tamansari.map((i) => i.id)).toContain(home.id);
    expect(tamansari.map((i) => i.id)).not.toContain(away.id);
    expect(new Set(tamansari.map((i) => i.villageCode))).toEqual(new Set([TAMANSARI]));

    const kemiren = await wholeQueue(`/villages/${KEMIREN}/requests`, tokens.get('village-other'));
    expect(kemiren.map((i) => i.id)).toContain(away.id);
    expect(new Set(kemiren.map((i) => i.villageCode))).toEqual(new Set([KEMIREN]));
  });

  it("a camat's kecamatan queue holds only villages of that kecamatan, whatever the status", async () => {
    for (const status of ['submitted', 'in_review', 'forwarded']) {
      const items = await wholeQueue(
        `/kecamatan/${LICIN}/requests?status=${status}`,
        tokens.get('kecamatan-own'),
      );
      expect(items.map((i) => i.id)).not.toContain(away.id);
      for (const item of items) expect(item.villageCode.startsWith(`${LICIN}.`), status).toBe(true);
    }
    const submitted: Call = await call('GET', `/kecamatan/${LICIN}/requests?status=submitted&limit=100`, {
      token: tokens.get('kecamatan-own'),
    });
    expect(submitted.status).toBe(200);
    expect(submitted.data.items.map((i: { id: string }) => i.id)).not.toContain(away.id);
    for (const item of submitted.data.items) expect(item.villageCode.startsWith(`${LICIN}.`)).toBe(true);
  });

  it("another village's request is 403 for a village officer and reveals nothing", async () => {
    const res = await call('GET', `/requests/${away.id}`, { token: tokens.get('village-own') });
    expect(res.status).toBe(403);
    expect(Object.keys(res.data)).toEqual(['error']);
    expect(Object.keys(res.data.error).sort()).toEqual(['code', 'message']);
    expect(res.data.error.code).toBe('forbidden');
    for (const secret of [away.nik, away.name, away.trackingCode, KEMIREN])
      expect(res.text).not.toContain(secret);
  });

  it("another kecamatan's camat and another regency's admin get the same empty 403", async () => {
    for (const who of ['kecamatan-other', 'regency-other', 'village-other']) {
      const res = await call('GET', `/requests/${home.id}`, { token: tokens.get(who) });
      expect(res.status, who).toBe(403);
      expect(res.text).not.toContain(NIK);
      expect(res.text).not.toContain(home.name);
    }
  });

  it("a village officer cannot move another village's request (and it stays as it was)", async () => {
    const res = await call('POST', `/requests/${away.id}/transitions`, {
      token: tokens.get('village-own'),
      json: { to: 'in_review', version: 1 },
    });
    expect(res.status).toBe(403);
    const after = await call('GET', `/requests/${away.id}`, { token: tokens.get('village-other') });
    expect(after.data).toMatchObject({ status: 'submitted', version: 1 });
  });
});
