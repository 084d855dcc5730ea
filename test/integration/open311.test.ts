// biome-ignore-all lint/suspicious/noExplicitAny: the API answers under test are untyped JSON
/**
 * Open311 GeoReport v2 over the real local runtime (DynamoDB Local, the route table, the adapter that
 * builds API Gateway events): every answer is validated against the official JSON Schemas in
 * shared/open311/georeport-v2, and no GET may carry the applicant's personal data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime } from '../../infra/local/runtime';
import { type Call, skuBody, toCall } from '../support/runtime';

const SCHEMAS = '/work/shared/open311/georeport-v2';
const VILLAGE = '35.10.24.2008'; // Tamansari, Licin
const NIK = '3510241508900001';
const NAME = 'Rahmat Hidayatullah';
const WHATSAPP = '081298765432';
const BUSINESS = 'Warung Kopi Kawah Ijen Biru';

let api: string;
let stop: () => Promise<void>;
// formats checked too (date-time of requested/expected_datetime, uri of media_url)
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

function validate(file: string, data: unknown): string[] {
  const check = ajv.getSchema(file);
  if (!check) throw new Error(`schema ${file} not loaded`);
  return check(data) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

async function call(path: string, init: RequestInit = {}): Promise<Call> {
  return toCall(await fetch(api + path, { redirect: 'manual', ...init }));
}

const post = (form: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return call('/open311/v2/requests.json', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: body.toString(),
  });
};

const skuForm = (extra: Record<string, string | string[]> = {}) => ({
  jurisdiction_id: VILLAGE,
  service_code: 'sku',
  'attribute[applicant_name]': NAME,
  'attribute[applicant_nik]': NIK,
  'attribute[applicant_whatsapp]': WHATSAPP,
  'attribute[nama_usaha]': BUSINESS,
  'attribute[jenis_usaha]': 'kuliner',
  'attribute[alamat_usaha]': 'Dusun Krajan RT 03 RW 01',
  'attribute[lama_usaha]': '3',
  'attribute[keperluan]': 'Pengajuan KUR',
  ...extra,
});

/** An Open311 error answer: `[{code, description}]`, code = the HTTP status. */
function expectOpen311Error(r: { status: number; data: any }, status: number) {
  expect(r.status).toBe(status);
  expect(Array.isArray(r.data)).toBe(true);
  expect(r.data.length).toBeGreaterThan(0);
  for (const e of r.data) {
    expect(e.code).toBe(status);
    expect(typeof e.description).toBe('string');
    expect(Object.keys(e).sort()).toEqual(['code', 'description']);
  }
}

/** No applicant data anywhere in an answer's raw text. */
function expectNoPersonalData(text: string) {
  for (const secret of [
    NIK,
    NAME,
    'Rahmat',
    BUSINESS,
    WHATSAPP,
    '81298765432',
    'Siti Aminah',
    'Budi Santoso',
  ])
    expect(text).not.toContain(secret);
  expect(text).not.toMatch(/\b\d{16}\b/);
}

beforeAll(async () => {
  for (const file of readdirSync(SCHEMAS).filter((f) => f.endsWith('.json')))
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')), file);
  const runtime = await startLocalRuntime({ port: 0, seed: true });
  api = runtime.apiUrl;
  stop = runtime.stop;
}, 120_000);

afterAll(async () => {
  await stop?.();
}, 30_000);

