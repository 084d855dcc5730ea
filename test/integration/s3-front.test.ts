/**
 * The site server's `/_s3/` front of the local S3 server (infra/local/s3-front.ts) and its `/photos/`:
 * they share the village sites' origin, so they must behave like the private buckets behind
 * presigned URLs on AWS — presigned POSTs and GETs to the uploads bucket pass, checked; nothing else.
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, localS3 } from '../../infra/local/runtime';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/servers';
import { PDF } from '../fixtures/files';
import { webpBytes } from '../fixtures/images';
import { client, KEMIREN, signIn, skuBody, startRuntime, TAMANSARI } from '../support/runtime';

const HTML = '<html><script>alert(document.domain)</script></html>';

let runtime: LocalRuntime;
let call: ReturnType<typeof client>;
let s3: S3Client;
/** signs as the functions' s3ForBrowsers does locally (functions/lib/s3-links.ts), with a clock an hour slow */
let slowSigner: S3Client;
const HOUR = 3600_000;

beforeAll(async () => {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  s3 = localS3(runtime.s3Endpoint);
  slowSigner = new S3Client({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: `${runtime.siteUrl}/_s3`,
    forcePathStyle: true,
    systemClockOffset: -HOUR,
  });
}, 120_000);
afterAll(async () => {
  await runtime?.stop();
});

async function submitRequest(name: string, village = TAMANSARI) {
  const sub = await call('POST', `/villages/${village}/requests`, { json: skuBody(name) });
  expect(sub.status, sub.text).toBe(201);
  return { id: sub.data.id as string, secret: sub.data.secret as string };
}

/** the receipt page's upload form (plain HTML form, no JavaScript): action and hidden fields */
async function receiptForm(request: { id: string; secret: string }) {
  const receipt = await call(
    'GET',
    `/requests/${request.id}/receipt?secret=${encodeURIComponent(request.secret)}`,
  );
  const form = /<form method="post" action="([^"]+)"[^>]*>(.*?)<\/form>/s.exec(receipt.text);
  if (!form) throw new Error('no upload form on the receipt');
  const unhtml = (s: string) =>
    s
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
  const fields: Record<string, string> = {};
  for (const m of (form[2] as string).matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[m[1] as string] = unhtml(m[2] as string);
  return { action: unhtml(form[1] as string), fields };
}

function formData(
  fields: Record<string, string>,
  file: Buffer | string,
  type: string,
  extra: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...fields, ...extra })) form.append(k, v);
  form.append('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)], { type }), 'upload');
  return form;
}

