/**
 * The roles × routes matrix, every cell, against the running local runtime.
 *
 * The spec is the route table (functions/routes/): every non-public route is exercised by every
 * kind of caller, and the expected outcome is computed from the route's `auth.roles` and scopes (see
 * test/support/matrix.ts, written independently of functions/lib/auth.ts). A new non-public route
 * without a target fixture (test/support/matrix-fixtures.ts) fails the suite; the callers are in
 * test/support/matrix-callers.ts.
 */
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { fillPath } from '../support/matrix';
import { CALLERS, expectedOutcome, LICIN, protectedRoutes } from '../support/matrix-callers';
import { away, CELLS, call, FIXTURES, home, tokens, useMatrixRuntime } from '../support/matrix-fixtures';
import { type Call, KEMIREN, NIK, TAMANSARI } from '../support/runtime';

useMatrixRuntime();

describe('the matrix covers the route table', () => {
  it('every non-public route has a target fixture, and every fixture is a non-public route', () => {
    const missing = protectedRoutes.map((r) => r.id).filter((id) => !FIXTURES[id]);
    expect(missing, 'non-public routes without a fixture in test/support/matrix-fixtures.ts').toEqual([]);
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
