import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LocalRuntime, localS3 } from '../../infra/local/runtime';
import { JPEG, PDF, SPOOFED_PDF } from '../fixtures/files';
import {
  type Call,
  client,
  KEMIREN,
  NIK,
  signIn,
  skuBody,
  startRuntime,
  TAMANSARI,
  toCall,
} from '../support/runtime';

let runtime: LocalRuntime;
let call: ReturnType<typeof client>;
let s3: S3Client;

beforeAll(async () => {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  s3 = localS3(runtime.s3Endpoint);
}, 120_000);
afterAll(async () => {
  s3?.destroy();
  await runtime?.stop();
});

/** One sign-in of Tamansari's officer for the whole file: sign-ins are rate limited per username. */
let officerSignIn: Promise<string> | undefined;
const officerToken = () => {
  officerSignIn ??= signIn(runtime.apiUrl, 'officer@tamansari-licin');
  return officerSignIn;
};

/**
 * Posts a file to a presigned POST exactly as a browser form would (fields first, file last). The
 * presigned URL points at the local S3 front, which enforces the POST policy as S3 does; `pastThePolicy`
 * posts to the emulator itself instead (it enforces nothing), for what the confirm step must still catch
 * when storage lets a file through.
 */
async function postToS3(
  url: string,
  fields: Record<string, string>,
  bytes: Buffer,
  type: string,
  opts: { pastThePolicy?: boolean } = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'upload');
  const target = opts.pastThePolicy ? url.replace(`${runtime.siteUrl}/_s3`, runtime.s3Endpoint) : url;
  if (opts.pastThePolicy) expect(target).not.toBe(url);
  return fetch(target, { method: 'POST', body: form, redirect: 'manual' });
}

async function uploadDocument(id: string, secret: string, requirement: string, bytes: Buffer, type: string) {
  const created = await call('POST', `/requests/${id}/documents`, {
    json: { requirement, contentType: type, size: bytes.length },
    headers: { 'x-request-secret': secret },
  });
  expect(created.status).toBe(201);
  const s3res = await postToS3(created.data.url, created.data.fields, bytes, type);
  expect(s3res.status).toBeLessThan(300);
  const confirmed = await call('POST', `/requests/${id}/documents/${created.data.documentId}/confirm`, {
    headers: { 'x-request-secret': secret },
  });
  return { created, confirmed };
}

/** Uploads a real PDF for every required document of SKU: the request becomes complete. */
async function uploadRequired(id: string, secret: string, codes = ['ktp', 'kk', 'pengantar_rt_rw']) {
  for (const code of codes) {
    const { confirmed } = await uploadDocument(id, secret, code, PDF, 'application/pdf');
    expect(confirmed.status, confirmed.text).toBe(200);
  }
}

type CatalogueField = { code: string; datatype: string; required: boolean; values?: { key: string }[] };

/** Surat Pengantar Pindah (kecamatan level) as the public catalogue serves it. */
async function pindahService() {
  const services = await call('GET', `/villages/${TAMANSARI}/services`);
  return services.data.items.find((s: { code: string }) => s.code === 'pindah');
}

/** Plausible answers to every required field of a service. */
function requiredAnswers(service: { fields: CatalogueField[] }): Record<string, string> {
  return Object.fromEntries(
    service.fields
      .filter((f) => f.required)
      .map((f) => [
        f.code,
        f.values?.[0]?.key ??
          (f.datatype === 'number' ? '2' : f.datatype === 'datetime' ? '2026-12-01' : 'Jl. Raya Licin 1'),
      ]),
  );
}

async function submitSku(name?: string, headers: Record<string, string> = {}): Promise<Call> {
  return call('POST', `/villages/${TAMANSARI}/requests`, { json: skuBody(name), headers });
}

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
    const { documentClient } = await import('../../functions/lib/aws');
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