/** an API client's document: announced, posted with fetch from the site's origin, confirmed */
async function uploadDocument(request: { id: string; secret: string }) {
  const created = await call('POST', `/requests/${request.id}/documents`, {
    json: { requirement: 'ktp', contentType: 'application/pdf', size: PDF.length },
    headers: { 'x-request-secret': request.secret },
  });
  expect(created.status, created.text).toBe(201);
  const url = created.data.url as string;
  expect(url).toBe(`${runtime.siteUrl}/_s3/${runtime.uploadsBucket}`);
  const preflight = await fetch(url, {
    method: 'OPTIONS',
    headers: { origin: runtime.siteUrl, 'access-control-request-method': 'POST' },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-origin')).toBeTruthy();
  expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  const posted = await fetch(url, {
    method: 'POST',
    headers: { origin: runtime.siteUrl },
    body: formData(created.data.fields, PDF, 'application/pdf'),
  });
  expect(posted.status, await posted.clone().text()).toBe(204);
  expect(posted.headers.get('access-control-allow-origin')).toBeTruthy();
  const documentId = created.data.documentId as string;
  const confirmed = await call('POST', `/requests/${request.id}/documents/${documentId}/confirm`, {
    headers: { 'x-request-secret': request.secret },
  });
  expect(confirmed.status, confirmed.text).toBe(200);
  return { documentId, fields: created.data.fields as Record<string, string> };
}

describe('/_s3/: presigned POST uploads to the uploads bucket', () => {
  it('a browser fetch upload with its preflight, then the confirm, works', async () => {
    await uploadDocument(await submitRequest('Front Upload'));
  });

  it('the receipt form posted without JavaScript lands on the confirm route (303)', async () => {
    const { action, fields } = await receiptForm(await submitRequest('Front Receipt'));
    const posted = await fetch(action, {
      method: 'POST',
      body: formData(fields, PDF, 'application/pdf'),
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toContain(`${runtime.apiUrl}/requests/`);
    const landed = await fetch(posted.headers.get('location') as string, { redirect: 'manual' });
    expect(landed.status).toBeLessThan(400);
  });

  it('(a) a form with an extra Content-Type: text/html field is refused, as S3 refuses extra fields', async () => {
    const { action, fields } = await receiptForm(await submitRequest('Html Person'));
    const posted = await fetch(action, {
      method: 'POST',
      body: formData(fields, HTML, 'text/html', { 'Content-Type': 'text/html' }),
      redirect: 'manual',
    });
    expect(posted.status).toBe(403);
    expect(await posted.text()).toMatch(/Extra input fields: Content-Type/);
    // nothing was stored, and an unsigned read of the key answers 403 either way
    const read = await fetch(`${runtime.siteUrl}/_s3/${runtime.uploadsBucket}/${fields.key}`);
    expect(read.status).toBe(403);
    expect(read.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await read.text()).toMatch(/<Error><Code>AccessDenied<\/Code>/);
  });

  it('a form that breaks its policy (key, size, type, signature, expiry) is refused', async () => {
    const request = await submitRequest('Policy Breaker');
    const created = await call('POST', `/requests/${request.id}/documents`, {
      json: { requirement: 'ktp', contentType: 'application/pdf', size: PDF.length },
      headers: { 'x-request-secret': request.secret },
    });
    const fields = created.data.fields as Record<string, string>;
    const post = (body: FormData) => fetch(created.data.url, { method: 'POST', body });
    // another key (a confirmed document's, say) than the signed one
    expect(
      (await post(formData({ ...fields, key: `requests/${request.id}/ktp.x` }, PDF, 'application/pdf')))
        .status,
    ).toBe(403);
    // larger than declared
    expect((await post(formData(fields, Buffer.concat([PDF, PDF]), 'application/pdf'))).status).toBe(403);
    // another type than declared
    expect((await post(formData({ ...fields, 'Content-Type': 'text/html' }, HTML, 'text/html'))).status).toBe(
      403,
    );
    // a forged signature
    const forged = {
      ...fields,
      'X-Amz-Signature': (fields['X-Amz-Signature'] as string).replace(/^./, (c) => (c === '0' ? '1' : '0')),
    };
    expect((await post(formData(forged, PDF, 'application/pdf'))).status).toBe(403);
    // no policy at all
    const { Policy: _, 'X-Amz-Signature': __, ...unsigned } = fields;
    expect((await post(formData(unsigned, PDF, 'application/pdf'))).status).toBe(403);
    // a policy that has expired
    const old = await createPresignedPost(slowSigner, {
      Bucket: runtime.uploadsBucket,
      Key: fields.key as string,
      Expires: 60,
    });
    const expired = await fetch(old.url, {
      method: 'POST',
      body: formData(old.fields, PDF, 'application/pdf'),
    });
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/Policy expired/);
  });

  it('a preflight for another method or another bucket gets no CORS', async () => {
    const put = await fetch(`${runtime.siteUrl}/_s3/${runtime.uploadsBucket}`, {
      method: 'OPTIONS',
      headers: { origin: runtime.siteUrl, 'access-control-request-method': 'PUT' },
    });
    expect(put.status).toBe(403);
    const photos = await fetch(`${runtime.siteUrl}/_s3/${runtime.photosBucket}`, {
      method: 'OPTIONS',
      headers: { origin: runtime.siteUrl, 'access-control-request-method': 'POST' },
    });
    expect(photos.status).toBe(403);
    expect(photos.headers.get('access-control-allow-origin')).toBeNull();
  });
});

/** An API client's announced PDF upload: the presigned form's URL and fields (its key among them). */
async function announceDocument(request: { id: string; secret: string }) {
  const created = await call('POST', `/requests/${request.id}/documents`, {
    json: { requirement: 'ktp', contentType: 'application/pdf', size: PDF.length },
    headers: { 'x-request-secret': request.secret },
  });
  expect(created.status, created.text).toBe(201);
  return { url: created.data.url as string, fields: created.data.fields as Record<string, string> };
}

interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  type?: string;
  /** part headers written before its Content-Disposition */
  before?: string[];
}

/** A multipart/form-data body written byte by byte, so a test controls what a library would tidy. */
function multipart(boundary: string, parts: Part[]): Uint8Array<ArrayBuffer> {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `Content-Disposition: form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    const headers = [...(p.before ?? []), disposition, ...(p.type ? [`Content-Type: ${p.type}`] : [])];
    chunks.push(
      Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`),
      Buffer.from(p.value),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

const signedParts = (fields: Record<string, string>): Part[] =>
  Object.entries(fields).map(([name, value]) => ({ name, value }));
const pdfPart: Part = { name: 'file', value: PDF, filename: 'ktp.pdf', type: 'application/pdf' };

/** The object under `key` in the uploads bucket, read behind the front: its bytes and type, or undefined. */
async function stored(key: string) {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: runtime.uploadsBucket, Key: key }));
    return {
      body: Buffer.from((await object.Body?.transformToByteArray()) ?? []),
      type: object.ContentType,
    };
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