describe('GET /open311/v2/services.json', () => {
  it('lists the village catalogue, valid against services.json', async () => {
    const r = await call(`/open311/v2/services.json?jurisdiction_id=${VILLAGE}`);
    expect(r.status).toBe(200);
    expect(validate('services.json', r.data)).toEqual([]);
    const sku = r.data.find((s: any) => s.service_code === 'sku');
    expect(sku).toMatchObject({ metadata: true, type: 'batch', group: 'desa' });
    expect(sku.service_name).toMatch(/Surat Keterangan Usaha/i);
    expect(typeof sku.keywords).toBe('string');
  });

  it('answers in English with ?lang=en or Accept-Language', async () => {
    const byQuery = await call(`/open311/v2/services.json?jurisdiction_id=${VILLAGE}&lang=en`);
    const byHeader = await call(`/open311/v2/services.json?jurisdiction_id=${VILLAGE}`, {
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    const id = await call(`/open311/v2/services.json?jurisdiction_id=${VILLAGE}`);
    const name = (r: { data: any }) => r.data.find((s: any) => s.service_code === 'sku').service_name;
    expect(validate('services.json', byQuery.data)).toEqual([]);
    expect(name(byQuery)).toBe(name(byHeader));
    expect(name(byQuery)).not.toBe(name(id));
  });

  it('needs jurisdiction_id (400) and a known village (404), in the Open311 error shape', async () => {
    const missing = await call('/open311/v2/services.json');
    expectOpen311Error(missing, 400);
    expect(missing.data[0].description).toMatch(/^jurisdiction_id: /);
    const malformed = await call('/open311/v2/services.json?jurisdiction_id=tamansari');
    expectOpen311Error(malformed, 400);
    expectOpen311Error(await call('/open311/v2/services.json?jurisdiction_id=35.10.99.9999'), 404);
    const en = await call('/open311/v2/services.json', { headers: { 'accept-language': 'en' } });
    expect(en.data[0].description).toBe('jurisdiction_id: is required');
    expect(missing.data[0].description).toBe('jurisdiction_id: wajib diisi');
  });
});

describe('GET /open311/v2/services/{code}.json', () => {
  it('defines the applicant attributes and the service fields, valid against service-definition.json', async () => {
    const r = await call(`/open311/v2/services/sku.json?jurisdiction_id=${VILLAGE}`);
    expect(r.status).toBe(200);
    expect(validate('service-definition.json', r.data)).toEqual([]);
    expect(r.data.service_code).toBe('sku');
    const codes = r.data.attributes.map((a: any) => a.code);
    expect(codes).toEqual([
      'applicant_name',
      'applicant_nik',
      'applicant_whatsapp',
      'nama_usaha',
      'jenis_usaha',
      'alamat_usaha',
      'lama_usaha',
      'keperluan',
    ]);
    const attr = (code: string) => r.data.attributes.find((a: any) => a.code === code);
    expect(attr('applicant_nik')).toMatchObject({ variable: true, datatype: 'string', required: true });
    expect(attr('applicant_whatsapp').required).toBe(false);
    expect(attr('jenis_usaha').datatype).toBe('singlevaluelist');
    expect(attr('jenis_usaha').values).toContainEqual({ key: 'kuliner', name: 'Kuliner/makanan olahan' });
    expect(attr('lama_usaha').datatype).toBe('number');
    const orders = r.data.attributes.map((a: any) => a.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('answers unknown services with 404 and needs jurisdiction_id', async () => {
    expectOpen311Error(await call(`/open311/v2/services/tidak-ada.json?jurisdiction_id=${VILLAGE}`), 404);
    expectOpen311Error(await call('/open311/v2/services/sku.json'), 400);
  });
});

describe('Open311 requests', () => {
  let id: string;
  let trackingCode: string;

  it('POST requests.json files a request with attributes (including the NIK)', async () => {
    const r = await post(skuForm());
    expect(r.status).toBe(201);
    expect(Array.isArray(r.data)).toBe(true);
    expect(r.data).toHaveLength(1);
    const [receipt] = r.data;
    expect(typeof receipt.service_request_id).toBe('string');
    expect(receipt.account_id).toBeNull();
    expect(receipt.tracking_code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(receipt.secret.length).toBeGreaterThan(20);
    expect(receipt.service_notice).toContain(receipt.tracking_code);
    // the submitter's own answer holds no personal data either
    expectNoPersonalData(r.text);
    id = receipt.service_request_id;
    trackingCode = receipt.tracking_code;
  });

  it('maps first_name/last_name/phone and list attributes given as attribute[code][]', async () => {
    const form: Record<string, string | string[]> = skuForm({
      first_name: 'Dewi',
      last_name: 'Lestari',
      phone: '0812 3456 7890',
      'attribute[jenis_usaha][]': ['jasa'],
    });
    delete form['attribute[applicant_name]'];
    delete form['attribute[applicant_whatsapp]'];
    delete form['attribute[jenis_usaha]'];
    const r = await post(form);
    expect(r.status).toBe(201);
    expect(r.data[0].service_request_id).toBeTruthy();
  });

  it('rejects bad input with 400 naming each Open311 field, in the caller language', async () => {
    const r = await post(
      skuForm({ 'attribute[applicant_nik]': '12', 'attribute[jenis_usaha]': 'tambang', service_code: 'sku' }),
    );
    expectOpen311Error(r, 400);
    const descriptions = r.data.map((e: any) => e.description).join('\n');
    expect(descriptions).toMatch(/^attribute\[applicant_nik\]: NIK harus 16 angka$/m);

    const fields = await post(skuForm({ 'attribute[jenis_usaha]': 'tambang', 'attribute[warna]': 'biru' }), {
      'accept-language': 'en',
    });
    expectOpen311Error(fields, 400);
    const d = fields.data.map((e: any) => e.description);
    expect(d).toContain('attribute[jenis_usaha]: choose one of the listed values');
    expect(d).toContain('attribute[warna]: this field is not part of this service');

    const missing = await post({ service_code: 'sku' });
    expectOpen311Error(missing, 400);
    const m = missing.data.map((e: any) => e.description.split(':')[0]);
    expect(m).toEqual(
      expect.arrayContaining(['jurisdiction_id', 'attribute[applicant_name]', 'attribute[applicant_nik]']),
    );

    expectOpen311Error(await post(skuForm({ service_code: 'tidak-ada' })), 400);
    expectOpen311Error(await post(skuForm({ jurisdiction_id: '35.10.99.9999' })), 404);
    const wrongType = await call('/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expectOpen311Error(wrongType, 415);
  });

  it('GET requests/{id}.json answers a one-item array without personal data', async () => {
    const r = await call(`/open311/v2/requests/${id}.json`);
    expect(r.status).toBe(200);
    expect(validate('requests.json', r.data)).toEqual([]);
    expect(r.data).toHaveLength(1);
    expect(r.data[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'sku',
      description: null,
      agency_responsible: expect.stringMatching(/Tamansari/i),
    });
    expect(Date.parse(r.data[0].requested_datetime)).not.toBeNaN();
    expectNoPersonalData(r.text);
  });

  it('accepts the tracking code as {id}, in any case and without the hyphen', async () => {
    const r = await call(`/open311/v2/requests/${trackingCode.replace('-', '').toLowerCase()}.json`);
    expect(r.status).toBe(200);
    expect(validate('requests.json', r.data)).toEqual([]);
    expect(r.data[0].service_request_id).toBe(id);
  });

  it('answers unknown ids with 404 [{code, description}]', async () => {
    expectOpen311Error(await call('/open311/v2/requests/AAAAAAAAAAAAAAAA.json'), 404);
    expectOpen311Error(await call('/open311/v2/requests/ZZZZZ-ZZZZZ.json'), 404);
    expectOpen311Error(await call(`/open311/v2/requests/${id}.json?jurisdiction_id=35.10.15.2004`), 404);
  });

  it('GET requests.json lists the village requests, valid and without personal data', async () => {
    const r = await call(`/open311/v2/requests.json?jurisdiction_id=${VILLAGE}`);
    expect(r.status).toBe(200);
    expect(validate('requests.json', r.data)).toEqual([]);
    expect(r.data.map((x: any) => x.service_request_id)).toContain(id);
    // the seeded demo request is there too
    expect(r.data.map((x: any) => x.service_code)).toContain('domisili');
    expectNoPersonalData(r.text);
  });

  it('filters by service_code, status and service_request_id', async () => {
    const domisili = await call(`/open311/v2/requests.json?jurisdiction_id=${VILLAGE}&service_code=domisili`);
    expect(validate('requests.json', domisili.data)).toEqual([]);
    expect(domisili.data.length).toBeGreaterThan(0);
    expect(domisili.data.every((x: any) => x.service_code === 'domisili')).toBe(true);

    const open = await call(`/open311/v2/requests.json?jurisdiction_id=${VILLAGE}&status=open`);
    expect(open.data.map((x: any) => x.service_request_id)).toContain(id);
    expect(open.data.every((x: any) => x.status === 'open')).toBe(true);
    const closed = await call(`/open311/v2/requests.json?jurisdiction_id=${VILLAGE}&status=closed`);
    expect(closed.status).toBe(200);
    expect(closed.data.map((x: any) => x.service_request_id)).not.toContain(id);

    const both = await call(
      `/open311/v2/requests.json?jurisdiction_id=${VILLAGE}&service_request_id=${id},${trackingCode},AAAAAAAAAAAAAAAA`,
    );
    expect(validate('requests.json', both.data)).toEqual([]);
    expect(both.data.map((x: any) => x.service_request_id)).toEqual([id]);

    const elsewhere = await call(
      `/open311/v2/requests.json?jurisdiction_id=35.10.15.2004&service_request_id=${id}`,
    );
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.data).toEqual([]);
  });

  it('honours the date window (default 90 days, at most 90 days wide)', async () => {
    const past = await call(
      `/open311/v2/requests.json?jurisdiction_id=${VILLAGE}&start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z`,
    );
    expect(past.status).toBe(200);
    expect(past.data).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const since = await call(`/open311/v2/requests.json?jurisdiction_id=${VILLAGE}&start_date=${today}`);
    expect(since.data.map((x: any) => x.service_request_id)).toContain(id);
    expectOpen311Error(
      await call(
        `/open311/v2/requests.json?jurisdiction_id=${VILLAGE}&start_date=2020-01-01&end_date=2021-01-01`,
      ),
      400,
    );
    expectOpen311Error(
      await call(`/open311/v2/requests.json?jurisdiction_id=${VILLAGE}&start_date=gestern`),
      400,
    );
    expectOpen311Error(
      await call(`/open311/v2/requests.json?jurisdiction_id=${VILLAGE}&status=pending`),
      400,
    );
    expectOpen311Error(await call('/open311/v2/requests.json'), 400);
  });

  it('pages with limit (max 50) and a Link header, the body staying a plain array', async () => {
    const first = await call(`/open311/v2/requests.json?jurisdiction_id=${VILLAGE}&limit=1`);
    expect(first.data).toHaveLength(1);
    expect(validate('requests.json', first.data)).toEqual([]);
    const link = first.headers.get('link');
    expect(link).toMatch(/rel="next"/);
    const next = link?.match(/<([^>]+)>/)?.[1] ?? '';
    const second = await call(next);
    expect(second.status).toBe(200);
    expect(second.data).toHaveLength(1);
    expect(second.data[0].service_request_id).not.toBe(first.data[0].service_request_id);
    expectOpen311Error(await call(`/open311/v2/requests.json?jurisdiction_id=${VILLAGE}&limit=51`), 400);
  });

  it('follows the officer: rejected is closed, and the reason shows only to the tracking-code holder', async () => {
    const login = await call('/local/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer@tamansari-licin', password: 'smartkampung' }),
    });
    const token = login.data.idToken ?? login.data.accessToken;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const move = async (to: string, reason?: string) => {
      const current = await call(`/requests/${id}`, { headers: auth });
      const r = await call(`/requests/${id}/transitions`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ to, version: current.data.version, ...(reason ? { reason } : {}) }),
      });
      expect(r.status).toBe(200);
    };
    await move('in_review');
    await move('rejected', 'Usaha berada di luar wilayah desa');

    const byId = await call(`/open311/v2/requests/${id}.json`);
    expect(validate('requests.json', byId.data)).toEqual([]);
    expect(byId.data[0].status).toBe('closed');
    expect(byId.data[0].status_notes).toBe('Ditolak');
    expect(byId.data[0].updated_datetime).toBeTruthy();

    const byCode = await call(`/open311/v2/requests/${trackingCode}.json?lang=en`);
    expect(byCode.data[0].status_notes).toBe('Rejected: Usaha berada di luar wilayah desa');

    const closed = await call(`/open311/v2/requests.json?jurisdiction_id=${VILLAGE}&status=closed`);
    expect(validate('requests.json', closed.data)).toEqual([]);
    expect(closed.data.map((x: any) => x.service_request_id)).toContain(id);
    expect(closed.data.every((x: any) => x.status === 'closed')).toBe(true);
    expect(closed.text).not.toContain('luar wilayah');
    const open = await call(`/open311/v2/requests.json?jurisdiction_id=${VILLAGE}&status=open`);
    expect(open.data.map((x: any) => x.service_request_id)).not.toContain(id);
    const all = await call(`/open311/v2/requests.json?jurisdiction_id=${VILLAGE}&status=open,closed`);
    expect(all.data.map((x: any) => x.service_request_id)).toContain(id);
  });
});

