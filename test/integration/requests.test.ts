/**
 * A citizen files a request with JSON, and a path no route serves (test/support/requests.ts starts
 * the runtime).
 */
import { describe, expect, it } from 'vitest';
import { call, runtime, submitSku, useRequestsRuntime } from '../support/requests';
import { skuBody, TAMANSARI } from '../support/runtime';

useRequestsRuntime();

describe('citizen files a request with JSON', () => {
  it('answers 201 with id, tracking code, secret, status submitted and no due time until documents are in', async () => {
    const res = await submitSku();
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({ status: 'submitted', dueAt: null });
    expect(res.data.trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(res.data.secret.length).toBeGreaterThanOrEqual(22);
  });

  it('a retry with the same Idempotency-Key answers the same id, tracking code and secret', async () => {
    const headers = { 'idempotency-key': `retry-${Date.now()}` };
    const first = await submitSku('Retry Person', headers);
    const second = await submitSku('Retry Person', headers);
    expect(second.status).toBe(201);
    expect(second.data).toEqual(first.data);
  });

  it('the replay record holds neither the secret nor the Idempotency-Key in plaintext; a retry still gets the same secret', async () => {
    const { Idempotency, replayKey } = await import('../../functions/lib/idempotency');
    const { getParams } = await import('../../functions/lib/table');
    const documentClient = (await import('../../functions/lib/aws')).documentClient();
    const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const key = `sealed-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const first = await submitSku('Rahasia Tersegel', { 'idempotency-key': key });
    expect(first.status).toBe(201);
    // the stored items of the replay record, as the raw SDK reads them
    const { Items = [] } = await documentClient.send(
      new QueryCommand({
        TableName: runtime.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: {
          ':pk': getParams(Idempotency, { scope: TAMANSARI, key: replayKey(key) }).Key.pk,
        },
      }),
    );
    expect(Items).toHaveLength(1);
    const stored = JSON.stringify(Items);
    for (const plain of [first.data.secret, first.data.trackingCode, first.data.id, key])
      expect(stored).not.toContain(plain);
    expect(Items[0]?.response).toMatchObject({ v: 1, iv: expect.any(String), tag: expect.any(String) });
    const retry = await submitSku('Rahasia Tersegel', { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.data).toEqual(first.data);
  });

  it('the same Idempotency-Key with a different body answers 409', async () => {
    const headers = { 'idempotency-key': `clash-${Date.now()}` };
    expect((await submitSku('Person A', headers)).status).toBe(201);
    const clash = await submitSku('Person B', headers);
    expect(clash.status).toBe(409);
    expect(clash.data.error.code).toBe('idempotency_conflict');
  });

  it('concurrent retries with one key create exactly one request', async () => {
    const headers = { 'idempotency-key': `race-${Date.now()}` };
    const answers = await Promise.all(Array.from({ length: 5 }, () => submitSku('Racer', headers)));
    expect(new Set(answers.map((a) => a.data.id)).size).toBe(1);
    expect(answers.every((a) => a.status === 201)).toBe(true);
  });

  it('a bad NIK, a missing name and an unknown field are all named in one 400', async () => {
    const body = skuBody();
    const res = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: { ...body, applicant: { nik: '3510243102900001' }, fields: { ...body.fields, warna: 'merah' } },
    });
    expect(res.status).toBe(400);
    const paths = res.data.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['applicant.name', 'applicant.nik']));
    expect(res.data.error.fields.find((f: { path: string }) => f.path === 'applicant.nik').message).toMatch(
      /tanggal/,
    );
  });

  it("one 400 names the applicant's and the service's mistakes together (no second round after the NIK is fixed)", async () => {
    const body = skuBody();
    const { jenis_usaha: _, ...fields } = body.fields;
    const res = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: {
        ...body,
        applicant: { ...body.applicant, nik: '1234' },
        fields: { ...fields, lama_usaha: 'lima' },
      },
    });
    expect(res.status).toBe(400);
    expect(res.data.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'applicant.nik', message: 'NIK harus 16 angka' },
        { path: 'fields.jenis_usaha', message: 'wajib diisi' },
        { path: 'fields.lama_usaha', message: 'isi dengan angka, mis. 3 atau 1.500.000' },
      ]),
    );
    // JSON keeps the paths: no labels there
    expect(Object.keys(res.data.error.fields[0]).sort()).toEqual(['message', 'path']);
  });

  it('says what is wrong with a one-letter name, a bad WhatsApp number, an empty NIK and broken JSON', async () => {
    const body = skuBody();
    const res = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: { ...body, applicant: { name: 'A', nik: '', whatsapp: '1234' } },
    });
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries(
      res.data.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
    );
    expect(byPath['applicant.name']).toMatch(/^terlalu pendek/);
    expect(byPath['applicant.nik']).toBe('wajib diisi');
    expect(byPath['applicant.whatsapp']).toMatch(/WhatsApp Indonesia.*08.*081234567890/);
    const broken = await fetch(`${runtime.apiUrl}/villages/${TAMANSARI}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: '{"serviceCode":',
    });
    expect(((await broken.json()) as { error: { fields: unknown[] } }).error.fields).toEqual([
      { path: '(body)', message: 'the request body is not valid JSON' },
    ]);
  });

  it('an unknown service is a 400 on serviceCode, an unknown village a 404, and English on request', async () => {
    const res = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: { ...skuBody(), serviceCode: 'sim' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(res.status).toBe(400);
    expect(res.data.error.fields[0]).toEqual({
      path: 'serviceCode',
      message: 'This service is not offered by this village.',
    });
    expect((await call('POST', '/villages/35.10.24.2999/requests', { json: skuBody() })).status).toBe(404);
  });

  it('a body that is not JSON or a form gets 415, broken JSON 400, an oversized body 413', async () => {
    const xml = await fetch(`${runtime.apiUrl}/villages/${TAMANSARI}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a/>',
    });
    expect(xml.status).toBe(415);
    const broken = await fetch(`${runtime.apiUrl}/villages/${TAMANSARI}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"serviceCode":',
    });
    expect(broken.status).toBe(400);
    const big = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: { ...skuBody(), pad: 'x'.repeat(70_000) },
    });
    expect(big.status).toBe(413);
  });
});

describe('a path no route serves ($default)', () => {
  it("answers our 404 shape in the caller's language, not a bare message", async () => {
    const en = await fetch(`${runtime.apiUrl}/villages/${TAMANSARI}/nothing-here`, {
      headers: { 'accept-language': 'en' },
    });
    expect(en.status).toBe(404);
    expect(await en.json()).toEqual({ error: { code: 'not_found', message: 'Unknown API path.' } });
    const id = await fetch(`${runtime.apiUrl}/tidak-ada?lang=id`, { method: 'DELETE' });
    expect(id.status).toBe(404);
    expect(await id.json()).toEqual({ error: { code: 'not_found', message: 'Alamat API tidak dikenal.' } });
  });
});
