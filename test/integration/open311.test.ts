// biome-ignore-all lint/suspicious/noExplicitAny: the API answers under test are untyped JSON
/**
 * Open311 services and service definitions, and requests.json's bounded reads (the runtime and the
 * schema validator: test/support/open311.ts).
 */
import { describe, expect, it } from 'vitest';
import { api, call, expectOpen311Error, useOpen311Runtime, VILLAGE, validate } from '../support/open311';
import { skuBody } from '../support/runtime';

useOpen311Runtime();

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

describe('GET requests.json reads a bounded amount per call (public and anonymous)', () => {
  it('over 500 requests in a village: a filter matching none reads at most 5 pages of 100, and the cursor carries on', async () => {
    const LICIN = '35.10.24.2003'; // Desa Licin: no other test files requests there
    // this file's runtime keeps the per-client submit limit (its own tests check it): lifted while filling
    const { config } = await import('../../functions/lib/config');
    const limit = config().RATE_LIMIT_SUBMIT;
    Object.assign(config(), { RATE_LIMIT_SUBMIT: 1_000_000 });
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
    Object.assign(config(), { RATE_LIMIT_SUBMIT: limit });
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
