import { CreateBucketCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EmbeddedServers,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startEmbedded,
} from '../../infra/local/servers';

/**
 * The functions' S3 operations (functions/lib/s3-objects.ts, on the SDK's S3 client) against the
 * embedded S3 server, through the module's own wiring (config from the environment): the 404s,
 * ranges, the size cap, metadata on copy, URI-encoded keys and S3's error codes.
 */
const BUCKET = 'smart-kampung-s3-objects';
let servers: EmbeddedServers;
let s3: typeof import('../../functions/lib/s3-objects');

beforeAll(async () => {
  servers = await startEmbedded({});
  // config is read at import: point it at the embedded servers first
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    S3_ENDPOINT: servers.s3Endpoint,
    DYNAMODB_ENDPOINT: servers.dynamoEndpoint,
    UPLOADS_BUCKET: BUCKET,
  });
  const admin = new S3Client({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: servers.s3Endpoint,
    forcePathStyle: true,
  });
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  admin.destroy();
  s3 = await import('../../functions/lib/s3-objects');
}, 60_000);

afterAll(async () => {
  await servers?.stop();
});

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : b);

describe('object operations against the embedded S3 server', () => {
  const key = 'incoming/requests/REQ 9/surat+pengantar (1)/ktp~é!.pdf';

  it('a missing object: head and get are undefined, delete is fine', async () => {
    expect(await s3.headObject(BUCKET, 'nothing/here')).toBeUndefined();
    expect(await s3.getObject(BUCKET, 'nothing/here')).toBeUndefined();
    expect(await s3.getObject(BUCKET, 'nothing/here', { range: 'bytes=0-9', maxBytes: 4 })).toBeUndefined();
    await s3.deleteObject(BUCKET, 'nothing/here');
  });

  it('put, head, get whole and by range, with a key that needs escaping', async () => {
    await s3.putObject(BUCKET, key, bytes('%PDF-1.7 hello'), {
      contentType: 'application/pdf',
      cacheControl: 'no-store',
    });
    expect(await s3.headObject(BUCKET, key)).toEqual({ size: 14, contentType: 'application/pdf' });
    expect(text(await s3.getObject(BUCKET, key))).toBe('%PDF-1.7 hello');
    expect(text(await s3.getObject(BUCKET, key, { range: 'bytes=0-4' }))).toBe('%PDF-');
    // a range past the end reads what there is (as the confirm route's 4 KB head of a small file)
    expect(text(await s3.getObject(BUCKET, key, { range: 'bytes=0-4099' }))).toBe('%PDF-1.7 hello');
  });

  it('maxBytes: a larger object is refused, one at the limit is read', async () => {
    const big = 'big/object';
    await s3.putObject(BUCKET, big, new Uint8Array(64 * 1024).fill(7), { contentType: 'image/jpeg' });
    const error = await s3.getObject(BUCKET, big, { maxBytes: 64 * 1024 - 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(s3.ObjectTooLarge);
    expect(error.size).toBe(64 * 1024);
    expect((await s3.getObject(BUCKET, big, { maxBytes: 64 * 1024 }))?.byteLength).toBe(64 * 1024);
    // the connection is still usable after a refused read
    expect(await s3.headObject(BUCKET, big)).toEqual({ size: 64 * 1024, contentType: 'image/jpeg' });
  });

  it('copy keeps the type, or replaces it; delete removes', async () => {
    const kept = 'requests/REQ 9/kept (copy)+é';
    const replaced = 'requests/REQ 9/replaced';
    await s3.copyObject(BUCKET, key, kept);
    expect(await s3.headObject(BUCKET, kept)).toEqual({ size: 14, contentType: 'application/pdf' });
    await s3.copyObject(BUCKET, key, replaced, { contentType: 'image/png' });
    expect(await s3.headObject(BUCKET, replaced)).toEqual({ size: 14, contentType: 'image/png' });
    expect(text(await s3.getObject(BUCKET, replaced))).toBe('%PDF-1.7 hello');
    await s3.deleteObject(BUCKET, kept);
    expect(await s3.headObject(BUCKET, kept)).toBeUndefined();
  });

  it("other errors throw S3's code, without the key", async () => {
    const secretKey = 'requests/3510241508900001/ktp';
    const missingBucket = await s3.getObject('no-such-bucket-here', secretKey).catch((e) => e);
    expect(missingBucket).toBeInstanceOf(S3ServiceException);
    expect(missingBucket.name).toBe('NoSuchBucket');
    expect(missingBucket.$metadata.httpStatusCode).toBe(404);
    expect(missingBucket.message).not.toContain('3510241508900001');
    const put = await s3
      .putObject('no-such-bucket-here', secretKey, bytes('x'), { contentType: 'text/plain' })
      .catch((e) => e);
    expect(put.name).toBe('NoSuchBucket');
    const copy = await s3.copyObject(BUCKET, 'nothing/here', 'copy/of/nothing').catch((e) => e);
    expect(copy).toBeInstanceOf(S3ServiceException);
    expect(copy.name).toBe('NoSuchKey');
    const range = await s3.getObject(BUCKET, key, { range: 'bytes=100-200' }).catch((e) => e);
    expect(range.name).toBe('InvalidRange');
    expect(range.$metadata.httpStatusCode).toBe(416);
  });
});
