/**
 * A service field of datatype `number` takes a JSON number as JSON clients send it, as well as the
 * text a form sends in Indonesian writing ("1.500.000", "2,5"), and stores the same canonical text
 * either way (issue 13, defect 6). Other datatypes keep their one JSON type.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { client, signIn, skuBody, startRuntime, TAMANSARI } from '../support/runtime';

let runtime: LocalRuntime;
let call: ReturnType<typeof client>;
let officer: string;

beforeAll(async () => {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
}, 120_000);
afterAll(async () => {
  await runtime?.stop();
});

const sku = (fields: Record<string, unknown>) => {
  const body = skuBody('Siti Aminah');
  return { ...body, fields: { ...body.fields, ...fields } };
};

/** What the officer reads of the request's answers. */
async function storedFields(id: string) {
  const res = await call('GET', `/requests/${id}`, { token: officer });
  expect(res.status, res.text).toBe(200);
  return res.data.fields as Record<string, unknown>;
}

describe('number fields of a service', () => {
  it('take a JSON number and store the canonical text a form would have stored', async () => {
    for (const [sent, stored] of [
      [3, '3'],
      [2.5, '2.5'],
      [1500000, '1500000'],
      ['1.500.000', '1500000'],
      ['2,5', '2.5'],
    ] as const) {
      const res = await call('POST', `/villages/${TAMANSARI}/requests`, { json: sku({ lama_usaha: sent }) });
      expect(res.status, `${sent}: ${res.text}`).toBe(201);
      expect((await storedFields(res.data.id)).lama_usaha, String(sent)).toBe(stored);
    }
  });

  it('a JSON number and its text are the same submission for the Idempotency-Key', async () => {
    const key = `numbers-${Date.now()}`;
    const headers = { 'idempotency-key': key };
    const first = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: sku({ lama_usaha: 3 }),
      headers,
    });
    const again = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: sku({ lama_usaha: '3' }),
      headers,
    });
    expect([first.status, again.status], again.text).toEqual([201, 201]);
    expect(again.data.id).toBe(first.data.id);
  });

  it('a JSON number in a text or list field, or a number field given true, is refused naming the field', async () => {
    const res = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: sku({ nama_usaha: 3, jenis_usaha: 1 }),
    });
    expect(res.status, res.text).toBe(400);
    expect(res.data.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'fields.jenis_usaha',
      'fields.nama_usaha',
    ]);
    const yes = await call('POST', `/villages/${TAMANSARI}/requests`, { json: sku({ lama_usaha: true }) });
    expect(yes.status, yes.text).toBe(400);
    expect(yes.data.error.fields.map((f: { path: string }) => f.path)).toEqual(['fields.lama_usaha']);
  });

  it('a resubmission corrects a number field with a JSON number', async () => {
    const filed = await call('POST', `/villages/${TAMANSARI}/requests`, { json: sku({ lama_usaha: 3 }) });
    expect(filed.status, filed.text).toBe(201);
    for (const [to, reason] of [['in_review'], ['needs_revision', 'Lama usaha belum benar']]) {
      const { version } = (await call('GET', `/requests/${filed.data.id}`, { token: officer })).data;
      const moved = await call('POST', `/requests/${filed.data.id}/transitions`, {
        token: officer,
        json: { to, version, ...(reason ? { reason } : {}) },
      });
      expect(moved.status, moved.text).toBe(200);
    }
    const resubmitted = await call('POST', `/requests/${filed.data.id}/resubmit`, {
      json: { fields: { lama_usaha: 7 } },
      headers: { 'x-request-secret': filed.data.secret },
    });
    expect(resubmitted.status, resubmitted.text).toBe(200);
    expect((await storedFields(filed.data.id)).lama_usaha).toBe('7');
  });

  it('Open311 JSON clients may send a number attribute as a number', async () => {
    const res = await fetch(`${runtime.apiUrl}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        jurisdiction_id: TAMANSARI,
        service_code: 'sku',
        'attribute[applicant_name]': 'Siti Aminah',
        'attribute[applicant_nik]': '3510241508900001',
        'attribute[nama_usaha]': 'Kopi Ijen',
        'attribute[jenis_usaha]': 'kuliner',
        'attribute[alamat_usaha]': 'Dusun Krajan',
        'attribute[lama_usaha]': 3,
        'attribute[keperluan]': 'KUR',
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const [receipt] = (await res.json()) as { service_request_id: string }[];
    expect((await storedFields(receipt?.service_request_id ?? '')).lama_usaha).toBe('3');
  });
});
