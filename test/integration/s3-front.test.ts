/**
 * The site server's S3 front (`/_s3/`): presigned POST uploads to the uploads bucket, and the S3
 * server stores exactly the form the front checked (the runtime and helpers: test/support/s3-front.ts).
 */
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { describe, expect, it } from 'vitest';
import { PDF } from '../fixtures/files';
import { KEMIREN } from '../support/runtime';
import {
  announceDocument,
  call,
  formData,
  HTML,
  multipart,
  pdfPart,
  receiptForm,
  runtime,
  signedParts,
  slowSigner,
  stored,
  submitRequest,
  uploadDocument,
  useS3FrontRuntime,
} from '../support/s3-front';

useS3FrontRuntime();

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