describe('documents', () => {
  it('a real PDF and a real JPEG upload through the presigned POST; the promise starts when the last one is in', async () => {
    const { data: receipt } = await submitSku();
    const request = await call('GET', `/track/${receipt.trackingCode}`);
    expect(request.data.dueAt).toBeNull();
    const ktp = await uploadDocument(receipt.id, receipt.secret, 'ktp', JPEG, 'image/jpeg');
    expect(ktp.confirmed.status).toBe(200);
    expect(ktp.confirmed.data).toMatchObject({ status: 'confirmed', complete: false });
    const kk = await uploadDocument(receipt.id, receipt.secret, 'kk', PDF, 'application/pdf');
    expect(kk.confirmed.data.complete).toBe(false);
    const last = await uploadDocument(receipt.id, receipt.secret, 'pengantar_rt_rw', PDF, 'application/pdf');
    expect(last.confirmed.data.complete).toBe(true);
    const tracked = await call('GET', `/track/${receipt.trackingCode}`);
    expect(tracked.data.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(tracked.data.completeAt).not.toBeNull();
    // confirming again is idempotent
    const again = await call(
      'POST',
      `/requests/${receipt.id}/documents/${last.created.data.documentId}/confirm`,
      {
        headers: { 'x-request-secret': receipt.secret },
      },
    );
    expect(again.status).toBe(200);
  });

  it('a spoofed file (HTML declared as PDF) gets 422 invalid_file and is deleted from the bucket', async () => {
    const { data: receipt } = await submitSku();
    const { created, confirmed } = await uploadDocument(
      receipt.id,
      receipt.secret,
      'ktp',
      SPOOFED_PDF,
      'application/pdf',
    );
    expect(confirmed.status).toBe(422);
    expect(confirmed.data.error.code).toBe('invalid_file');
    const key = `requests/${receipt.id}/${created.data.documentId}`;
    await expect(
      s3.send(new HeadObjectCommand({ Bucket: runtime.uploadsBucket, Key: key })),
    ).rejects.toThrow();
  });

  it('a file larger than announced is refused by the front as S3 refuses it, and by confirm when storage let it through', async () => {
    const { data: receipt } = await submitSku();
    const created = await call('POST', `/requests/${receipt.id}/documents`, {
      json: { requirement: 'ktp', contentType: 'application/pdf', size: 10 },
      headers: { 'x-request-secret': receipt.secret },
    });
    expect((await postToS3(created.data.url, created.data.fields, PDF, 'application/pdf')).status).toBe(403);
    const stored = await postToS3(created.data.url, created.data.fields, PDF, 'application/pdf', {
      pastThePolicy: true,
    });
    expect(stored.status).toBeLessThan(300);
    const confirmed = await call(
      'POST',
      `/requests/${receipt.id}/documents/${created.data.documentId}/confirm`,
      {
        headers: { 'x-request-secret': receipt.secret },
      },
    );
    expect(confirmed.status).toBe(422);
    expect(confirmed.data.error.code).toBe('invalid_file');
  });

  it('refuses a document beyond 5 MB, an SVG, an unknown requirement, and a wrong secret', async () => {
    const { data: receipt } = await submitSku();
    const h = { 'x-request-secret': receipt.secret };
    const big = await call('POST', `/requests/${receipt.id}/documents`, {
      json: { requirement: 'ktp', contentType: 'application/pdf', size: 6 * 1024 * 1024 },
      headers: h,
    });
    expect(big.status).toBe(400);
    expect(big.data.error.fields[0].path).toBe('size');
    const svg = await call('POST', `/requests/${receipt.id}/documents`, {
      json: { requirement: 'ktp', contentType: 'image/svg+xml', size: 100 },
      headers: h,
    });
    expect(svg.data.error.fields[0].path).toBe('contentType');
    const unknown = await call('POST', `/requests/${receipt.id}/documents`, {
      json: { requirement: 'paspor', contentType: 'application/pdf', size: 100 },
      headers: h,
    });
    expect(unknown.status).toBe(400);
    const wrong = await call('POST', `/requests/${receipt.id}/documents`, {
      json: { requirement: 'ktp', contentType: 'application/pdf', size: 100 },
      headers: { 'x-request-secret': 'not-the-secret' },
    });
    expect(wrong.status).toBe(403);
  });
});

describe('a confirm that died half-way', () => {
  it('after its document write but before completeness: the retried confirm completes the request and starts the promise', async () => {
    const { data: receipt } = await submitSku('Konfirmasi Terputus');
    const h = { 'x-request-secret': receipt.secret };
    await uploadRequired(receipt.id, receipt.secret, ['ktp', 'kk']);
    const created = await call('POST', `/requests/${receipt.id}/documents`, {
      json: { requirement: 'pengantar_rt_rw', contentType: 'application/pdf', size: PDF.length },
      headers: h,
    });
    expect(
      (await postToS3(created.data.url, created.data.fields, PDF, 'application/pdf')).status,
    ).toBeLessThan(300);
    // what confirmDocument does up to and including its document write, then the function dies
    const { RequestDocument } = await import('../../functions/requests/entities');
    const { PutItemCommand } = await import('dynamodb-toolbox/entity/actions/put');
    const { copyObject } = await import('../../functions/lib/s3');
    const { config } = await import('../../functions/lib/config');
    const { incomingKey, documentKey } = await import('../../functions/requests/documents');
    const documentId = created.data.documentId as string;
    await copyObject(
      config.UPLOADS_BUCKET,
      incomingKey(receipt.id, documentId),
      documentKey(receipt.id, documentId),
      {
        contentType: 'application/pdf',
      },
    );
    const at = new Date().toISOString();
    await RequestDocument.build(PutItemCommand)
      .item({
        requestId: receipt.id,
        documentId,
        requirement: 'pengantar_rt_rw',
        key: documentKey(receipt.id, documentId),
        declaredType: 'application/pdf',
        declaredSize: PDF.length,
        status: 'confirmed',
        detectedType: 'application/pdf',
        size: PDF.length,
        createdAt: at,
        confirmedAt: at,
      })
      .send();
    expect((await call('GET', `/track/${receipt.trackingCode}`)).data.dueAt).toBeNull();
    const retry = await call('POST', `/requests/${receipt.id}/documents/${documentId}/confirm`, {
      headers: h,
    });
    expect(retry.status, retry.text).toBe(200);
    expect(retry.data).toMatchObject({ status: 'confirmed', complete: true });
    expect((await call('GET', `/track/${receipt.trackingCode}`)).data.dueAt).not.toBeNull();
  });
});

describe('a double tap on real DynamoDB (TransactionConflict)', () => {
  /** DynamoDB's cancellation of a transaction that met a concurrent one on the same items. */
  const conflict = () =>
    Object.assign(
      new Error('Transaction cancelled, please refer cancellation reasons for specific reasons'),
      {
        name: 'TransactionCanceledException',
        CancellationReasons: [{ Code: 'None' }, { Code: 'None' }, { Code: 'TransactionConflict' }],
      },
    );

  /** Intercepts the handlers' transactions: `plan[n]` says what the n-th one does. */
  async function withTransactions(plan: ('twin-wins' | 'conflict' | 'real')[], run: () => Promise<unknown>) {
    const { documentClient } = await import('../../functions/lib/aws');
    const { TransactWriteCommand } = await import('@aws-sdk/lib-dynamodb');
    const real = documentClient.send.bind(documentClient);
    let n = 0;
    const spy = vi.spyOn(documentClient, 'send').mockImplementation((async (command: unknown) => {
      if (!(command instanceof TransactWriteCommand)) return real(command as never);
      const step = plan[n++] ?? 'real';
      // the identical twin's transaction lands, and ours is the one DynamoDB cancels
      if (step === 'twin-wins') await real(command as never);
      if (step !== 'real') throw conflict();
      return real(command as never);
    }) as never);
    try {
      return await run();
    } finally {
      spy.mockRestore();
    }
  }

  async function submitDirect(key?: string) {
    const { submitRequest } = await import('../../functions/requests/submit');
    const { SubmitBody } = await import('../../functions/requests/schemas');
    return submitRequest(TAMANSARI, SubmitBody.parse(skuBody('Ketuk Dua Kali')), {
      source: 'web',
      now: new Date(),
      ...(key ? { idempotencyKey: key } : {}),
    });
  }

  it('mocked AWS error: canceled with TransactionConflict while the twin wrote → answers the twin receipt, no 500', async () => {
    const key = `conflict-${Date.now()}`;
    const receipt = (await withTransactions(['twin-wins'], () => submitDirect(key))) as { id: string };
    // a retry over HTTP answers the very same receipt: exactly one request exists
    const retry = await submitSku('Ketuk Dua Kali', { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.data).toEqual(receipt);
    const token = await officerToken();
    expect((await call('GET', `/requests/${receipt.id}`, { token })).status).toBe(200);
  });

  it('mocked AWS error: both twins canceled with TransactionConflict → tried again after a backoff, one request', async () => {
    const key = `conflict-both-${Date.now()}`;
    const receipt = (await withTransactions(['conflict', 'conflict'], () => submitDirect(key))) as {
      id: string;
    };
    const retry = await submitSku('Ketuk Dua Kali', { 'idempotency-key': key });
    expect(retry.data.id).toBe(receipt.id);
    // without a key either
    const plain = (await withTransactions(['conflict'], () => submitDirect())) as { status: string };
    expect(plain.status).toBe('submitted');
  });

  it('mocked AWS error: a conflict that never clears ends as an error, after a bounded number of tries', async () => {
    let tries = 0;
    await expect(
      withTransactions(['conflict', 'conflict', 'conflict', 'conflict', 'conflict'], async () => {
        const { documentClient } = await import('../../functions/lib/aws');
        const spy = documentClient.send as unknown as { mock: { calls: unknown[][] } };
        try {
          return await submitDirect();
        } finally {
          tries = spy.mock.calls.filter((c) => c[0]?.constructor?.name === 'TransactWriteCommand').length;
        }
      }),
    ).rejects.toThrow(/TransactionConflict/);
    expect(tries).toBe(4);
  });
});

describe('optional documents', () => {
  it('an optional document (foto_usaha of SKU) can be uploaded, is marked optional, and never holds up completeness', async () => {
    const { data: receipt } = await submitSku('Pemilik Warung');
    // optional first: accepted, but the request is not complete
    const photo = await uploadDocument(receipt.id, receipt.secret, 'foto_usaha', JPEG, 'image/jpeg');
    expect(photo.created.status).toBe(201);
    expect(photo.confirmed.status).toBe(200);
    expect(photo.confirmed.data).toMatchObject({ status: 'confirmed', complete: false });
    const page = await call('GET', `/requests/${receipt.id}/receipt?secret=${receipt.secret}&lang=en`, {
      headers: { accept: 'text/html' },
    });
    expect(page.text).toMatch(/Photo of the business premises <small class="optional">\(optional\)<\/small>/);
    const pageId = await call('GET', `/requests/${receipt.id}/receipt?secret=${receipt.secret}&lang=id`);
    expect(pageId.text).toContain('(tidak wajib)');
    // the required ones complete it, without the optional one being needed
    await uploadDocument(receipt.id, receipt.secret, 'ktp', JPEG, 'image/jpeg');
    await uploadDocument(receipt.id, receipt.secret, 'kk', PDF, 'application/pdf');
    const last = await uploadDocument(receipt.id, receipt.secret, 'pengantar_rt_rw', PDF, 'application/pdf');
    expect(last.confirmed.data.complete).toBe(true);
  });

  it('required documents alone complete a request; the optional one stays open on the receipt', async () => {
    const { data: receipt } = await submitSku('Tanpa Foto');
    for (const [req, bytes, type] of [
      ['ktp', JPEG, 'image/jpeg'],
      ['kk', PDF, 'application/pdf'],
      ['pengantar_rt_rw', PDF, 'application/pdf'],
    ] as const)
      await uploadDocument(receipt.id, receipt.secret, req, bytes, type);
    const tracked = await call('GET', `/track/${receipt.trackingCode}`);
    expect(tracked.data.dueAt).not.toBeNull();
    const page = await call('GET', `/requests/${receipt.id}/receipt?secret=${receipt.secret}&lang=en`);
    expect(page.text).toContain('All required documents are in');
    expect(page.text).toMatch(/<form method="post"/);
  });
});

describe('the no-JavaScript flow, driven with plain HTTP', () => {
  it('form post → 303 receipt → S3 form → confirm redirect → receipt shows it → tracking page', async () => {
    const form = {
      serviceCode: 'sku',
      'applicant.name': 'Warga Tanpa JS',
      'applicant.nik': NIK,
      'applicant.whatsapp': '081234567891',
      'fields.nama_usaha': 'Batik Gajah Oling',
      'fields.jenis_usaha': 'kerajinan',
      'fields.alamat_usaha': 'Dusun Krajan',
      'fields.lama_usaha': '5',
      'fields.keperluan': 'KUR',
      lang: 'id',
    };
    const posted = await call('POST', `/villages/${TAMANSARI}/requests`, { form });
    expect(posted.status).toBe(303);
    const location = posted.headers.get('location') ?? '';
    expect(location).toMatch(/^\/requests\/[^/]+\/receipt\?secret=/);
    // the same form posted again (a double tap) lands on the same receipt
    const again = await call('POST', `/villages/${TAMANSARI}/requests`, { form });
    expect(again.headers.get('location')).toBe(location);

    const receipt = await call('GET', location, { headers: { accept: 'text/html' } });
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toMatch(/text\/html/);
    expect(receipt.text).not.toContain('<script');
    expect(receipt.text).not.toContain(NIK);
    const trackingCode = /class="code">([0-9A-Z]{5}-[0-9A-Z]{5})</.exec(receipt.text)?.[1];
    expect(trackingCode).toBeDefined();
    const forms = [...receipt.text.matchAll(/<form method="post" action="([^"]+)"[^>]*>(.*?)<\/form>/gs)];
    // three required documents and the optional photo of the business
    expect(forms).toHaveLength(4);

    for (const [, action, inner] of forms) {
      const fields = Object.fromEntries(
        [...(inner ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
          m[1],
          (m[2] ?? '').replaceAll('&amp;', '&'),
        ]),
      );
      const uploaded = await postToS3(action ?? '', fields, PDF, 'application/pdf');
      expect(uploaded.status).toBe(303);
      const confirmUrl = new URL(uploaded.headers.get('location') ?? '');
      const confirmed = await call('GET', confirmUrl.pathname + confirmUrl.search, {
        headers: { accept: 'text/html' },
      });
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.get('location')).toContain('/receipt?secret=');
    }
    const done = await call('GET', location, { headers: { accept: 'text/html' } });
    expect(done.text).toContain('Semua berkas wajib sudah diterima');

    const tracked = await call(
      'GET',
      `/track?code=${encodeURIComponent((trackingCode ?? '').toLowerCase())}`,
      {
        headers: { accept: 'text/html' },
      },
    );
    expect(tracked.status).toBe(200);
    expect(tracked.text).toContain(trackingCode);
    expect(tracked.text).not.toContain('Warga Tanpa JS');
  });

  it('a spoofed upload through the browser form comes back to the receipt with an error', async () => {
    const posted = await call('POST', `/villages/${TAMANSARI}/requests`, {
      form: {
        ...Object.fromEntries(Object.entries(skuBody('Spoofer').fields).map(([k, v]) => [`fields.${k}`, v])),
        serviceCode: 'sku',
        'applicant.name': 'Spoofer',
        'applicant.nik': NIK,
      },
    });
    const receipt = await call('GET', posted.headers.get('location') ?? '', {
      headers: { accept: 'text/html' },
    });
    const [, action, inner] =
      /<form method="post" action="([^"]+)"[^>]*>(.*?)<\/form>/s.exec(receipt.text) ?? [];
    const fields = Object.fromEntries(
      [...(inner ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
        m[1],
        (m[2] ?? '').replaceAll('&amp;', '&'),
      ]),
    );
    const uploaded = await postToS3(action ?? '', fields, SPOOFED_PDF, 'application/pdf');
    const confirmUrl = new URL(uploaded.headers.get('location') ?? '');
    const confirmed = await call('GET', confirmUrl.pathname + confirmUrl.search);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toContain('error=invalid_file');
    const page = await call('GET', confirmed.headers.get('location') ?? '', {
      headers: { accept: 'text/html' },
    });
    expect(page.text).toContain('Berkas ditolak');
  });

  it('the receipt shows the secret once: the first view (exactly one of concurrent ones), later views say so', async () => {
    const { data: r } = await submitSku('Sekali Lihat');
    const url = `/requests/${r.id}/receipt?secret=${encodeURIComponent(r.secret)}&lang=en`;
    // a HEAD first (a link preview, a prefetch): it uses nothing up
    const head = await fetch(`${runtime.apiUrl}${url}`, { method: 'HEAD', headers: { accept: 'text/html' } });
    expect(head.status).toBe(200);
    const views = await Promise.all(
      [1, 2, 3].map(() => call('GET', url, { headers: { accept: 'text/html' } })),
    );
    expect(views.every((v) => v.status === 200 && v.text.includes(r.trackingCode))).toBe(true);
    const shown = views.filter((v) => v.text.includes(`<span class="code">${r.secret}</span>`));
    expect(shown).toHaveLength(1);
    const later = await call('GET', url, { headers: { accept: 'text/html' } });
    expect(later.text).not.toContain(`<span class="code">${r.secret}</span>`);
    expect(later.text).toContain('was shown when this page was first opened');
    // the page still works: its upload forms are there
    expect(later.text).toMatch(/<form method="post"/);
  });

  it('a form with mistakes answers an HTML page naming them all under the labels the form showed, not JSON', async () => {
    const res = await call('POST', `/villages/${TAMANSARI}/requests`, {
      form: {
        serviceCode: 'sku',
        'applicant.name': 'A',
        'applicant.nik': '123',
        'applicant.whatsapp': '1234',
        'fields.lama_usaha': 'lima',
        lang: 'id',
      },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const items = [...res.text.matchAll(/<li><strong>([^<]+)<\/strong>: ([^<]+)<\/li>/g)].map(
      (m) => `${m[1]}: ${m[2]}`,
    );
    // applicant and service fields in one page, each under its form label, never an internal path
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Nama lengkap \(sesuai KTP\): terlalu pendek/),
        'NIK: NIK harus 16 angka',
        expect.stringMatching(/^Nomor WhatsApp: .*WhatsApp Indonesia.*081234567890/),
        'Jenis usaha: wajib diisi',
        'Nama usaha: wajib diisi',
        'Lama usaha berjalan (tahun): isi dengan angka, mis. 3 atau 1.500.000',
      ]),
    );
    expect(res.text).not.toMatch(/applicant\.|fields\./);
    // the village's header, its service page to go back to, no favicon request
    expect(res.text).toContain('<b>Desa Tamansari</b>');
    expect(res.text).toMatch(/<a href="http[^"]+\/tamansari-licin\/layanan\/sku\/">/);
    expect(res.text).toContain('<link rel="icon" href="data:,">');
    const en = await call('POST', `/villages/${TAMANSARI}/requests`, {
      form: { serviceCode: 'sku', 'applicant.name': 'Siti', 'applicant.nik': NIK, lang: 'en' },
    });
    expect(en.text).toContain('<strong>Type of business</strong>: is required');
    expect(en.text).toMatch(/<a href="http[^"]+\/tamansari-licin\/en\/layanan\/sku\/">/);
  });
});

