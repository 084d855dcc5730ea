/**
 * The world of the request tests (test/integration/requests*.test.ts): a runtime per test file,
 * its API client and S3 client, the officer's token, and the uploads, services and forms they share.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, expect } from 'vitest';
import { type LocalRuntime, localS3 } from '../../infra/local/runtime';
import { PDF } from '../fixtures/files';
import { type Call, client, NIK, signIn, skuBody, startRuntime, TAMANSARI } from './runtime';

/** Registers this world's hooks: call it once at the top level of a test file that uses it. */
export function useRequestsRuntime(): void {
  beforeAll(setUp, 120_000);
  afterAll(tearDown);
}

export let runtime: LocalRuntime;
export let call: ReturnType<typeof client>;
export let s3: S3Client;

/** One sign-in of Tamansari's officer for the whole file: sign-ins are rate limited per username. */
export let officerSignIn: Promise<string> | undefined;
export const officerToken = () => {
  officerSignIn ??= signIn(runtime.apiUrl, 'officer@tamansari-licin');
  return officerSignIn;
};

/**
 * Posts a file to a presigned POST exactly as a browser form would (fields first, file last). The
 * presigned URL points at the local S3 front, which enforces the POST policy as S3 does; `pastThePolicy`
 * posts to the emulator itself instead (it enforces nothing), for what the confirm step must still catch
 * when storage lets a file through.
 */
export async function postToS3(
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

export async function uploadDocument(
  id: string,
  secret: string,
  requirement: string,
  bytes: Buffer,
  type: string,
) {
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
export async function uploadRequired(id: string, secret: string, codes = ['ktp', 'kk', 'pengantar_rt_rw']) {
  for (const code of codes) {
    const { confirmed } = await uploadDocument(id, secret, code, PDF, 'application/pdf');
    expect(confirmed.status, confirmed.text).toBe(200);
  }
}

export type CatalogueField = {
  code: string;
  datatype: string;
  required: boolean;
  values?: { key: string }[];
};

/** Surat Pengantar Pindah (kecamatan level) as the public catalogue serves it. */
export async function pindahService() {
  const services = await call('GET', `/villages/${TAMANSARI}/services`);
  return services.data.items.find((s: { code: string }) => s.code === 'pindah');
}

/** Plausible answers to every required field of a service. */
export function requiredAnswers(service: { fields: CatalogueField[] }): Record<string, string> {
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

export async function submitSku(name?: string, headers: Record<string, string> = {}): Promise<Call> {
  return call('POST', `/villages/${TAMANSARI}/requests`, { json: skuBody(name), headers });
}

/** Every POST form of an HTML page: its action, hidden fields and inner markup. */
export function formsOf(html: string) {
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
export function uploadFormFor(html: string, requirement: string) {
  const form = formsOf(html).find((f) => f.fields.key?.includes(`/${requirement}.`));
  expect(form, `upload form for ${requirement}`).toBeDefined();
  return form as ReturnType<typeof formsOf>[number];
}

/** A browser's upload: the form straight to S3, then S3's redirect to the confirm route (GET). */
export async function uploadThroughForm(
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
export async function fileSkuByForm(name: string, lang: 'id' | 'en' = 'id') {
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

async function setUp() {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  s3 = localS3(runtime.s3Endpoint);
}

async function tearDown() {
  s3?.destroy();
  await runtime?.stop();
}
