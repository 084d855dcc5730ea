/**
 * A request's documents: uploads and their confirmation, a confirm that died half-way, a double tap
 * on real DynamoDB, optional documents.
 */
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it, vi } from 'vitest';
import { JPEG, PDF, SPOOFED_PDF } from '../fixtures/files';
import {
  call,
  officerToken,
  postToS3,
  runtime,
  s3,
  submitSku,
  uploadDocument,
  uploadRequired,
  useRequestsRuntime,
} from '../support/requests';
import { skuBody, TAMANSARI } from '../support/runtime';

useRequestsRuntime();

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
    const { copyObject } = await import('../../functions/lib/s3-objects');
    const { config } = await import('../../functions/lib/config');
    const { incomingKey, documentKey } = await import('../../functions/requests/documents');
    const documentId = created.data.documentId as string;
    await copyObject(
      config().UPLOADS_BUCKET,
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
    const documentClient = (await import('../../functions/lib/aws')).documentClient();
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
        const documentClient = (await import('../../functions/lib/aws')).documentClient();
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
