/**
 * The site server's S3 front: presigned GETs of the uploads bucket, everything else refused, and
 * `/photos/` serving the processed variants only (the runtime and helpers: test/support/s3-front.ts).
 */
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { PDF } from '../fixtures/files';
import { webpBytes } from '../fixtures/images';
import { signIn } from '../support/runtime';
import {
  call,
  HOUR,
  HTML,
  runtime,
  s3,
  slowSigner,
  submitRequest,
  uploadDocument,
  useS3FrontRuntime,
} from '../support/s3-front';

useS3FrontRuntime();

describe('/_s3/: presigned GETs of the uploads bucket', () => {
  it('(b) a confirmed document is refused unsigned; the officer’s fresh link reads it, inline (a PDF the workspace shows in the page) but sandboxed', async () => {
    const request = await submitRequest('Ktp Holder');
    const { documentId } = await uploadDocument(request);
    const unsigned = await fetch(
      `${runtime.siteUrl}/_s3/${runtime.uploadsBucket}/requests/${request.id}/${documentId}`,
    );
    expect(unsigned.status).toBe(403);
    const listing = await fetch(`${runtime.siteUrl}/_s3/${runtime.uploadsBucket}?list-type=2`);
    expect(listing.status).toBe(403);

    const officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
    const full = await call('GET', `/requests/${request.id}`, { token: officer });
    const link = full.data.documents.find((d: { documentId: string }) => d.documentId === documentId)
      .url as string;
    expect(link.startsWith(`${runtime.siteUrl}/_s3/${runtime.uploadsBucket}/`)).toBe(true);
    const read = await fetch(link);
    expect(read.status).toBe(200);
    expect(Buffer.from(await read.arrayBuffer()).equals(PDF)).toBe(true);
    expect(read.headers.get('x-content-type-options')).toBe('nosniff');
    expect(read.headers.get('content-security-policy')).toBe('sandbox');
    expect(read.headers.get('content-disposition')).toBeNull();
    // a HEAD is not what was signed
    expect((await fetch(link, { method: 'HEAD' })).status).toBe(405);

    // (c) the same link with its date moved back, expired, or pointed at another key: 403
    const redated = link.replace(/X-Amz-Date=\d{8}T\d{6}Z/, 'X-Amz-Date=20200101T000000Z');
    expect(redated).not.toBe(link);
    expect((await fetch(redated)).status).toBe(403);
    const longer = link.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=604800');
    expect((await fetch(longer)).status).toBe(403);
    const other = link.replace(`/${documentId}?`, `/${documentId}x?`);
    expect((await fetch(other)).status).toBe(403);
    const stale = await getSignedUrl(
      slowSigner,
      new GetObjectCommand({ Bucket: runtime.uploadsBucket, Key: `requests/${request.id}/${documentId}` }),
      { expiresIn: 60, signingDate: new Date(Date.now() - HOUR) },
    );
    const expired = await fetch(stale);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/expired/);
  });

  it('(a) an HTML object, even through a valid link, comes as a sandboxed, unsniffed attachment', async () => {
    const key = 'incoming/requests/front-test/html.AAAAAAAAAAAA';
    await s3.send(
      new PutObjectCommand({ Bucket: runtime.uploadsBucket, Key: key, Body: HTML, ContentType: 'text/html' }),
    );
    expect((await fetch(`${runtime.siteUrl}/_s3/${runtime.uploadsBucket}/${key}`)).status).toBe(403);
    // the functions' own link, as an officer gets it
    const { presignedGet } = await import('../../functions/lib/s3-links');
    const link = await presignedGet({ key, expiresSeconds: 300 });
    const read = await fetch(link);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-disposition')).toBe('attachment');
    expect(read.headers.get('content-security-policy')).toBe('sandbox');
    expect(read.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('/_s3/: everything else is refused', () => {
  it('(d) an unsigned PUT into the photos bucket is refused, and /photos/ serves no HTML anyway', async () => {
    const put = await fetch(`${runtime.siteUrl}/_s3/${runtime.photosBucket}/photos/evil.html`, {
      method: 'PUT',
      headers: { 'content-type': 'text/html' },
      body: HTML,
    });
    expect(put.status).toBe(403);
    // written behind the front's back: still not served
    await s3.send(
      new PutObjectCommand({
        Bucket: runtime.photosBucket,
        Key: 'photos/evil.html',
        Body: HTML,
        ContentType: 'text/html',
      }),
    );
    const got = await fetch(`${runtime.siteUrl}/photos/evil.html`);
    expect(got.status).toBe(404);
    expect(await got.text()).not.toContain('<script>');
  });

  it('PUT, DELETE, HEAD and unsigned GETs to the uploads bucket, and any other bucket, are refused', async () => {
    const base = `${runtime.siteUrl}/_s3/${runtime.uploadsBucket}`;
    for (const [method, path] of [
      ['PUT', '/incoming/requests/x/y'],
      ['DELETE', '/incoming/requests/x/y'],
      ['HEAD', '/incoming/requests/x/y'],
      ['PATCH', '/incoming/requests/x/y'],
      ['GET', '/incoming/requests/x/y'],
      ['GET', ''],
    ] as const) {
      const res = await fetch(`${base}${path}`, { method, ...(method === 'PUT' ? { body: HTML } : {}) });
      expect([403, 405], `${method} ${path}`).toContain(res.status);
    }
    for (const method of ['GET', 'PUT', 'POST', 'DELETE']) {
      const res = await fetch(`${runtime.siteUrl}/_s3/${runtime.photosBucket}/photos/products/a/b-320.webp`, {
        method,
        ...(method === 'PUT' || method === 'POST' ? { body: 'x' } : {}),
      });
      expect(res.status, method).toBe(403);
    }
  });
});

describe('/photos/: the processed variants only', () => {
  it('serves a WebP variant as image/webp with nosniff, whatever the object claims; nothing else', async () => {
    const webp = await webpBytes({ width: 64, height: 48 });
    const variant = 'photos/products/01JFRONTTESTPRODUCT0/AbCdEf123456-320.webp';
    await s3.send(
      new PutObjectCommand({
        Bucket: runtime.photosBucket,
        Key: variant,
        Body: webp,
        ContentType: 'text/html',
      }),
    );
    const got = await fetch(`${runtime.siteUrl}/${variant}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/webp');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await got.arrayBuffer()).equals(webp)).toBe(true);
    // withheld variants and other keys of the bucket are not public
    for (const key of [
      'withheld/products/01JFRONTTESTPRODUCT0/AbCdEf123456-320.webp',
      'photos/products/01JFRONTTESTPRODUCT0/AbCdEf123456-320.html',
      'photos/products/01JFRONTTESTPRODUCT0/../../withheld/x-320.webp',
    ]) {
      await s3.send(new PutObjectCommand({ Bucket: runtime.photosBucket, Key: key, Body: webp }));
      expect((await fetch(`${runtime.siteUrl}/photos/${key.replace(/^photos\//, '')}`)).status, key).toBe(
        404,
      );
    }
  });
});