describe('GET requests.json reads a bounded amount per call (public and anonymous)', () => {
  it('over 500 requests in a village: a filter matching none reads at most 5 pages of 100, and the cursor carries on', async () => {
    const LICIN = '35.10.24.2003'; // Desa Licin: no other test files requests there
    // this file's runtime keeps the per-client submit limit (its own tests check it): lifted while filling
    const { config } = await import('../../functions/lib/config');
    const limit = config().RATE_LIMIT_SUBMIT;
    Object.assign(config, { RATE_LIMIT_SUBMIT: 1_000_000 });
    for (let i = 0; i < 520; i += 26)
      await Promise.all(
        Array.from({ length: 26 }, async (_, j) => {
          const res = await fetch(`${api}/villages/${LICIN}/requests`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(skuBody(`Warga Licin ${i + j}`)),
          });
          expect(res.status).toBe(201);
        }),
      );
    Object.assign(config, { RATE_LIMIT_SUBMIT: limit });
    const dynamo = (await import('../../functions/lib/aws')).dynamo();
    let queries = 0;
    let evaluated = 0;
    dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        const out = await next(args);
        if (context.commandName === 'QueryCommand') {
          queries++;
          evaluated += (out.output as { ScannedCount?: number }).ScannedCount ?? 0;
        }
        return out;
      },
      { step: 'initialize', name: 'open311ReadCount' },
    );
    try {
      let path: string | undefined =
        `/open311/v2/requests.json?jurisdiction_id=${LICIN}&service_code=domisili`;
      let calls = 0;
      while (path) {
        queries = 0;
        evaluated = 0;
        const res = await call(path);
        calls++;
        expect(res.status).toBe(200);
        expect(res.data).toEqual([]);
        expect(queries).toBeLessThanOrEqual(5);
        expect(evaluated).toBeLessThanOrEqual(500);
        path = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
      }
      // 520 requests, ≤ 500 per call: the walk needed a second call and ended
      expect(calls).toBeGreaterThanOrEqual(2);
      queries = 0;
      evaluated = 0;
      const one = await call(`/open311/v2/requests.json?jurisdiction_id=${LICIN}&limit=1`);
      expect(one.data).toHaveLength(1);
      expect(evaluated).toBeLessThanOrEqual(100);
    } finally {
      dynamo.middlewareStack.remove('open311ReadCount');
    }
  }, 180_000);
});
