// biome-ignore-all lint/suspicious/noExplicitAny: the API answers under test are untyped JSON
/**
 * Open311 requests: submitting, reading them back, and what GETs never show (the runtime and the
 * schema validator: test/support/open311.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  call,
  expectNoPersonalData,
  expectOpen311Error,
  post,
  skuForm,
  useOpen311Runtime,
  VILLAGE,
  validate,
} from '../support/open311';

useOpen311Runtime();

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
