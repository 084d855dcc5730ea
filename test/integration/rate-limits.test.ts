/**
 * The public routes' rate limits (functions/lib/rate-limit.ts) as a village office meets them: many
 * people behind one address. Only a new, accepted submission takes from the submit budget (a replay
 * or a refused one never does), the default lets an office of fifty file a morning's requests, and
 * tracking-code look-ups have a generous limit of their own. Each test sets the limits it needs on the
 * handlers' config (as `RATE_LIMIT_*=n` would) and uses villages of its own: every call here comes
 * from 127.0.0.1.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../functions/lib/config';
import type { LocalRuntime } from '../../infra/local/runtime';
import { client, skuBody, startRuntime, toCall } from '../support/runtime';

let runtime: LocalRuntime;
let call: ReturnType<typeof client>;
let config: Config;
let defaults: Config;
/** villages no other test of this file files to, handed out one per test */
const villages: string[] = [];

beforeAll(async () => {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  const lib = await import('../../functions/lib/config');
  config = lib.config();
  defaults = lib.loadConfig({});
  const list = await call('GET', '/villages?limit=20');
  expect(list.status, list.text).toBe(200);
  villages.push(...list.data.items.map((v: { code: string }) => v.code));
}, 120_000);
afterAll(async () => {
  await runtime?.stop();
});

const saved: Partial<Config> = {};
/** the limits as `RATE_LIMIT_SUBMIT=…` / `RATE_LIMIT_TRACK=…` set them (the handlers read config) */
function setLimits(limits: Partial<Pick<Config, 'RATE_LIMIT_SUBMIT' | 'RATE_LIMIT_TRACK'>>) {
  for (const key of Object.keys(limits) as (keyof typeof limits)[]) {
    if (!(key in saved)) Object.assign(saved, { [key]: config[key] });
    Object.assign(config, { [key]: limits[key] });
  }
}
afterEach(() => {
  Object.assign(config, saved);
  for (const key of Object.keys(saved)) delete saved[key as keyof Config];
});