/** Every POST form of an HTML page: its action, hidden fields and inner markup. */
function formsOf(html: string) {
  return [...html.matchAll(/<form method="post" action="([^"]+)"[^>]*>(.*?)<\/form>/gs)].map(
    ([, action, inner]) => ({
      action: (action ?? '').replaceAll('&amp;', '&'),
      inner: inner ?? '',
      fields: Object.fromEntries(
        [...(inner ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
          m[1],
          (m[2] ?? '').replaceAll('&amp;', '&'),
        ]),
      ) as Record<string, string>,
    }),
  );
}

/** The S3 upload form of one requirement on a receipt (its key holds `/<requirement>.`). */
function uploadFormFor(html: string, requirement: string) {
  const form = formsOf(html).find((f) => f.fields.key?.includes(`/${requirement}.`));
  expect(form, `upload form for ${requirement}`).toBeDefined();
  return form as ReturnType<typeof formsOf>[number];
}

/** A browser's upload: the form straight to S3, then S3's redirect to the confirm route (GET). */
async function uploadThroughForm(
  form: { action: string; fields: Record<string, string> },
  bytes: Buffer,
  type: string,
  opts: { pastThePolicy?: boolean } = {},
) {
  const uploaded = await postToS3(form.action, form.fields, bytes, type, opts);
  expect(uploaded.status).toBe(303);
  const confirm = new URL(uploaded.headers.get('location') ?? '');
  return call('GET', confirm.pathname + confirm.search, { headers: { accept: 'text/html' } });
}

/** Files SKU through the plain HTML form; answers the receipt path (with the secret) and the request id. */
async function fileSkuByForm(name: string, lang: 'id' | 'en' = 'id') {
  const posted = await call('POST', `/villages/${TAMANSARI}/requests`, {
    form: {
      ...Object.fromEntries(Object.entries(skuBody(name).fields).map(([k, v]) => [`fields.${k}`, v])),
      serviceCode: 'sku',
      'applicant.name': name,
      'applicant.nik': NIK,
      lang,
    },
  });
  expect(posted.status).toBe(303);
  const receipt = posted.headers.get('location') ?? '';
  const id = /^\/requests\/([^/]+)\/receipt/.exec(receipt)?.[1] ?? '';
  const secret = new URL(receipt, runtime.apiUrl).searchParams.get('secret') ?? '';
  return { receipt, id, secret };
}

