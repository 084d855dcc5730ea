/**
 * Every write route a client may repeat, hit N times at once (a double tap, a reload, S3's redirect
 * plus the client's own call, a retrying network layer): one effect, consistent answers, no 5xx.
 * Runs over the embedded runtime (DynamoDB Local, the S3 server behind the policy-checking S3 front).
 * Here (test/integration/concurrency*.test.ts): a runtime per test file, its client, the officer's
 * token, firing N calls at once, and the uploads and requests the tests race on.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { PDF } from '../fixtures/files';
import { type Call, client, signIn, skuBody, startRuntime, TAMANSARI } from './runtime';

/** Registers this world's hooks: call it once at the top level of a test file that uses it. */
export function useConcurrencyRuntime(): void {
  beforeAll(setUp, 120_000);
  afterAll(tearDown);
}

export const N = 10;

export let runtime: LocalRuntime;
export let call: ReturnType<typeof client>;
export let officerSignIn: Promise<string> | undefined;
export const officerToken = () => {
  officerSignIn ??= signIn(runtime.apiUrl, 'officer@tamansari-licin');
  return officerSignIn;
};

/** `n` copies of one call, sent at once. */
export const atOnce = (n: number, send: () => Promise<Call>) => Promise.all(Array.from({ length: n }, send));

export const statuses = (answers: Call[]) => answers.map((a) => a.status);
/** What the answers said, for a failing assertion's message (short: pages are long). */
export const said = (answers: Call[]) => answers.map((a) => `${a.status} ${a.text.slice(0, 300)}`).join('\n');

/** Posts a file to a presigned POST as a browser form would (fields first, file last), to the S3 front. */
export function postToS3(url: string, fields: Record<string, string>, bytes: Buffer, type: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'upload');
  return fetch(url, { method: 'POST', body: form, redirect: 'manual' });
}

export async function submit(name: string, headers: Record<string, string> = {}) {
  const res = await call('POST', `/villages/${TAMANSARI}/requests`, { json: skuBody(name), headers });
  expect(res.status, res.text).toBe(201);
  return res.data as { id: string; secret: string; trackingCode: string };
}

/** An API client's upload of a real PDF, not confirmed yet: its document id. */
export async function uploadOnly(id: string, secret: string, requirement: string) {
  const created = await call('POST', `/requests/${id}/documents`, {
    json: { requirement, contentType: 'application/pdf', size: PDF.length },
    headers: { 'x-request-secret': secret },
  });
  expect(created.status, created.text).toBe(201);
  const s3 = await postToS3(created.data.url, created.data.fields, PDF, 'application/pdf');
  expect(s3.status).toBeLessThan(300);
  return created.data.documentId as string;
}

export const confirm = (id: string, secret: string, documentId: string) =>
  call('POST', `/requests/${id}/documents/${documentId}/confirm`, {
    headers: { 'x-request-secret': secret },
  });

export async function uploadAndConfirm(id: string, secret: string, requirement: string) {
  const documentId = await uploadOnly(id, secret, requirement);
  const confirmed = await confirm(id, secret, documentId);
  expect(confirmed.status, confirmed.text).toBe(200);
  return documentId;
}

/** Every stored document item of a request (confirmed, replaced and pending ones). */
export async function storedDocuments(id: string) {
  const { listDocuments } = await import('../../functions/requests/store');
  return listDocuments(id);
}

/** A request that has every required document, moved by the officer through `path`: its version. */
export async function requestAt(name: string, path: [string, string?][]) {
  const token = await officerToken();
  const r = await submit(name);
  for (const code of ['ktp', 'kk', 'pengantar_rt_rw']) await uploadAndConfirm(r.id, r.secret, code);
  let version = (await call('GET', `/requests/${r.id}`, { token })).data.version as number;
  for (const [to, reason] of path) {
    const moved = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to, version, reason },
    });
    expect(moved.status, moved.text).toBe(200);
    version = moved.data.version;
  }
  return { ...r, version, token };
}

async function setUp() {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
}

async function tearDown() {
  await runtime?.stop();
}