/** Counters are fixed windows: start a test clear of a window's last seconds, so one window holds it. */
async function clearOfWindowEnd(windowSeconds: number) {
  const left = windowSeconds * 1000 - (Date.now() % (windowSeconds * 1000));
  if (left < 30_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

function nextVillage(): string {
  const code = villages.shift();
  if (!code) throw new Error('out of villages: list more in beforeAll');
  return code;
}

const submit = (village: string, body: unknown, key?: string) =>
  call('POST', `/villages/${village}/requests`, {
    json: body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

describe('submit limit: only new, accepted submissions count', () => {
  it("a retry with the same Idempotency-Key never counts, and gets its receipt even when the address's budget is spent", async () => {
    await clearOfWindowEnd(3600);
    setLimits({ RATE_LIMIT_SUBMIT: 2 });
    const village = nextVillage();
    const key = randomUUID();
    const first = await submit(village, skuBody('Warga Pertama'), key);
    expect(first.status, first.text).toBe(201);
    // a flaky connection: the same submission sent five more times
    for (let i = 0; i < 5; i++) {
      const retry = await submit(village, skuBody('Warga Pertama'), key);
      expect(retry.status, retry.text).toBe(201);
      expect(retry.data.id).toBe(first.data.id);
    }
    // the replays took nothing: a second new submission still fits a budget of two
    const second = await submit(village, skuBody('Warga Kedua'), randomUUID());
    expect(second.status, second.text).toBe(201);
    const third = await submit(village, skuBody('Warga Ketiga'), randomUUID());
    expect(third.status).toBe(429);
    expect(third.data.error.code).toBe('too_many_requests');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    // with the budget spent, a retry is still answered with its receipt
    const late = await submit(village, skuBody('Warga Pertama'), key);
    expect(late.status, late.text).toBe(201);
    expect(late.data).toEqual(first.data);
  });

  it('the same plain form posted again (a double click, a reload) counts once', async () => {
    await clearOfWindowEnd(3600);
    setLimits({ RATE_LIMIT_SUBMIT: 1 });
    const village = nextVillage();
    const body = skuBody('Warga Formulir');
    const form = {
      serviceCode: body.serviceCode,
      'applicant.name': body.applicant.name,
      'applicant.nik': body.applicant.nik,
      'applicant.whatsapp': body.applicant.whatsapp,
      ...Object.fromEntries(Object.entries(body.fields).map(([k, v]) => [`fields.${k}`, v])),
    };
    const posts = [];
    for (let i = 0; i < 3; i++) posts.push(await call('POST', `/villages/${village}/requests`, { form }));
    expect(posts.map((p) => p.status)).toEqual([303, 303, 303]);
    expect(new Set(posts.map((p) => p.headers.get('location'))).size).toBe(1);
  });

  it('refused submissions (400) take nothing from the budget', async () => {
    await clearOfWindowEnd(3600);
    setLimits({ RATE_LIMIT_SUBMIT: 2 });
    const village = nextVillage();
    const invalid = { ...skuBody('Warga Salah'), applicant: { name: 'Warga Salah', nik: '123' } };
    for (let i = 0; i < 6; i++) {
      const refused = await submit(village, invalid, randomUUID());
      expect(refused.status, refused.text).toBe(400);
    }
    const unknownService = await submit(village, { ...skuBody(), serviceCode: 'tidak-ada' });
    expect(unknownService.status).toBe(400);
    // the office fixes the form: both submissions the budget allows go through
    for (const name of ['Warga Benar', 'Warga Benar Dua']) {
      const ok = await submit(village, skuBody(name), randomUUID());
      expect(ok.status, ok.text).toBe(201);
    }
    expect((await submit(village, skuBody('Warga Lebih'), randomUUID())).status).toBe(429);
  });

  it("an office of fifty people behind one address files a morning's fifty requests, each retried once, under the default limit", async () => {
    await clearOfWindowEnd(3600);
    setLimits({ RATE_LIMIT_SUBMIT: defaults.RATE_LIMIT_SUBMIT });
    const village = nextVillage();
    // fifty villagers, five desks: all within the same hour (the worst case of a fixed window)
    const people = Array.from({ length: 50 }, (_, i) => ({
      name: `Warga Kantor ${i + 1}`,
      key: randomUUID(),
    }));
    for (let i = 0; i < people.length; i += 5) {
      const desk = people.slice(i, i + 5);
      const filed = await Promise.all(desk.map((p) => submit(village, skuBody(p.name), p.key)));
      for (const res of filed) expect(res.status, res.text).toBe(201);
      // each phone retries once (a slow answer): the same receipt
      const retried = await Promise.all(desk.map((p) => submit(village, skuBody(p.name), p.key)));
      retried.forEach((res, j) => {
        expect(res.status, res.text).toBe(201);
        expect(res.data.id).toBe(filed[j]?.data.id);
      });
    }
  });
});

describe('tracking look-ups have a generous per-address limit', () => {
  // the one test of this file that looks codes up: it starts from an empty tracking budget
  it("past RATE_LIMIT_TRACK look-ups, found or not and on any route, tracking answers 429 with Retry-After in each route's error shape", async () => {
    await clearOfWindowEnd(600);
    const village = nextVillage();
    const codes: string[] = [];
    for (const name of ['Warga Pelacak', 'Warga Pelacak Dua']) {
      const filed = await submit(village, skuBody(name), randomUUID());
      expect(filed.status, filed.text).toBe(201);
      codes.push(filed.data.trackingCode);
    }
    const [code, other] = codes as [string, string];
    const open311 = (path: string) => fetch(`${runtime.apiUrl}/open311/v2/${path}`).then(toCall);
    setLimits({ RATE_LIMIT_TRACK: 6 });
    expect((await call('GET', `/track/${code}`)).status).toBe(200);
    expect((await call('GET', `/track?code=${encodeURIComponent(code.toLowerCase())}`)).status).toBe(200);
    // a guess counts as much as a find: that is what stops trying codes
    expect((await call('GET', '/track/AAAAA-AAAAA')).status).toBe(404);
    // an Open311 list counts one look-up per tracking code in it: three more make six
    const list = await open311(
      `requests.json?jurisdiction_id=${village}&service_request_id=${code},${other},BBBBB-BBBBB`,
    );
    expect(list.status, list.text).toBe(200);
    expect(list.data).toHaveLength(2);

    const json = await call('GET', `/track/${code}`);
    expect(json.status).toBe(429);
    expect(json.data.error).toMatchObject({ code: 'too_many_requests', message: expect.any(String) });
    const retryAfter = Number(json.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    const page = await call('GET', `/track?code=${code}`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(page.text).toContain('<html');
    const one = await open311(`requests/${other}.json`);
    expect(one.status).toBe(429);
    expect(one.data).toEqual([{ code: 429, description: expect.any(String) }]);
    expect(Number(one.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