describe('a revision without JavaScript, driven with plain HTTP', () => {
  it('needs_revision: the receipt shows the reason, a replacement form per document and a resubmit form; a replacement through S3 and the resubmit form post bring the request back as resubmitted', async () => {
    const token = await officerToken();
    const { receipt, id, secret } = await fileSkuByForm('Revisi Tanpa JS');
    const html = { accept: 'text/html' };
    expect((await call('GET', receipt, { headers: html })).status).toBe(200); // the first view
    await uploadRequired(id, secret);
    let version = (await call('GET', `/requests/${id}`, { token })).data.version;
    for (const [to, reason] of [['in_review'], ['needs_revision', 'KK tidak terbaca']]) {
      const moved = await call('POST', `/requests/${id}/transitions`, {
        token,
        json: { to, version, reason },
      });
      expect(moved.status, moved.text).toBe(200);
      version = moved.data.version;
    }

    const page = await call('GET', receipt, { headers: html });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Perlu perbaikan');
    expect(page.text).toContain('Permohonan Anda perlu diperbaiki');
    expect(page.text).toContain('<blockquote>KK tidak terbaca</blockquote>');
    expect(page.text).not.toContain('Semua berkas wajib sudah diterima');
    const forms = formsOf(page.text);
    // a replacement for each of the three received documents, the optional photo, and the resubmit form
    const uploads = forms.filter((f) => f.fields.key);
    expect(uploads.map((f) => f.fields.key?.split('/').at(-1)?.split('.')[0]).sort()).toEqual(
      ['foto_usaha', 'kk', 'ktp', 'pengantar_rt_rw'].sort(),
    );
    expect(uploadFormFor(page.text, 'kk').inner).toContain('Ganti dengan berkas baru');
    expect(uploadFormFor(page.text, 'kk').inner).toContain('Unggah pengganti');
    const resubmitForm = forms.find((f) => f.action.endsWith(`/requests/${id}/resubmit`));
    expect(resubmitForm).toBeDefined();
    expect(resubmitForm?.fields).toEqual({ secret, lang: 'id' });
    expect(resubmitForm?.inner).toContain('Kirim ulang permohonan');

    // the KK again, readable this time: S3 → confirm redirect → back to the receipt
    const confirmed = await uploadThroughForm(uploadFormFor(page.text, 'kk'), JPEG, 'image/jpeg');
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toMatch(/\/receipt\?secret=/);
    expect(confirmed.headers.get('location')).not.toContain('error=');
    // the officer sees the current KK only (the earlier one is kept, marked replaced)
    const detail = await call('GET', `/requests/${id}`, { token });
    expect(detail.data.documents).toHaveLength(3);
    expect(
      detail.data.documents.find((d: { requirement: string }) => d.requirement === 'kk').contentType,
    ).toBe('image/jpeg');

    // the service's answers can be corrected there too: empty inputs, never prefilled with the answers
    const inputs = [...(resubmitForm?.inner ?? '').matchAll(/name="(fields\.[^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    expect(inputs).toEqual(
      expect.arrayContaining(['fields.alamat_usaha', 'fields.jenis_usaha', 'fields.lama_usaha']),
    );
    expect(resubmitForm?.inner).not.toMatch(/name="fields\.[^"]+"[^>]*value="[^"]+"/);
    const before = (await call('GET', `/requests/${id}`, { token })).data.fields as Record<string, string>;
    // the resubmit form, posted as a browser posts it: every input, the one corrected filled in
    const action = new URL(resubmitForm?.action ?? '');
    const posted = {
      ...resubmitForm?.fields,
      ...Object.fromEntries(inputs.map((name) => [name, ''])),
      'fields.alamat_usaha': 'Dusun Krajan RT 02 RW 01',
    };
    const resubmitted = await call('POST', action.pathname, { form: posted });
    expect(resubmitted.status).toBe(303);
    const back = resubmitted.headers.get('location') ?? '';
    expect(back).toMatch(new RegExp(`^/requests/${id}/receipt\\?secret=`));
    const after = await call('GET', back, { headers: html });
    expect(after.text).toContain('Diajukan ulang');
    expect(after.text).toContain(
      'Perbaikan Anda sudah dikirim. Petugas desa akan memeriksa permohonan Anda kembali.',
    );
    expect(after.text).not.toContain('/resubmit');
    expect(after.text).not.toContain('Ganti dengan berkas baru');
    const corrected = (await call('GET', `/requests/${id}`, { token })).data;
    expect(corrected).toMatchObject({ status: 'resubmitted' });
    // the one answer typed in changed; the ones left empty kept theirs
    expect(corrected.fields).toEqual({ ...before, alamat_usaha: 'Dusun Krajan RT 02 RW 01' });
    const tracked = await call('GET', `/track/${detail.data.trackingCode}`);
    expect(tracked.data.status).toBe('resubmitted');

    // a second tap lands on the same receipt; nothing changes
    const twice = await call('POST', action.pathname, { form: posted });
    expect(twice.status).toBe(303);
    expect(twice.headers.get('location')).toBe(back);
    expect((await call('GET', `/requests/${id}`, { token })).data.history).toHaveLength(4);
  });

  it('the resubmit form without the right secret answers a page leading to the tracking form, not "fix the form"', async () => {
    const { id } = await fileSkuByForm('Rahasia Keliru');
    const res = await call('POST', `/requests/${id}/resubmit`, { form: { secret: 'wrong', lang: 'en' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('This receipt link is not valid');
    expect(res.text).toContain('The request secret is wrong or missing.');
    expect(res.text).toMatch(/<a href="[^"]*\/track\?lang=en">Track the request with its tracking code<\/a>/);
    expect(res.text).not.toContain('Back button');
  });

  it('the status text of the receipt fits each status, with the reason when sent back or rejected', async () => {
    const officer = await officerToken();
    const text = async (receipt: string) =>
      (await call('GET', receipt.replace('lang=id', 'lang=en'), { headers: { accept: 'text/html' } })).text;
    const { receipt, id, secret } = await fileSkuByForm('Semua Status');
    expect(await text(receipt)).toContain('Upload each required document below.');
    await uploadRequired(id, secret);
    expect(await text(receipt)).toContain(
      'All required documents are in. The village officer will review your request.',
    );
    let version = (await call('GET', `/requests/${id}`, { token: officer })).data.version;
    const move = async (to: string, reason?: string, token = officer) => {
      const res = await call('POST', `/requests/${id}/transitions`, { token, json: { to, version, reason } });
      expect(res.status, res.text).toBe(200);
      version = res.data.version;
    };
    const expectations: [string, string | undefined, string][] = [
      ['in_review', undefined, 'The village officer is reviewing your request.'],
      ['needs_revision', 'Foto KTP buram', 'Your request needs a correction.'],
    ];
    for (const [to, reason, says] of expectations) {
      await move(to, reason);
      const page = await text(receipt);
      expect(page, to).toContain(says);
      expect(page, to).not.toContain('All required documents are in');
    }
    expect(await text(receipt)).toContain('<blockquote>Foto KTP buram</blockquote>');
    const resubmitted = await call('POST', `/requests/${id}/resubmit`, { form: { secret, lang: 'en' } });
    expect(resubmitted.status).toBe(303);
    version += 1;
    expect(await text(receipt)).toContain('Your correction was sent.');
    await move('in_review');
    await move('approved');
    const approved = await text(receipt);
    expect(approved).toContain('Your request is approved.');
    expect(approved).not.toMatch(/<form method="post"/);
    await move('completed');
    const completed = await text(receipt);
    expect(completed).toContain('Your request is completed: the letter has been issued.');
    expect(completed).toMatch(/Letter number:<\/strong> 470\//);
    expect(completed).not.toContain('Foto KTP buram');

    const other = await fileSkuByForm('Ditolak');
    let v = 1;
    for (const [to, reason] of [['in_review'], ['rejected', 'Bukan warga desa ini']]) {
      const res = await call('POST', `/requests/${other.id}/transitions`, {
        token: officer,
        json: { to, version: v, reason },
      });
      v = res.data.version;
    }
    const rejected = await text(other.receipt);
    expect(rejected).toContain('Your request was rejected.');
    expect(rejected).toContain('<blockquote>Bukan warga desa ini</blockquote>');
    expect(rejected).not.toContain('Upload each required document');
    expect(rejected).not.toMatch(/<form method="post"/);
  });

  it('a kecamatan-level request forwarded to the camat: the receipt says so and offers no form', async () => {
    const officer = await officerToken();
    const pindah = await pindahService();
    const fields = Object.fromEntries(
      Object.entries(requiredAnswers(pindah)).map(([code, value]) => [`fields.${code}`, value]),
    );
    const posted = await call('POST', `/villages/${TAMANSARI}/requests`, {
      form: {
        ...fields,
        serviceCode: 'pindah',
        'applicant.name': 'Pindah Tanpa JS',
        'applicant.nik': NIK,
        lang: 'en',
      },
    });
    expect(posted.status, posted.text).toBe(303);
    const receipt = posted.headers.get('location') ?? '';
    const id = /^\/requests\/([^/]+)\//.exec(receipt)?.[1] ?? '';
    const secret = new URL(receipt, runtime.apiUrl).searchParams.get('secret') ?? '';
    const required = pindah.requirements
      .filter((r: { kind: string; required: boolean }) => r.kind === 'document' && r.required)
      .map((r: { code: string }) => r.code);
    await uploadRequired(id, secret, required);
    let v = (await call('GET', `/requests/${id}`, { token: officer })).data.version;
    for (const to of ['in_review', 'forwarded']) {
      const res = await call('POST', `/requests/${id}/transitions`, {
        token: officer,
        json: { to, version: v },
      });
      expect(res.status).toBe(200);
      v = res.data.version;
    }
    const page = await call('GET', receipt, { headers: { accept: 'text/html' } });
    expect(page.text).toContain('Forwarded to the kecamatan');
    expect(page.text).toContain(
      'forwarded it to the kecamatan for signature. Documents can no longer change.',
    );
    expect(page.text).not.toMatch(/<form method="post"/);
  });
});

describe('what a refused file is told', () => {
  it('JSON: a JPEG announced as PDF and a file larger than announced say exactly that (id and en)', async () => {
    const { data: r } = await submitSku('Jenis Keliru');
    const h = { 'x-request-secret': r.secret };
    const announced = await call('POST', `/requests/${r.id}/documents`, {
      json: { requirement: 'ktp', contentType: 'application/pdf', size: JPEG.length },
      headers: h,
    });
    await postToS3(announced.data.url, announced.data.fields, JPEG, 'application/pdf');
    const refused = await call('POST', `/requests/${r.id}/documents/${announced.data.documentId}/confirm`, {
      headers: { ...h, 'accept-language': 'en' },
    });
    expect(refused.status).toBe(422);
    expect(refused.data.error).toEqual({
      code: 'invalid_file',
      message:
        'File refused: its content is JPEG but it was announced as PDF. Ask for a new upload with type JPEG.',
      fields: [
        { path: 'file', message: expect.stringContaining('its content is JPEG but it was announced as PDF') },
      ],
    });

    const small = await call('POST', `/requests/${r.id}/documents`, {
      json: { requirement: 'kk', contentType: 'application/pdf', size: 10 },
      headers: h,
    });
    await postToS3(small.data.url, small.data.fields, PDF, 'application/pdf', { pastThePolicy: true });
    const larger = await call('POST', `/requests/${r.id}/documents/${small.data.documentId}/confirm`, {
      headers: { ...h, 'accept-language': 'id' },
    });
    expect(larger.status).toBe(422);
    expect(larger.data.error.message).toBe(
      `Berkas ditolak: ukurannya ${PDF.length} B, lebih besar dari ukuran yang diumumkan (10 B).`,
    );
  });

  it('the receipt names what was wrong beside the form: not a PDF/JPEG/PNG/WebP, over 5 MB, empty (id and en)', async () => {
    const cases: [string, Buffer, string, string][] = [
      [
        'ktp',
        SPOOFED_PDF,
        'Berkas ditolak: isinya bukan PDF, JPEG, PNG atau WebP',
        'File refused: its content is not PDF, JPEG, PNG or WebP',
      ],
      [
        'kk',
        Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]),
        'Berkas ditolak: ukurannya 5.1 MB, lebih dari batas 5 MB.',
        'File refused: it is 5.1 MB, more than the 5 MB limit.',
      ],
      [
        'pengantar_rt_rw',
        Buffer.alloc(0),
        'Berkas ditolak: berkas kosong (0 bait).',
        'File refused: the file is empty (0 bytes).',
      ],
    ];
    const { receipt } = await fileSkuByForm('Berkas Salah');
    for (const [requirement, bytes, id, en] of cases) {
      const page = await call('GET', receipt, { headers: { accept: 'text/html' } });
      // over 5 MB and empty break the POST policy (S3 and the local front refuse them): past it, as
      // an emulator without policies would store them, confirm still names what is wrong
      const confirmed = await uploadThroughForm(
        uploadFormFor(page.text, requirement),
        bytes,
        'application/pdf',
        { pastThePolicy: true },
      );
      expect(confirmed.status).toBe(303);
      const back = confirmed.headers.get('location') ?? '';
      expect(back).toContain(`error=invalid_file&requirement=${requirement}`);
      const shownId = await call('GET', back, { headers: { accept: 'text/html' } });
      expect(shownId.text, requirement).toContain(id);
      expect(shownId.text).not.toContain('jenis atau ukurannya tidak sesuai');
      const shownEn = await call('GET', back.replace('lang=id', 'lang=en'), {
        headers: { accept: 'text/html' },
      });
      expect(shownEn.text, requirement).toContain(en);
    }
    // a link edited by hand names nothing it cannot vouch for: the general sentence
    const forged = await call('GET', `${receipt}&error=invalid_file&requirement=ktp&why=nonsense`, {
      headers: { accept: 'text/html' },
    });
    expect(forged.text).toContain('Berkas ditolak: jenis atau ukurannya tidak sesuai.');
  });

  it('each upload form names the accepted types and the 5 MB limit, and its policy lasts an hour', async () => {
    const { receipt } = await fileSkuByForm('Batas Berkas', 'en');
    const page = await call('GET', receipt, { headers: { accept: 'text/html' } });
    const form = uploadFormFor(page.text, 'ktp');
    expect(form.inner).toContain('PDF, JPEG, PNG or WebP; at most 5 MB');
    expect(form.inner).toMatch(/aria-describedby="hint-ktp"/);
    expect(page.text).toContain('Each upload form works for 60 minutes');
    const policy = JSON.parse(Buffer.from(form.fields.Policy ?? '', 'base64').toString('utf8'));
    const left = new Date(policy.expiration).getTime() - Date.now();
    expect(left).toBeGreaterThan(55 * 60_000);
    expect(left).toBeLessThanOrEqual(60 * 60_000);
  });
});

describe('tracking', () => {
  it('the tracking page of an open request reopens its receipt with the secret code (from any phone); not once it is closed', async () => {
    const { data: r } = await submitSku('Ponsel Lain');
    const page = await call('GET', `/track/${r.trackingCode}`, { headers: { accept: 'text/html' } });
    const form = /<form method="get" action="([^"]+)"[^>]*>(.*?)<\/form>/s.exec(page.text);
    expect(form?.[1]).toBe(`${runtime.apiUrl}/requests/${r.id}/receipt`);
    expect(form?.[2]).toContain('name="secret"');
    // what the browser sends: the form's GET with the code typed in
    const opened = await call(
      'GET',
      `/requests/${r.id}/receipt?lang=id&secret=${encodeURIComponent(r.secret)}`,
      {
        headers: { accept: 'text/html' },
      },
    );
    expect(opened.status).toBe(200);
    expect(opened.text).toContain(r.trackingCode);
    expect(opened.text).toMatch(/<form method="post"/);
    const wrong = await call('GET', `/requests/${r.id}/receipt?lang=id&secret=salah`, {
      headers: { accept: 'text/html' },
    });
    expect(wrong.status).toBe(403);
    // JSON tracking says nothing of the receipt (no id, no secret)
    const json = await call('GET', `/track/${r.trackingCode}`);
    expect(JSON.stringify(json.data)).not.toContain(r.id);
    // closed: nothing left to upload, no form
    const officer = await officerToken();
    await uploadRequired(r.id, r.secret);
    let version = (await call('GET', `/requests/${r.id}`, { token: officer })).data.version;
    const moved = await call('POST', `/requests/${r.id}/transitions`, {
      token: officer,
      json: { to: 'in_review', version },
    });
    version = moved.data.version;
    const rejected = await call('POST', `/requests/${r.id}/transitions`, {
      token: officer,
      json: { to: 'rejected', version, reason: 'Bukan warga desa ini' },
    });
    expect(rejected.status, rejected.text).toBe(200);
    const closed = await call('GET', `/track/${r.trackingCode}`, { headers: { accept: 'text/html' } });
    expect(closed.text).not.toContain('name="secret"');
  });

  it('the HTML page names the village, links back to its site, says WIB and asks for no favicon', async () => {
    const { data: receipt } = await submitSku('Nama Di Halaman');
    const id = await call('GET', `/track/${receipt.trackingCode}`, { headers: { accept: 'text/html' } });
    expect(id.status).toBe(200);
    expect(id.text).toContain('<b>Desa Tamansari</b>');
    expect(id.text).toContain('Desa Tamansari, Kecamatan Licin');
    expect(id.text).toMatch(/<a class="brand" href="http[^"]+\/tamansari-licin\/">/);
    expect(id.text).toMatch(/<a href="http[^"]+\/tamansari-licin\/lacak\/">Lacak permohonan lain<\/a>/);
    expect(id.text).toContain('Kode pelacakan');
    expect(id.text).not.toContain('Kode lacak');
    expect(id.text).toMatch(/<li><strong>Diajukan<\/strong> — [^<]+ \d{2}\.\d{2} WIB<\/li>/);
    expect(id.text).toContain('<link rel="icon" href="data:,">');
    expect(id.text).not.toContain('Nama Di Halaman');
    expect(id.text).not.toContain(NIK);
    const en = await call('GET', `/track/${receipt.trackingCode}?lang=en`, {
      headers: { accept: 'text/html' },
    });
    expect(en.text).toContain('<b>Tamansari Village</b>');
    expect(en.text).toMatch(/href="http[^"]+\/tamansari-licin\/en\/lacak\/"/);
    expect(en.text).toMatch(/\d{2}:\d{2} WIB</);
    // an unknown code: the form again, under the portal's header, linked to the portal
    const unknown = await call('GET', '/track?code=ZZZZZ-ZZZZZ', { headers: { accept: 'text/html' } });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Kode pelacakan tidak ditemukan');
    expect(unknown.text).toMatch(/<a class="brand" href="http[^"]+\/">/);
    expect(unknown.text).toContain('<link rel="icon" href="data:,">');
  });

  it('unknown and malformed codes get 404 with an error code; JSON has no personal data', async () => {
    const unknown = await call('GET', '/track/ZZZZZ-ZZZZZ');
    expect(unknown.status).toBe(404);
    expect(unknown.data.error.code).toBe('not_found');
    expect((await call('GET', '/track/%3Cscript%3E')).status).toBe(404);
    const { data: receipt } = await submitSku('Nama Rahasia');
    const tracked = await call('GET', `/track/${receipt.trackingCode}`);
    expect(tracked.status).toBe(200);
    expect(tracked.text).not.toContain('Nama Rahasia');
    expect(tracked.text).not.toContain(NIK);
    expect(tracked.text).not.toContain('0812');
    expect(tracked.data).toMatchObject({
      status: 'submitted',
      overdue: false,
      timeline: [{ status: 'submitted' }],
    });
  });
});

describe('officer flow', () => {
  it('works a request from submitted to completed with a letter number; documents are 5-minute links', async () => {
    const token = await officerToken();
    const { data: receipt } = await submitSku('Pemohon Lengkap');
    for (const [req, bytes, type] of [
      ['ktp', JPEG, 'image/jpeg'],
      ['kk', PDF, 'application/pdf'],
      ['pengantar_rt_rw', PDF, 'application/pdf'],
    ] as const)
      await uploadDocument(receipt.id, receipt.secret, req, bytes, type);

    const queue = await call('GET', `/villages/${TAMANSARI}/requests`, { token });
    expect(queue.status).toBe(200);
    expect(queue.data.items.some((i: { id: string }) => i.id === receipt.id)).toBe(true);
    expect(queue.data).toHaveProperty('cursor');
    const dues = queue.data.items
      .filter((i: { dueAt: string | null }) => i.dueAt)
      .map((i: { dueAt: string }) => i.dueAt);
    expect(dues).toEqual([...dues].sort());

    const detail = await call('GET', `/requests/${receipt.id}`, { token });
    expect(detail.status).toBe(200);
    expect(detail.data.applicant.nik).toBe(NIK);
    expect(detail.data).not.toHaveProperty('secretHash');
    expect(detail.data.documents).toHaveLength(3);
    const link = new URL(detail.data.documents[0].url);
    expect(Number(link.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    const fetched = await fetch(link);
    expect(fetched.status).toBe(200);

    let version = detail.data.version;
    const move = async (to: string, reason?: string) => {
      const res = await call('POST', `/requests/${receipt.id}/transitions`, {
        token,
        json: { to, version, reason },
      });
      if (res.status === 200) version = res.data.version;
      return res;
    };
    expect((await move('approved')).status).toBe(422); // must be in review first
    expect((await move('in_review')).status).toBe(200);
    const stale = await call('POST', `/requests/${receipt.id}/transitions`, {
      token,
      json: { to: 'approved', version: version - 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.data.error.code).toBe('conflict');
    expect((await move('forwarded')).data.error.code).toBe('invalid_transition'); // SKU is desa-level
    expect((await move('approved')).status).toBe(200);
    const completed = await move('completed');
    expect(completed.status).toBe(200);
    expect(completed.data.letterNumber).toMatch(
      new RegExp(`^470/\\d{4}/${TAMANSARI.replaceAll('.', '\\.')}/\\d{4}$`),
    );
    const history = completed.data.history.map((h: { to: string }) => h.to);
    expect(history).toEqual(['submitted', 'in_review', 'approved', 'completed']);
    expect(completed.data.history[1]).toMatchObject({ actor: 'officer@tamansari-licin', from: 'submitted' });
    const tracked = await call('GET', `/track/${receipt.trackingCode}`);
    expect(tracked.data).toMatchObject({ status: 'completed', letterNumber: completed.data.letterNumber });
  });

  it('approving or forwarding an incomplete request is refused (422 documents_incomplete); after approval documents are locked (409)', async () => {
    const token = await officerToken();
    const { data: r } = await submitSku('Berkas Belum Lengkap');
    const review = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'in_review', version: 1 },
    });
    expect(review.status).toBe(200);
    const early = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'approved', version: review.data.version },
      headers: { 'accept-language': 'en' },
    });
    expect(early.status).toBe(422);
    expect(early.data.error).toEqual({
      code: 'documents_incomplete',
      message: expect.stringMatching(/required document/),
    });
    const still = await call('GET', `/requests/${r.id}`, { token });
    expect(still.data).toMatchObject({ status: 'in_review', version: review.data.version });

    // a document uploaded while in review is accepted; once all are in, approval goes through
    await uploadRequired(r.id, r.secret);
    const current = await call('GET', `/requests/${r.id}`, { token });
    const approved = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'approved', version: current.data.version },
    });
    expect(approved.status).toBe(200);
    const h = { 'x-request-secret': r.secret };
    const late = await call('POST', `/requests/${r.id}/documents`, {
      json: { requirement: 'foto_usaha', contentType: 'image/jpeg', size: JPEG.length },
      headers: h,
    });
    expect(late.status).toBe(409);
    expect(late.data.error.code).toBe('documents_locked');
    expect(late.data.error.message).toEqual(expect.any(String));
    const receiptPage = await call('GET', `/requests/${r.id}/receipt?secret=${r.secret}&lang=en`);
    expect(receiptPage.status).toBe(200);
    expect(receiptPage.text).not.toMatch(/<form method="post"/);
    expect(receiptPage.text).toContain('not received'); // the optional photo
    const docs = await call('GET', `/requests/${r.id}`, { token });
    expect(docs.data.documents).toHaveLength(3);
  });

  it('a kecamatan-level request cannot be forwarded before its documents are in', async () => {
    const token = await officerToken();
    const fields = requiredAnswers(await pindahService());
    const { data: r } = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: { serviceCode: 'pindah', applicant: { name: 'Pindah Dini', nik: NIK }, fields },
    });
    const review = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'in_review', version: 1 },
    });
    const forwarded = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'forwarded', version: review.data.version },
    });
    expect(forwarded.status).toBe(422);
    expect(forwarded.data.error.code).toBe('documents_incomplete');
  });

  it('needs_revision pauses the promise (no due time, never overdue); resubmission resumes the office time left', async () => {
    const { transition, resubmit } = await import('../../functions/requests/workflow');
    const { getRequest, overdue, officeCalendarOf } = await import('../../functions/requests/store');
    const { getVillage } = await import('../../functions/villages/store');
    const { officeMinutesBetween } = await import('../../functions/requests/domain/due');
    const { data: r } = await submitSku('Jam Berhenti');
    await uploadRequired(r.id, r.secret);
    const who = { role: 'village-officer' as const, username: 'officer@tamansari-licin' };
    let request = await getRequest(r.id);
    const completeAt = new Date(request.completeAt ?? '');
    const firstDue = request.dueAt ?? '';
    expect(firstDue).not.toBe('');
    await transition(r.id, { to: 'in_review', version: request.version }, who, completeAt);
    request = await getRequest(r.id);
    // sent back the moment it was complete: the whole 4 office hours are left
    await transition(
      r.id,
      { to: 'needs_revision', reason: 'Foto KTP buram', version: request.version },
      who,
      completeAt,
    );
    request = await getRequest(r.id);
    expect(request.dueAt).toBeUndefined();
    expect(request.clockRemaining).toBe('PT240M');
    expect(request.queueSort.startsWith('1#')).toBe(true);
    // the citizen takes a month: never overdue meanwhile
    const month = new Date(new Date(firstDue).getTime() + 30 * 86_400_000);
    expect(overdue(request, month)).toBe(false);
    const tracked = await call('GET', `/track/${r.trackingCode}`);
    expect(tracked.data).toMatchObject({
      status: 'needs_revision',
      dueAt: null,
      overdue: false,
      clockPaused: true,
    });

    await resubmit(request, {}, month);
    request = await getRequest(r.id);
    expect(request.status).toBe('resubmitted');
    expect(request.clockRemaining).toBeUndefined();
    const { hours, holidays } = await officeCalendarOf(await getVillage(TAMANSARI));
    const resumedDue = new Date(request.dueAt ?? '');
    expect(resumedDue.getTime()).toBeGreaterThan(month.getTime());
    expect(officeMinutesBetween(month, resumedDue, hours, holidays)).toBe(240);
    expect(request.queueSort).toBe(`0#${request.dueAt}`);
  });

  it('letter numbers are gap-free and unique under concurrent completions', async () => {
    const token = await officerToken();
    const ids: { id: string; version: number }[] = [];
    for (let i = 0; i < 4; i++) {
      const { data: r } = await submitSku(`Batch ${i}`);
      await uploadRequired(r.id, r.secret);
      let v = 2; // completing it was a write
      for (const to of ['in_review', 'approved']) {
        const res = await call('POST', `/requests/${r.id}/transitions`, { token, json: { to, version: v } });
        v = res.data.version;
      }
      ids.push({ id: r.id, version: v });
    }
    const done = await Promise.all(
      ids.map((r) =>
        call('POST', `/requests/${r.id}/transitions`, {
          token,
          json: { to: 'completed', version: r.version },
        }),
      ),
    );
    expect(done.every((d) => d.status === 200)).toBe(true);
    const numbers = done.map((d) => Number(d.data.letterNumber.split('/')[1])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(4);
    expect(numbers).toEqual([0, 1, 2, 3].map((i) => (numbers[0] ?? 0) + i));
  });

  it('needs_revision needs a reason; the citizen resubmits with a corrected field; the reason shows on tracking', async () => {
    const token = await officerToken();
    const { data: r } = await submitSku('Perlu Revisi');
    const review = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'in_review', version: 1 },
    });
    const noReason = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'needs_revision', version: review.data.version },
    });
    expect(noReason.status).toBe(422);
    expect(noReason.data.error.code).toBe('reason_required');
    const revise = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'needs_revision', version: review.data.version, reason: 'Alamat usaha kurang lengkap' },
    });
    expect(revise.status).toBe(200);
    const tracked = await call('GET', `/track/${r.trackingCode}`);
    expect(tracked.data.timeline.at(-1)).toMatchObject({
      status: 'needs_revision',
      reason: 'Alamat usaha kurang lengkap',
    });
    const wrongSecret = await call('POST', `/requests/${r.id}/resubmit`, {
      json: {},
      headers: { 'x-request-secret': 'x' },
    });
    expect(wrongSecret.status).toBe(403);
    const resubmitted = await call('POST', `/requests/${r.id}/resubmit`, {
      json: { fields: { alamat_usaha: 'Dusun Krajan RT 02 RW 01, Tamansari' } },
      headers: { 'x-request-secret': r.secret },
    });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.data.status).toBe('resubmitted');
    const twice = await call('POST', `/requests/${r.id}/resubmit`, {
      json: {},
      headers: { 'x-request-secret': r.secret },
    });
    expect(twice.status).toBe(422);
    const detail = await call('GET', `/requests/${r.id}`, { token });
    expect(detail.data.fields.alamat_usaha).toBe('Dusun Krajan RT 02 RW 01, Tamansari');
  });

  it('resubmit applies a corrected NIK (checked like submit) and refuses a bad one with 400, changing nothing', async () => {
    const token = await officerToken();
    const { data: r } = await submitSku('NIK Salah Ketik');
    let v = 1;
    for (const [to, reason] of [['in_review'], ['needs_revision', 'NIK salah ketik']]) {
      const res = await call('POST', `/requests/${r.id}/transitions`, {
        token,
        json: { to, version: v, reason },
      });
      expect(res.status).toBe(200);
      v = res.data.version;
    }
    const h = { 'x-request-secret': r.secret };
    const bad = await call('POST', `/requests/${r.id}/resubmit`, {
      json: { applicant: { nik: '3510243102900001' } },
      headers: h,
    });
    expect(bad.status).toBe(400);
    expect(bad.data.error.fields[0].path).toBe('applicant.nik');
    const unchanged = await call('GET', `/requests/${r.id}`, { token });
    expect(unchanged.data).toMatchObject({ status: 'needs_revision', version: v, applicant: { nik: NIK } });
    const fixed = await call('POST', `/requests/${r.id}/resubmit`, {
      json: { applicant: { nik: ' 3510245508900002 ' } },
      headers: h,
    });
    expect(fixed.status).toBe(200);
    const detail = await call('GET', `/requests/${r.id}`, { token });
    expect(detail.data.applicant).toMatchObject({ nik: '3510245508900002', name: 'NIK Salah Ketik' });
    expect(detail.data.status).toBe('resubmitted');
  });

  it('a kecamatan-level letter is forwarded to the camat, who approves it; the village then completes it', async () => {
    const officer = await officerToken();
    const camat = await signIn(runtime.apiUrl, 'camat@licin');
    const pindah = await pindahService();
    expect(pindah.level).toBe('kecamatan');
    const fields = requiredAnswers(pindah);
    const submitted = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: { serviceCode: 'pindah', applicant: { name: 'Pindah Orang', nik: NIK }, fields },
    });
    expect(submitted.status).toBe(201);
    const id = submitted.data.id;
    const required = pindah.requirements
      .filter((r: { kind: string; required: boolean }) => r.kind === 'document' && r.required)
      .map((r: { code: string }) => r.code);
    await uploadRequired(id, submitted.data.secret, required);
    let v = 2;
    for (const to of ['in_review', 'forwarded']) {
      const res = await call('POST', `/requests/${id}/transitions`, {
        token: officer,
        json: { to, version: v },
      });
      expect(res.status).toBe(200);
      v = res.data.version;
    }
    const queue = await call('GET', '/kecamatan/35.10.24/requests', { token: camat });
    expect(queue.status).toBe(200);
    expect(queue.data.items.map((i: { id: string }) => i.id)).toContain(id);
    const officerTries = await call('POST', `/requests/${id}/transitions`, {
      token: officer,
      json: { to: 'approved', version: v },
    });
    expect(officerTries.status).toBe(422);
    const approved = await call('POST', `/requests/${id}/transitions`, {
      token: camat,
      json: { to: 'approved', version: v },
    });
    expect(approved.status).toBe(200);
    const completed = await call('POST', `/requests/${id}/transitions`, {
      token: officer,
      json: { to: 'completed', version: approved.data.version },
    });
    expect(completed.status).toBe(200);
  });
});

