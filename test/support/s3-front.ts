/**
 * The site server's `/_s3/` front of the local S3 server (infra/local/s3-front.ts) and its `/photos/`:
 * they share the village sites' origin, so they must behave like the private buckets behind
 * presigned URLs on AWS — presigned POSTs and GETs to the uploads bucket pass, checked; nothing else.
 * Here (test/integration/s3-front*.test.ts): a runtime per test file, its clients, and the requests,
 * receipt forms, documents and multipart bodies the tests send.
 */
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, expect } from 'vitest';
import { type LocalRuntime, localS3 } from '../../infra/local/runtime';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/servers';
import { PDF } from '../fixtures/files';
import { client, skuBody, startRuntime, TAMANSARI } from './runtime';

/** Registers this world's hooks: call it once at the top level of a test file that uses it. */
export function useS3FrontRuntime(): void {
  beforeAll(setUp, 120_000);
  afterAll(tearDown);
}

export const HTML = '<html><script>alert(document.domain)</script></html>';

export let runtime: LocalRuntime;
export let call: ReturnType<typeof client>;
export let s3: S3Client;
/** signs as the functions' s3ForBrowsers does locally (functions/lib/s3-links.ts), with a clock an hour slow */
export let slowSigner: S3Client;
export const HOUR = 3600_000;

export async function submitRequest(name: string, village = TAMANSARI) {
  const sub = await call('POST', `/villages/${village}/requests`, { json: skuBody(name) });
  expect(sub.status, sub.text).toBe(201);
  return { id: sub.data.id as string, secret: sub.data.secret as string };
}

/** the receipt page's upload form (plain HTML form, no JavaScript): action and hidden fields */
export async function receiptForm(request: { id: string; secret: string }) {
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

export function formData(
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
export async function uploadDocument(request: { id: string; secret: string }) {
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

/** An API client's announced PDF upload: the presigned form's URL and fields (its key among them). */
export async function announceDocument(request: { id: string; secret: string }) {
  const created = await call('POST', `/requests/${request.id}/documents`, {
    json: { requirement: 'ktp', contentType: 'application/pdf', size: PDF.length },
    headers: { 'x-request-secret': request.secret },
  });
  expect(created.status, created.text).toBe(201);
  return { url: created.data.url as string, fields: created.data.fields as Record<string, string> };
}

export interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  type?: string;
  /** part headers written before its Content-Disposition */
  before?: string[];
}

/** A multipart/form-data body written byte by byte, so a test controls what a library would tidy. */
export function multipart(boundary: string, parts: Part[]): Uint8Array<ArrayBuffer> {
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

export const signedParts = (fields: Record<string, string>): Part[] =>
  Object.entries(fields).map(([name, value]) => ({ name, value }));
export const pdfPart: Part = { name: 'file', value: PDF, filename: 'ktp.pdf', type: 'application/pdf' };

/** The object under `key` in the uploads bucket, read behind the front: its bytes and type, or undefined. */
export async function stored(key: string) {
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

async function setUp() {
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
}

async function tearDown() {
  await runtime?.stop();
}
