import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { HttpRequest } from '@smithy/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Credentials } from '../../../functions/lib/presign';
import { type ObjectStoreConfig, objectStore, S3Error, type Transport } from '../../../functions/lib/s3';
import { dropSdkOnlyHeaders } from '../../support/sdk-wire';

/**
 * Parity with the AWS SDK, without AWS (no S3 is called: AWS cannot run here). For each operation the
 * functions use, the request our object store sends is compared with the one `@aws-sdk/client-s3`
 * sends for the same input, on a fixed clock and fixed credentials — on AWS (virtual-hosted, with a
 * session token as Lambda has) and on a path-style endpoint (the local S3 server).
 *
 * Compared: method, URL (protocol, host, port, path, query) and the headers that matter to S3 —
 * Authorization (so the whole canonical request and signature), x-amz-date, x-amz-content-sha256,
 * x-amz-security-token, x-amz-copy-source, x-amz-metadata-directive, range, content-type,
 * content-length, cache-control — and that ours sends no header the SDK does not.
 *
 * What the SDK sends and ours does not, removed from the SDK's request before it signs (so that the
 * signatures can be compared): its bookkeeping — `amz-sdk-invocation-id`, `amz-sdk-request`
 * (attempt counters), `x-amz-user-agent` / `user-agent` — and its flexible checksums, which S3 does
 * not require for these operations: `x-amz-checksum-*`, `x-amz-sdk-checksum-algorithm` (requests,
 * turned off with `requestChecksumCalculation: 'WHEN_REQUIRED'`) and `x-amz-checksum-mode` (response
 * validation, `responseChecksumValidation: 'WHEN_REQUIRED'`). PutObject's integrity comes from the
 * signed SHA-256 of the payload instead (see putObject).
 */
const NOW = new Date('2026-11-25T08:09:10.123Z');
const REGION = 'ap-southeast-3';
const BUCKET = 'smart-kampung-uploads-a1b2c3';
const awsCredentials: Credentials = {
  accessKeyId: 'ASIAEXAMPLEKEY123456',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//token+with/slashes==',
};
const localCredentials: Credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const ENDPOINT = 'http://127.0.0.1:4569';

/** headers the SDK adds that ours leaves out on purpose (see above) */
const SDK_ONLY =
  /^(amz-sdk-invocation-id|amz-sdk-request|x-amz-user-agent|user-agent|x-amz-checksum-.*|x-amz-sdk-checksum-algorithm|expect)$/;
const COMPARED = [
  'host',
  'authorization',
  'x-amz-date',
  'x-amz-content-sha256',
  'x-amz-security-token',
  'x-amz-copy-source',
  'x-amz-metadata-directive',
  'range',
  'content-type',
  'content-length',
  'cache-control',
];

interface Seen {
  method: string;
  url: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
}
const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
const seen = (r: HttpRequest): Seen => ({
  method: r.method,
  url: `${r.protocol}//${r.hostname}${r.port ? `:${r.port}` : ''}${r.path}`,
  query: { ...r.query },
  headers: lower(r.headers),
});
const subset = (s: Seen) => ({
  ...s,
  headers: Object.fromEntries(COMPARED.filter((h) => h in s.headers).map((h) => [h, s.headers[h]])),
});

/** canned answers, as S3 gives them */
function answer(r: HttpRequest) {
  const method = r.method;
  const xid = r.query?.['x-id'];
  if (method === 'HEAD')
    return { statusCode: 200, headers: { 'content-length': '5', 'content-type': 'application/pdf' } };
  if (xid === 'GetObject')
    return {
      statusCode: 206,
      headers: { 'content-length': '5', 'content-type': 'application/pdf', 'content-range': 'bytes 0-4/5' },
      body: Readable.from([Buffer.from('%PDF-')]),
    };
  if (xid === 'CopyObject')
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/xml' },
      body: Readable.from([
        Buffer.from(
          '<?xml version="1.0" encoding="UTF-8"?><CopyObjectResult><LastModified>2026-11-25T08:09:10.000Z</LastModified><ETag>"abc"</ETag></CopyObjectResult>',
        ),
      ]),
    };
  if (xid === 'PutObject') return { statusCode: 200, headers: { etag: '"abc"' }, body: Readable.from([]) };
  return { statusCode: 204, headers: {}, body: Readable.from([]) };
}

function recordingTransport(log: HttpRequest[]): Transport {
  return {
    async handle(request) {
      log.push(request);
      return { response: answer(request) };
    },
  };
}

