/**
 * The workspace's queues (issue 15): the lines a row shows (office minutes left, overdue first) with a
 * moved clock, the filters and the tracking-code search, the regency-wide queue with each filter and
 * paging, who may read it, and CORS for the site's origin.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, runtime, useRequestsRuntime } from '../support/requests';
import { KEMIREN, NIK, skuBody, TAMANSARI } from '../support/runtime';
import { LICIN, openApiErrors, tokenOf, walkIn } from '../support/workspace';

useRequestsRuntime();
afterEach(() => vi.useRealTimers());

type Line = {
  id: string;
  trackingCode: string;
  villageCode: string;
  status: string;
  dueAt: string | null;
  overdue: boolean;
  officeMinutesLeft: number | null;
  service: { code: string };
};

const ids = (items: Line[]) => items.map((i) => i.id);
let late: { id: string; trackingCode: string };
let fresh: { id: string; trackingCode: string };
let kemiren: { id: string; trackingCode: string };

beforeAll(async () => {
  // filed at the counter three weeks ago (the clock moved back for it): long overdue now
  const past = new Date(Date.now() - 21 * 24 * 3600 * 1000);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(past);
  late = (await walkIn(await tokenOf('officer', { at: past }), { name: 'Warga Terlambat' })).data;
  vi.useRealTimers();
  fresh = (await walkIn(await tokenOf('officer'), { name: 'Warga Baru' })).data;
  const kemirenFiled = await call('POST', `/villages/${KEMIREN}/walk-in-requests`, {
    token: await tokenOf('kemiren'),
    json: { ...skuBody('Warga Kemiren'), documentsSeen: ['ktp', 'kk', 'pengantar_rt_rw'] },
  });
  expect(kemirenFiled.status).toBe(201);
  kemiren = kemirenFiled.data;
}, 60_000);

describe("a village's queue", () => {
  it('each line has what a row shows; overdue first with negative office minutes, then by due time', async () => {
    const token = await tokenOf('officer');
    const queue = await call('GET', `/villages/${TAMANSARI}/requests?limit=100`, { token });
    expect(queue.status).toBe(200);
    expect(queue.text).not.toContain(NIK);
    expect(await openApiErrors('GET', '/villages/{code}/requests', 200, queue.data)).toEqual([]);
    const items = queue.data.items as Line[];
    const lateLine = items.find((i) => i.id === late.id);
    const freshLine = items.find((i) => i.id === fresh.id);
    expect(freshLine).toMatchObject({
      trackingCode: fresh.trackingCode,
      service: {
        code: 'sku',
        name: { id: 'Surat Keterangan Usaha (SKU)', en: 'Business Certificate (SKU)' },
      },
      applicantName: 'Warga Baru',
      status: 'submitted',
      filedAt: expect.any(String),
      overdue: false,
    });
    // SKU promises 4 office hours (WIB): what is left now is at most that
    expect(freshLine?.officeMinutesLeft).toBeGreaterThanOrEqual(0);
    expect(freshLine?.officeMinutesLeft).toBeLessThanOrEqual(240);
    expect(lateLine).toMatchObject({ overdue: true });
    // three weeks of office days past its due time: far more than a day's office minutes
    expect(lateLine?.officeMinutesLeft).toBeLessThan(-8 * 60);
    const open = items.filter((i) => i.dueAt);
    expect(open.map((i) => i.dueAt)).toEqual([...open.map((i) => i.dueAt)].sort());
    const firstOnTime = items.findIndex((i) => !i.overdue);
    expect(items.slice(firstOnTime).some((i) => i.overdue)).toBe(false);
    expect(items.findIndex((i) => i.id === late.id)).toBeLessThan(items.findIndex((i) => i.id === fresh.id));
  });

  it('filters by one or several statuses and by service; a wrong filter is a 400 naming it', async () => {
    const token = await tokenOf('officer');
    const get = (query: string) => call('GET', `/villages/${TAMANSARI}/requests?${query}`, { token });
    const submitted = await get('status=submitted&limit=100');
    expect((submitted.data.items as Line[]).every((i) => i.status === 'submitted')).toBe(true);
    expect(ids(submitted.data.items)).toContain(fresh.id);
    const several = await get('status=submitted,in_review&limit=100');
    expect(new Set((several.data.items as Line[]).map((i) => i.status))).toEqual(
      new Set(
        ['submitted', 'in_review'].filter((s) => (several.data.items as Line[]).some((i) => i.status === s)),
      ),
    );
    expect(ids(several.data.items)).toEqual(expect.arrayContaining([fresh.id, late.id]));
    const repeated = await get('status=submitted&status=in_review&limit=100');
    expect(ids(repeated.data.items)).toEqual(ids(several.data.items));
    const sku = await get('service=sku&status=submitted&limit=100');
    expect(
      (sku.data.items as Line[]).every((i) => i.service.code === 'sku' && i.status === 'submitted'),
    ).toBe(true);
    expect(ids(sku.data.items)).toContain(fresh.id);
    const pindah = await get('service=pindah&limit=100');
    expect((pindah.data.items as Line[]).every((i) => i.service.code === 'pindah')).toBe(true);
    expect(ids(pindah.data.items)).not.toContain(fresh.id);
    for (const [query, path] of [
      ['status=lost', 'status'],
      ['service=NOT%20A%20CODE', 'service'],
      ['cursor=abc', 'cursor'],
    ]) {
      const bad = await get(query as string);
      expect(bad.status, query).toBe(400);
      expect(bad.data.error.fields[0].path, query).toMatch(new RegExp(`^${path}(\\.|$)`));
    }
  });

  it('pages with a cursor, filtered or not, without repeats', async () => {
    const token = await tokenOf('officer');
    for (const filter of ['', 'status=submitted,in_review&']) {
      const whole = await call('GET', `/villages/${TAMANSARI}/requests?${filter}limit=100`, { token });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: { items: Line[]; cursor: string | null } } = await call(
          'GET',
          `/villages/${TAMANSARI}/requests?${filter}limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          { token },
        );
        seen.push(...ids(page.data.items));
        cursor = page.data.cursor;
      } while (cursor);
      expect(seen, filter).toEqual(ids(whole.data.items));
    }
  });

  it("finds a request by its tracking code (any spelling), never another village's", async () => {
    const token = await tokenOf('officer');
    const found = await call('GET', `/villages/${TAMANSARI}/requests?q=${fresh.trackingCode.toLowerCase()}`, {
      token,
    });
    expect(ids(found.data.items)).toEqual([fresh.id]);
    expect(found.data.cursor).toBeNull();
    const other = await call('GET', `/villages/${TAMANSARI}/requests?q=${kemiren.trackingCode}`, { token });
    expect(other.data.items).toEqual([]);
    const own = await call('GET', `/villages/${KEMIREN}/requests?q=${kemiren.trackingCode}`, {
      token: await tokenOf('kemiren'),
    });
    expect(ids(own.data.items)).toEqual([kemiren.id]);
    expect((await call('GET', `/villages/${TAMANSARI}/requests?q=nonsense`, { token })).data.items).toEqual(
      [],
    );
    expect((await call('GET', `/villages/${KEMIREN}/requests`, { token })).status).toBe(403);
  });

  it("the camat's queue takes several statuses", async () => {
    const token = await tokenOf('camat');
    const res = await call('GET', `/kecamatan/${LICIN}/requests?status=submitted,forwarded&limit=100`, {
      token,
    });
    expect(res.status).toBe(200);
    expect(ids(res.data.items)).toContain(fresh.id);
    expect((res.data.items as Line[]).every((i) => i.villageCode.startsWith(`${LICIN}.`))).toBe(true);
  });
});

describe('the regency-wide queue', () => {
  const get = async (
    query = '',
    who: 'admin' | 'otherAdmin' | 'officer' | 'camat' = 'admin',
    code = '35.10',
  ) => call('GET', `/regency/${code}/requests?${query}`, { token: await tokenOf(who) });

  it('lists every village of the regency, overdue first; filters by kecamatan, village, service, status, overdue', async () => {
    const all = await get('limit=100');
    expect(all.status).toBe(200);
    expect(all.text).not.toContain(NIK);
    expect(await openApiErrors('GET', '/regency/{code}/requests', 200, all.data)).toEqual([]);
    // the check checks: a line without its fields is refused
    expect(
      await openApiErrors('GET', '/regency/{code}/requests', 200, { items: [{ id: 'x' }], cursor: null }),
    ).not.toEqual([]);
    const items = all.data.items as Line[];
    expect(ids(items)).toEqual(expect.arrayContaining([late.id, fresh.id, kemiren.id]));
    expect(items[0]?.overdue).toBe(true);
    const firstOnTime = items.findIndex((i) => !i.overdue);
    expect(items.slice(firstOnTime).some((i) => i.overdue)).toBe(false);

    const village = (await get(`village=${KEMIREN}&limit=100`)).data.items as Line[];
    expect(ids(village)).toContain(kemiren.id);
    expect(village.every((i) => i.villageCode === KEMIREN)).toBe(true);
    const kecamatan = (await get(`kecamatan=${LICIN}&limit=100`)).data.items as Line[];
    expect(ids(kecamatan)).toEqual(expect.arrayContaining([late.id, fresh.id]));
    expect(ids(kecamatan)).not.toContain(kemiren.id);
    expect(kecamatan.every((i) => i.villageCode.startsWith(`${LICIN}.`))).toBe(true);
    const inKecamatan = (await get(`kecamatan=${LICIN}&status=submitted&limit=100`)).data.items as Line[];
    expect(inKecamatan.every((i) => i.status === 'submitted')).toBe(true);
    const service = (await get('service=pindah&limit=100')).data.items as Line[];
    expect(service.every((i) => i.service.code === 'pindah')).toBe(true);
    const status = (await get('status=submitted&limit=100')).data.items as Line[];
    expect(status.every((i) => i.status === 'submitted')).toBe(true);
    expect(ids(status)).toContain(kemiren.id);
    const overdue = (await get('overdue=true&limit=100')).data.items as Line[];
    expect(ids(overdue)).toContain(late.id);
    expect(ids(overdue)).not.toContain(fresh.id);
    expect(overdue.every((i) => i.overdue)).toBe(true);
    const both = (await get(`overdue=true&village=${TAMANSARI}&limit=100`)).data.items as Line[];
    expect(ids(both)).toContain(late.id);
    expect(both.every((i) => i.overdue && i.villageCode === TAMANSARI)).toBe(true);
  });

  it('pages with a cursor over the whole regency and a filter', async () => {
    for (const filter of ['', 'status=submitted&', 'overdue=true&']) {
      const whole = await get(`${filter}limit=100`);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await get(`${filter}limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...ids(page.data.items));
        cursor = page.data.cursor;
      } while (cursor);
      expect(seen, filter).toEqual(ids(whole.data.items));
    }
  });

  it('is the regency admin’s alone, of their own regency; wrong filters are 400', async () => {
    expect((await get('', 'officer')).status).toBe(403);
    expect((await get('', 'camat')).status).toBe(403);
    expect((await get('', 'otherAdmin')).status).toBe(403);
    expect((await get('', 'admin', '35.09')).status).toBe(403);
    expect((await call('GET', '/regency/35.10/requests')).status).toBe(401);
    for (const [query, path] of [
      ['kecamatan=35.09.01', 'kecamatan'],
      [`kecamatan=${LICIN}&village=${KEMIREN}`, 'village'],
      ['village=35.10.24', 'village'],
      ['overdue=yes', 'overdue'],
      ['status=open', 'status'],
      ['cursor=e30', 'cursor'],
    ]) {
      const bad = await get(query as string);
      expect(bad.status, query).toBe(400);
      expect(bad.data.error.fields[0].path, query).toMatch(new RegExp(`^${path}(\\.|$)`));
    }
    expect((await get('', 'admin', 'banyuwangi')).status).toBe(400);
  });
});

describe('CORS for the site origin', () => {
  it('answers the preflight and every answer for the site origin only, the local OAuth paths too', async () => {
    const origin = runtime.siteUrl;
    for (const path of [
      '/regency/35.10/requests',
      `/requests/abcdefghijkl/transitions`,
      '/local-cognito/oauth2/token',
    ]) {
      const pre = await fetch(`${runtime.apiUrl}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'if-match',
        },
      });
      expect(pre.status, path).toBe(204);
      expect(pre.headers.get('access-control-allow-origin'), path).toBe(origin);
      expect(pre.headers.get('vary'), path).toContain('Origin');
      expect(pre.headers.get('access-control-allow-headers')?.split(','), path).toEqual(
        expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'if-match']),
      );
      expect(pre.headers.get('access-control-allow-methods')?.split(','), path).toEqual(
        expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
      );
    }
    const token = await tokenOf('admin');
    const res = await fetch(`${runtime.apiUrl}/regency/35.10/requests`, {
      headers: { origin, authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('vary')).toContain('Origin');
    expect(res.headers.get('access-control-expose-headers')?.split(',')).toEqual(
      expect.arrayContaining(['etag', 'retry-after']),
    );
    const denied = await fetch(`${runtime.apiUrl}/regency/35.10/requests`, { headers: { origin } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe(origin);

    const evil = 'https://evil.example';
    const preEvil = await fetch(`${runtime.apiUrl}/regency/35.10/requests`, {
      method: 'OPTIONS',
      headers: { origin: evil, 'access-control-request-method': 'GET' },
    });
    expect(preEvil.headers.get('access-control-allow-origin')).toBeNull();
    const getEvil = await fetch(`${runtime.apiUrl}/villages`, { headers: { origin: evil } });
    expect(getEvil.headers.get('access-control-allow-origin')).toBeNull();
  });
});