describe('raw S3 check of what the confirm step stored', () => {
  it('the stored object holds exactly the uploaded bytes', async () => {
    const { data: receipt } = await submitSku();
    const { created } = await uploadDocument(receipt.id, receipt.secret, 'kk', PDF, 'application/pdf');
    const object = await s3.send(
      new GetObjectCommand({
        Bucket: runtime.uploadsBucket,
        Key: `requests/${receipt.id}/${created.data.documentId}`,
      }),
    );
    expect(Buffer.from((await object.Body?.transformToByteArray()) ?? []).equals(PDF)).toBe(true);
  });
});

describe('rate limits', () => {
  it('the eleventh sign-in attempt for one username within five minutes answers 429 with Retry-After', async () => {
    const username = `nobody-${Date.now()}`;
    const attempts = [];
    for (let i = 0; i < 11; i++)
      attempts.push(await call('POST', '/local/token', { json: { username, password: 'wrong' } }));
    expect(attempts.slice(0, 10).every((a) => a.status === 401)).toBe(true);
    const last = attempts[10];
    expect(last?.status).toBe(429);
    expect(last?.data.error.code).toBe('too_many_requests');
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it("failing on someone else's username from another address never locks its owner out", async () => {
    const { handler } = await import('../../functions/auth/local-token');
    // the sign-in function as API Gateway invokes it, from an attacker's address (the local runtime
    // always sees 127.0.0.1)
    const fromAttacker = async (password: string) => {
      const res = (await handler(
        {
          version: '2.0',
          routeKey: 'POST /local/token',
          rawPath: '/local/token',
          rawQueryString: '',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'officer@kemiren-glagah', password }),
          isBase64Encoded: false,
          requestContext: {
            http: { method: 'POST', path: '/local/token', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7' },
            requestId: `attacker-${password}`,
          },
        } as never,
        {} as never,
      )) as { statusCode: number };
      return res.statusCode;
    };
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push(await fromAttacker(`wrong-${i}`));
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // the attacker is held back even with the right password; the officer, elsewhere, is not
    expect(await fromAttacker('smartkampung')).toBe(429);
    const officer = await call('POST', '/local/token', {
      json: { username: 'officer@kemiren-glagah', password: 'smartkampung' },
    });
    expect(officer.status, officer.text).toBe(200);
  });
});

describe('submit rate limit (both submit routes share it)', () => {
  it('past RATE_LIMIT_SUBMIT per source and village, the JSON and the Open311 submit routes answer a structured 429', async () => {
    const { config } = await import('../../functions/lib/config');
    const saved = config.RATE_LIMIT_SUBMIT;
    // the limit as `RATE_LIMIT_SUBMIT=2` would set it (the handlers read it once, from config)
    config.RATE_LIMIT_SUBMIT = 2;
    const open311 = () =>
      fetch(`${runtime.apiUrl}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          jurisdiction_id: KEMIREN,
          service_code: 'sku',
          'attribute[applicant_name]': 'Warga Kemiren',
          'attribute[applicant_nik]': NIK,
          ...Object.fromEntries(Object.entries(skuBody().fields).map(([k, v]) => [`attribute[${k}]`, v])),
        }).toString(),
      }).then(toCall);
    const web = () => call('POST', `/villages/${KEMIREN}/requests`, { json: skuBody('Warga Kemiren') });
    try {
      expect((await web()).status).toBe(201);
      expect((await open311()).status).toBe(201);
      // the third submission of this address to Kemiren within the window, on either route
      const limited = await open311();
      expect(limited.status).toBe(429);
      expect(limited.data).toEqual([{ code: 429, description: expect.any(String) }]);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      const limitedWeb = await web();
      expect(limitedWeb.status).toBe(429);
      expect(limitedWeb.data.error).toMatchObject({ code: 'too_many_requests', message: expect.any(String) });
      expect(Number(limitedWeb.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      config.RATE_LIMIT_SUBMIT = saved;
    }
  });
});

describe('onboarding a regency writes what villages need to take requests', () => {
  it('writes the default catalogue (if absent) and the holiday calendar, idempotently, for any regency', async () => {
    const { onboardRegency } = await import('../../functions/villages/onboard');
    const { getItem, queryPage } = await import('../../functions/lib/table');
    const { CatalogueEntry, catalogueOfScope } = await import('../../functions/catalogue/entities');
    const { Regency, villageByRegency } = await import('../../functions/villages/entities');
    const { DEFAULT_CATALOGUE } = await import('../../functions/catalogue/regency-defaults');
    const { UpdateItemCommand, $set } = await import('dynamodb-toolbox/entity/actions/update');
    const BATU = '35.79'; // Kota Batu: 24 villages, onboarded by nothing else
    const first = await onboardRegency(BATU);
    expect(first).toMatchObject({ villages: 24, servicesAdded: DEFAULT_CATALOGUE.length });
    const regency = (await getItem(Regency, { code: BATU })).Item;
    expect(regency?.holidays).toEqual(expect.arrayContaining(['2026-01-01', '2026-03-21', '2026-08-17']));
    expect(regency?.holidays).toHaveLength(first.holidays);
    const catalogue = async () =>
      (await queryPage(CatalogueEntry, catalogueOfScope, { scope: BATU }, { all: true, consistent: true }))
        .items;
    expect((await catalogue()).map((e) => e.code).sort()).toEqual(
      DEFAULT_CATALOGUE.map((s) => s.code).sort(),
    );

    // the regency edits a service and adds a regional holiday: a second run keeps both, adds nothing
    await CatalogueEntry.build(UpdateItemCommand)
      .item({ scope: BATU, code: 'sku', disabled: true, updatedAt: 'edited' })
      .send();
    await Regency.build(UpdateItemCommand)
      .item({ code: BATU, holidays: $set([...(regency?.holidays ?? []), '2026-12-01']) })
      .send();
    const again = await onboardRegency(BATU);
    expect(again).toMatchObject({ servicesAdded: 0, created: 0, holidays: first.holidays + 1 });
    expect((await catalogue()).find((e) => e.code === 'sku')).toMatchObject({
      disabled: true,
      updatedAt: 'edited',
    });
    expect((await getItem(Regency, { code: BATU })).Item?.holidays).toContain('2026-12-01');

    // a village of the new regency takes requests for its (regency's) services
    const { Village } = await import('../../functions/villages/entities');
    const village = (await queryPage(Village, villageByRegency, { regencyCode: BATU }, { limit: 1 }))
      .items[0];
    const services = await call('GET', `/villages/${village?.code}/services`);
    expect(services.data.items.map((s: { code: string }) => s.code)).toContain('domisili');
    expect(services.data.items.map((s: { code: string }) => s.code)).not.toContain('sku'); // disabled above
    const domisili = services.data.items.find((s: { code: string }) => s.code === 'domisili');
    const fields = Object.fromEntries(
      domisili.fields
        .filter((f: { required: boolean }) => f.required)
        .map((f: { code: string; datatype: string; values?: { key: string }[] }) => [
          f.code,
          f.values?.[0]?.key ??
            (f.datatype === 'number' ? '2' : f.datatype === 'datetime' ? '2020-01-01' : '001/002'),
        ]),
    );
    const filed = await call('POST', `/villages/${village?.code}/requests`, {
      json: { serviceCode: 'domisili', applicant: { name: 'Warga Batu', nik: NIK }, fields },
    });
    expect(filed.status, filed.text).toBe(201);
  });

  it('due times of an onboarded regency skip its holidays (17 August 2026 is a Monday)', async () => {
    const { dueCalculator } = await import('../../functions/requests/store');
    const due = await dueCalculator({ regencyCode: '35.10' });
    // Friday 14 August 2026 15:00 WIB + 4 office hours: 1 h on Friday, Monday is a holiday → Tuesday 11:00
    expect(due(new Date('2026-08-14T08:00:00Z'), 'PT4H')).toBe('2026-08-18T04:00:00.000Z');
  });

  it('a stored village override that does not validate is skipped (logged by code), not a 500', async () => {
    const { CatalogueEntry } = await import('../../functions/catalogue/entities');
    const { getParams } = await import('../../functions/lib/table');
    const { documentClient } = await import('../../functions/lib/aws');
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const { DeleteItemCommand } = await import('dynamodb-toolbox/entity/actions/delete');
    const { logOutput } = await import('../../functions/lib/log');
    // raw: the entity itself refuses to write a service of the wrong shape (a hand edit, an old item)
    const put = (code: string, service: Record<string, unknown>) => {
      const { TableName, Key } = getParams(CatalogueEntry, { scope: KEMIREN, code });
      return documentClient.send(
        new PutCommand({
          TableName,
          Item: { ...Key, scope: KEMIREN, code, disabled: false, service, updatedAt: `${Date.now()}` },
        }),
      );
    };
    await put('sku', { duration: 'dua hari', fields: 'bukan daftar' });
    await put('baru', { name: { id: 'Setengah', en: 'Half' } }); // a new service, incomplete
    await put('domisili', { cost: 5000 }); // a valid override still applies
    const lines: string[] = [];
    const saved = { level: logOutput.level, write: logOutput.write };
    logOutput.level = 'warn';
    logOutput.write = (_level, line) => lines.push(line);
    try {
      const services = await call('GET', `/villages/${KEMIREN}/services`);
      expect(services.status).toBe(200);
      const codes = services.data.items.map((s: { code: string }) => s.code);
      expect(codes).toContain('sku');
      expect(codes).not.toContain('baru');
      const sku = services.data.items.find((s: { code: string }) => s.code === 'sku');
      expect(sku.duration).not.toBe('dua hari');
      expect(services.data.items.find((s: { code: string }) => s.code === 'domisili').cost).toBe(5000);
      const filed = await call('POST', `/villages/${KEMIREN}/requests`, { json: skuBody('Warga Kemiren') });
      expect(filed.status).toBe(201);
    } finally {
      Object.assign(logOutput, saved);
      for (const code of ['sku', 'baru', 'domisili'])
        await CatalogueEntry.build(DeleteItemCommand).key({ scope: KEMIREN, code }).send();
    }
    const skippedLines = lines.filter((l) => l.includes('catalogue entry skipped'));
    expect(skippedLines.some((l) => l.includes('"code":"sku"'))).toBe(true);
    expect(skippedLines.some((l) => l.includes('"code":"baru"'))).toBe(true);
  });
});

describe('guards', () => {
  it('the DynamoDB client of the handlers refuses a Scan outright', async () => {
    const { dynamo } = await import('../../functions/lib/aws');
    const { ScanCommand } = await import('@aws-sdk/client-dynamodb');
    await expect(dynamo.send(new ScanCommand({ TableName: runtime.tableName }))).rejects.toThrow(
      /Scan is not allowed/,
    );
  });

  it('no NIK, name or phone number reaches a log line, across submit, upload, errors and officer reads', async () => {
    const { logOutput } = await import('../../functions/lib/log');
    const lines: string[] = [];
    const saved = { level: logOutput.level, write: logOutput.write };
    logOutput.level = 'debug';
    logOutput.write = (_level, line) => lines.push(line);
    try {
      const { data: r } = await submitSku('Nama Sangat Pribadi');
      await uploadDocument(r.id, r.secret, 'ktp', SPOOFED_PDF, 'application/pdf');
      await call('POST', `/villages/${TAMANSARI}/requests`, {
        json: {
          ...skuBody('Nama Sangat Pribadi'),
          applicant: { name: 'Nama Sangat Pribadi', nik: '3510243102900001', whatsapp: '081299998888' },
        },
      });
      const token = await officerToken();
      await call('GET', `/requests/${r.id}`, { token });
    } finally {
      Object.assign(logOutput, saved);
    }
    expect(lines.length).toBeGreaterThan(3);
    const all = lines.join('\n');
    for (const secret of [
      NIK,
      '3510243102900001',
      'Nama Sangat Pribadi',
      '081299998888',
      '+6281234567890',
      '81234567890',
    ])
      expect(all).not.toContain(secret);
  });
});