function sdkClient(cfg: { credentials: Credentials; endpoint?: string }, log: HttpRequest[]) {
  const client = new S3Client({
    region: REGION,
    credentials: cfg.credentials,
    ...(cfg.endpoint ? { endpoint: cfg.endpoint, forcePathStyle: true } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
    requestHandler: {
      async handle(request: HttpRequest) {
        log.push(request);
        return { response: answer(request) };
      },
    } as never,
  });
  dropSdkOnlyHeaders(client, SDK_ONLY);
  return client;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

const setups: [string, { credentials: Credentials; endpoint?: string }][] = [
  ['AWS, virtual-hosted', { credentials: awsCredentials }],
  ['local, path-style', { credentials: localCredentials, endpoint: ENDPOINT }],
];

describe.each(setups)('S3 requests like the AWS SDK (%s)', (_name, setup) => {
  const key = 'incoming/requests/REQ 9/surat+pengantar (1)/ktp~é.pdf';
  const toKey = 'requests/REQ 9/ktp!é*.pdf';
  const encode = (k: string) =>
    k
      .split('/')
      .map((p) =>
        encodeURIComponent(p).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
      )
      .join('/');

  async function both(
    ours: (store: ReturnType<typeof objectStore>) => Promise<unknown>,
    theirs: (client: S3Client) => Promise<unknown>,
  ) {
    const ourLog: HttpRequest[] = [];
    const theirLog: HttpRequest[] = [];
    const cfg: ObjectStoreConfig = {
      region: REGION,
      credentials: async () => setup.credentials,
      ...(setup.endpoint ? { endpoint: setup.endpoint } : {}),
      transport: recordingTransport(ourLog),
    };
    const ourResult = await ours(objectStore(cfg));
    await theirs(sdkClient(setup, theirLog));
    expect(ourLog).toHaveLength(1);
    expect(theirLog).toHaveLength(1);
    const o = seen(ourLog[0] as HttpRequest);
    const t = seen(theirLog[0] as HttpRequest);
    expect(subset(o)).toEqual(subset(t));
    // nothing the SDK does not send
    expect(Object.keys(o.headers).filter((h) => !(h in t.headers))).toEqual([]);
    expect(o.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=/);
    return { ourResult, ours: o, theirs: t };
  }

  it('HeadObject', async () => {
    const { ourResult } = await both(
      (s) => s.headObject(BUCKET, key),
      (c) => c.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })),
    );
    expect(ourResult).toEqual({ size: 5, contentType: 'application/pdf' });
  });

  it('GetObject of a range', async () => {
    const { ourResult, ours } = await both(
      (s) => s.getObject(BUCKET, key, { range: 'bytes=0-4099' }),
      (c) =>
        c
          .send(new GetObjectCommand({ Bucket: BUCKET, Key: key, Range: 'bytes=0-4099' }))
          .then((r) => r.Body?.transformToByteArray()),
    );
    expect(ours.headers.range).toBe('bytes=0-4099');
    expect(Buffer.from(ourResult as Uint8Array).toString()).toBe('%PDF-');
  });

  it('PutObject with type and cache control (payload hash signed)', async () => {
    const body = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3]);
    const { ours } = await both(
      (s) =>
        s.putObject(BUCKET, toKey, body, {
          contentType: 'image/webp',
          cacheControl: 'public, max-age=31536000, immutable',
        }),
      (c) =>
        c.send(
          new PutObjectCommand({
            Bucket: BUCKET,
            Key: toKey,
            Body: body,
            ContentType: 'image/webp',
            CacheControl: 'public, max-age=31536000, immutable',
          }),
        ),
    );
    expect(ours.headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('CopyObject with the type replaced, source URI-encoded', async () => {
    const { ours } = await both(
      (s) => s.copyObject(BUCKET, key, toKey, { contentType: 'application/pdf' }),
      (c) =>
        c.send(
          new CopyObjectCommand({
            Bucket: BUCKET,
            Key: toKey,
            // the SDK sends CopySource as given: callers must encode it (as ours does)
            CopySource: `${BUCKET}/${encode(key)}`,
            ContentType: 'application/pdf',
            MetadataDirective: 'REPLACE',
          }),
        ),
    );
    expect(ours.headers['x-amz-copy-source']).toBe(
      `${BUCKET}/incoming/requests/REQ%209/surat%2Bpengantar%20%281%29/ktp~%C3%A9.pdf`,
    );
  });

  it('CopyObject keeping the metadata', async () => {
    await both(
      (s) => s.copyObject(BUCKET, key, toKey),
      (c) =>
        c.send(new CopyObjectCommand({ Bucket: BUCKET, Key: toKey, CopySource: `${BUCKET}/${encode(key)}` })),
    );
  });

  it('DeleteObject', async () => {
    await both(
      (s) => s.deleteObject(BUCKET, key),
      (c) => c.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key })),
    );
  });
});