describe('/_s3/: the S3 server stores exactly the form the front checked', () => {
  it("a Content-Type hiding a second boundary in another parameter is refused with S3's XML error, and nothing lands under another village's key", async () => {
    const mine = await announceDocument(await submitRequest('Boundary Smuggler'));
    const theirs = await announceDocument(await submitRequest('Warga Kemiren Lain', KEMIREN));
    // read with boundary `Real` (as the front reads it), the form is the signed PDF upload; read with
    // the first `boundary=` in the header (`EVIL"`, as a naive parser reads it), it is an HTML file
    // for the other village's request
    const evil = multipart('EVIL"', [
      { name: 'key', value: theirs.fields.key as string },
      { name: 'Content-Type', value: 'text/html' },
      { name: 'file', value: HTML, filename: 'x.html', type: 'text/html' },
    ]);
    const body = multipart('Real', [
      ...signedParts(mine.fields),
      { name: 'x-ignore-note', value: Buffer.from(evil) },
      pdfPart,
    ]);
    const posted = await fetch(mine.url, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; x="boundary=EVIL"; boundary=Real' },
      body,
    });
    const text = await posted.text();
    expect(posted.status, text).toBe(400);
    expect(posted.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(text).toMatch(/<Error><Code>MalformedPOSTRequest<\/Code><Message>[^<]+<\/Message>/);
    expect(await stored(theirs.fields.key as string)).toBeUndefined();
    expect(await stored(mine.fields.key as string)).toBeUndefined();
  });

  it('a repeated boundary parameter is refused as ambiguous', async () => {
    const mine = await announceDocument(await submitRequest('Twice Bounded'));
    const posted = await fetch(mine.url, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=Real; boundary=Other' },
      body: multipart('Real', [...signedParts(mine.fields), pdfPart]),
    });
    expect(posted.status).toBe(400);
    expect(await posted.text()).toMatch(/<Code>MalformedPOSTRequest<\/Code>/);
    expect(await stored(mine.fields.key as string)).toBeUndefined();
  });

  it("a part header smuggling a second field name does not move the upload to another request's key", async () => {
    const mine = await announceDocument(await submitRequest('Header Smuggler'));
    const theirs = await announceDocument(await submitRequest('Warga Kemiren Juga', KEMIREN));
    const body = multipart('Real', [
      ...signedParts(mine.fields),
      // the front reads an ignored field; a parser that greps the part's headers reads a second `key`
      {
        name: 'x-ignore-note',
        value: theirs.fields.key as string,
        before: ['X-Note: Content-Disposition: form-data; name="key"'],
      },
      pdfPart,
    ]);
    const posted = await fetch(mine.url, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=Real' },
      body,
    });
    expect(posted.status, await posted.text()).toBe(204);
    expect(await stored(theirs.fields.key as string)).toBeUndefined();
    expect((await stored(mine.fields.key as string))?.body.equals(PDF)).toBe(true);
  });

  it('a normal presigned POST with a quoted boundary (as some HTTP clients send it) stores the checked file, key and type', async () => {
    const mine = await announceDocument(await submitRequest('Quoted Boundary'));
    const posted = await fetch(mine.url, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary="a quoted:boundary"' },
      body: multipart('a quoted:boundary', [...signedParts(mine.fields), pdfPart]),
    });
    expect(posted.status, await posted.text()).toBe(204);
    const object = await stored(mine.fields.key as string);
    expect(object?.body.equals(PDF)).toBe(true);
    expect(object?.type).toBe('application/pdf');
  });
});

describe('/_s3/: presigned GETs of the uploads bucket', () => {
  it('(b) a confirmed document is refused unsigned; the officer’s fresh link reads it, as an attachment', async () => {
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
    expect(read.headers.get('content-disposition')).toBe('attachment');
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
