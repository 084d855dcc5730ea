/**
 * The target fixture of every non-public route for the roles × routes matrix
 * (test/integration/authorization-matrix.test.ts): how to prepare the resource a cell aims at, what an
 * authorized caller gets, and what a denied write must leave unchanged; the runtime, the callers'
 * tokens and the cells. A new non-public route without a fixture here fails the matrix.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Route } from '../../functions/routes';
import type { LocalRuntime } from '../../infra/local/runtime';
import { mintToken } from './matrix';
import { accountFixtures } from './matrix-accounts';
import {
  BANYUWANGI,
  CALLERS,
  type CallerDef,
  expectedOutcome,
  type Fixture,
  HOME,
  LICIN,
  protectedRoutes,
} from './matrix-callers';
import { client, KEMIREN, NIK, signIn, skuBody, startRuntime, TAMANSARI } from './runtime';

/** Registers this world's hooks: call it once at the top level of a test file that uses it. */
export function useMatrixRuntime(): void {
  beforeAll(setUp, 120_000);
  afterAll(tearDown);
}

export let runtime: LocalRuntime;
export let call: ReturnType<typeof client>;
export const tokens = new Map<string, string | undefined>();
/** A Tamansari request (read by the read cells) and a Kemiren one (for tenant isolation). */
export const home = { id: '', trackingCode: '', name: 'Matrix Rahasia Tamansari' };
export const away = { id: '', trackingCode: '', name: 'Matrix Rahasia Kemiren', nik: '3510154107850003' };

export async function submit(village: string, name: string, nik = NIK) {
  const body = skuBody(name);
  const res = await call('POST', `/villages/${village}/requests`, {
    json: { ...body, applicant: { ...body.applicant, nik } },
  });
  expect(res.status, res.text).toBe(201);
  return res.data as { id: string; trackingCode: string; secret: string };
}

export const read: Fixture['allowed'] = () => ({ status: 200 });

/**
 * A seller of Tamansari in `state`, registered through the domain (the public route's per-address
 * limit is the transition cells'), moved by the village officer's route, and signed in.
 */
export async function registeredSeller(label: string, state: 'approved' | 'pending' | 'suspended') {
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
export const seller = { id: '' };

export async function draftProduct(name = 'Matrix Keripik') {
  const res = await call('POST', `/villages/${TAMANSARI}/products`, {
    token: tokens.get('seller'),
    json: { name, description: { id: 'Uji matriks' }, category: 'food_drink', price: 10000, unit: 'bungkus' },
  });
  expect(res.status, res.text).toBe(201);
  return res.data as { id: string; version: number };
}

export const FIXTURES: Record<string, Fixture> = {
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
  'queue.regency': {
    // the whole regency: no kecamatan of it in particular
    target: { kecamatan: '', regency: BANYUWANGI },
    prepare: async () => ({ params: { code: BANYUWANGI } }),
    allowed: read,
  },
  'requests.walkIn': {
    target: HOME,
    prepare: async () => ({
      params: { code: TAMANSARI },
      json: { ...skuBody('Matrix Loket'), documentsSeen: ['ktp', 'kk', 'pengantar_rt_rw'] },
    }),
    allowed: () => ({ status: 201 }),
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
  'requests.letterRevoke': {
    target: HOME,
    // a fresh request without a letter: an admitted officer reaches the handler, which finds none (404)
    prepare: async () => {
      const { id } = await submit(TAMANSARI, 'Matrix Revoke');
      return { params: { id }, json: { reason: 'Data keliru' } };
    },
    allowed: () => ({ status: 404, code: 'not_found' }),
    unchanged: async ({ params }) => {
      const res = await call('GET', `/requests/${params.id}`, { token: tokens.get('village-own') });
      expect(res.data).toMatchObject({ status: 'submitted', version: 1 });
    },
  },
  'requests.letterReissue': {
    target: HOME,
    prepare: async () => {
      const { id } = await submit(TAMANSARI, 'Matrix Reissue');
      return { params: { id }, json: { reason: 'Perbaikan data' } };
    },
    allowed: () => ({ status: 404, code: 'not_found' }),
    unchanged: async ({ params }) => {
      const res = await call('GET', `/requests/${params.id}`, { token: tokens.get('village-own') });
      expect(res.data).toMatchObject({ status: 'submitted', version: 1 });
    },
  },
  ...accountFixtures(() => call, tokens),
};

export function outcomeLabel(route: Route, caller: CallerDef): string {
  const fixture = FIXTURES[route.id];
  if (!fixture) return 'no fixture';
  const outcome = expectedOutcome(route, caller, fixture);
  if (outcome.kind === 'denied') return String(outcome.status);
  const e = fixture.allowed(outcome.role, caller);
  return e.status === 200 ? '200' : `${e.status}${e.code ? ` ${e.code}` : ''} (allowed)`;
}

export const CELLS = protectedRoutes
  .filter((route) => FIXTURES[route.id])
  .flatMap((route) =>
    CALLERS.map((caller) => ({
      name: `${route.id} · ${caller.label} → ${outcomeLabel(route, caller)}`,
      route,
      caller,
    })),
  );

async function setUp() {
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
}

async function tearDown() {
  await runtime?.stop();
}