describe('answers and retries', () => {
  const xmlError = (code: string) =>
    Readable.from([
      Buffer.from(`<?xml version="1.0"?><Error><Code>${code}</Code><Message>m</Message></Error>`),
    ]);
  function store(responses: (() => Awaited<ReturnType<Transport['handle']>>['response'] | Error)[]) {
    const calls: HttpRequest[] = [];
    const s = objectStore({
      region: REGION,
      credentials: async () => localCredentials,
      endpoint: ENDPOINT,
      sleep: async () => {},
      transport: {
        async handle(request) {
          calls.push(request);
          const next = responses.shift()?.();
          if (!next) throw new Error('no more answers');
          if (next instanceof Error) throw next;
          return { response: next };
        },
      },
    });
    return { s, calls };
  }

  it('retries 503 SlowDown and a reset socket, up to 3 attempts', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const { s, calls } = store([
      () => ({ statusCode: 503, headers: {}, body: xmlError('SlowDown') }),
      () => reset,
      () => ({
        statusCode: 200,
        headers: { 'content-length': '2' },
        body: Readable.from([Buffer.from('ok')]),
      }),
    ]);
    expect(Buffer.from((await s.getObject('b', 'k')) as Uint8Array).toString()).toBe('ok');
    expect(calls).toHaveLength(3);
  });

  it('gives up after 3 attempts with the last error', async () => {
    const { s, calls } = store([
      () => ({ statusCode: 500, headers: {}, body: xmlError('InternalError') }),
      () => ({ statusCode: 500, headers: {}, body: xmlError('InternalError') }),
      () => ({ statusCode: 503, headers: {}, body: xmlError('SlowDown') }),
      () => ({ statusCode: 200, headers: {} }),
    ]);
    await expect(s.deleteObject('b', 'k')).rejects.toMatchObject({ name: 'SlowDown' });
    expect(calls).toHaveLength(3);
  });

  it('does not retry a 403, and names the error by its code without the key', async () => {
    const { s, calls } = store([() => ({ statusCode: 403, headers: {}, body: xmlError('AccessDenied') })]);
    const error = (await s
      .getObject('b', 'incoming/requests/3510241508900001/ktp')
      .catch((e) => e)) as S3Error;
    expect(error).toBeInstanceOf(S3Error);
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).not.toContain('3510241508900001');
    expect(calls).toHaveLength(1);
  });

  // the functions that ask whether an upload exists are granted s3:ListBucket (route `probes`), so
  // S3 answers a missing key with 404; a 403 is then a real denial and must not read as "not uploaded"
  it('HEAD: 404 is "no object"; 403 (no body, as S3 answers HEAD) is an error, not "missing"', async () => {
    const missing = store([() => ({ statusCode: 404, headers: {} })]);
    expect(await missing.s.headObject('b', 'incoming/products/p/1')).toBeUndefined();
    const denied = store([() => ({ statusCode: 403, headers: {} })]);
    const error = (await denied.s.headObject('b', 'incoming/products/p/1').catch((e) => e)) as S3Error;
    expect(error).toBeInstanceOf(S3Error);
    expect(error.name).toBe('Forbidden');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(denied.calls).toHaveLength(1);
  });

  it('GET: 404 NoSuchKey is "no object"; 403 AccessDenied is an error', async () => {
    const missing = store([() => ({ statusCode: 404, headers: {}, body: xmlError('NoSuchKey') })]);
    expect(await missing.s.getObject('b', 'k')).toBeUndefined();
    const denied = store([() => ({ statusCode: 403, headers: {}, body: xmlError('AccessDenied') })]);
    await expect(denied.s.getObject('b', 'k')).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('reads a CopyObject 200 carrying an error as an error (and retries it)', async () => {
    const { s, calls } = store([
      () => ({ statusCode: 200, headers: {}, body: xmlError('InternalError') }),
      () => ({ statusCode: 200, headers: {}, body: Readable.from([Buffer.from('<CopyObjectResult/>')]) }),
    ]);
    await s.copyObject('b', 'a', 'c');
    expect(calls).toHaveLength(2);
  });
});
