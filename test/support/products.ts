/**
 * The world of the seller and product tests (test/integration/products*.test.ts): a runtime per
 * test file, its API client, officers' and sellers' tokens, and the registrations, products, photo
 * uploads and S3 events they share.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { objectCreatedEvent, sqsRecord } from '../../infra/local/s3-events';
import { client, signIn, startRuntime, TAMANSARI } from './runtime';

/** Registers this world's hooks: call it once at the top level of a test file that uses it. */
export function useProductsRuntime(): void {
  beforeAll(setUp, 120_000);
  afterAll(tearDown);
}

export let runtime: LocalRuntime;
export let call: ReturnType<typeof client>;
export let officer: string;
export let kemirenOfficer: string;
export let kemirenSeller: string;

export const PASSWORD = 'Kopi-Ijen-2026!';
export let n = 0;
export const registration = (over: Record<string, unknown> = {}) => ({
  businessName: `Keripik Pisang Bu Sri ${++n}`,
  ownerName: 'Sri Wahyuni',
  whatsapp: `08135550${String(1000 + n)}`,
  kind: 'umkm',
  description: 'Keripik pisang agung khas Licin, digoreng tiap pagi.',
  location: 'Dusun Krajan',
  password: PASSWORD,
  ...over,
});

export async function signInAs(username: string, password: string) {
  const res = await call('POST', '/local/token', { json: { username, password } });
  expect(res.status, res.text).toBe(200);
  return res.data.idToken as string;
}

/**
 * A registered and approved seller of Tamansari with its token. Registered through the domain (the
 * route itself is tested above): the public route allows 20 registrations per address per 10 minutes,
 * fewer than this file needs. Approved through the route.
 */
export async function approvedSeller() {
  const body = registration();
  const { SellerRegisterBody } = await import('../../functions/sellers/schemas');
  const { registerSeller } = await import('../../functions/sellers/store');
  const { getVillage } = await import('../../functions/villages/store');
  const reg = {
    data: await registerSeller(await getVillage(TAMANSARI), SellerRegisterBody.parse(body), new Date()),
  };
  const ok = await call('POST', `/sellers/${reg.data.id}/transitions`, {
    token: officer,
    json: { to: 'approved' },
  });
  expect(ok.status, ok.text).toBe(200);
  const whatsapp = `+62${String(body.whatsapp).slice(1)}`;
  return { id: reg.data.id as string, token: await signInAs(whatsapp, PASSWORD) };
}

export const productBody = (over: Record<string, unknown> = {}) => ({
  name: 'Keripik Pisang Agung',
  description: { id: 'Keripik pisang agung renyah, tanpa pengawet.', en: 'Crispy plantain chips.' },
  category: 'food_drink',
  price: 15000,
  unit: 'bungkus',
  ...over,
});

export async function createProduct(token: string, over: Record<string, unknown> = {}, village = TAMANSARI) {
  const res = await call('POST', `/villages/${village}/products`, { token, json: productBody(over) });
  expect(res.status, res.text).toBe(201);
  return res.data;
}

/** A photo slot and its presigned POST; the bytes uploaded to S3 unless `bytes` is undefined. */
export async function uploadOnly(
  token: string,
  productId: string,
  bytes: Buffer | undefined,
  declared = 'image/jpeg',
) {
  const created = await call('POST', `/products/${productId}/photos`, {
    token,
    json: { contentType: declared, size: bytes?.length ?? 1000 },
  });
  expect(created.status, created.text).toBe(201);
  if (bytes) {
    const form = new FormData();
    for (const [k, v] of Object.entries(created.data.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: declared }), 'photo.jpg');
    const s3 = await fetch(created.data.url, { method: 'POST', body: form });
    expect(s3.status).toBeLessThan(300);
  }
  return created.data.photoId as string;
}

/** Upload, then confirm through the local runtime (which delivers the S3 event first). */
export async function uploadPhoto(token: string, productId: string, bytes: Buffer, declared = 'image/jpeg') {
  const photoId = await uploadOnly(token, productId, bytes, declared);
  const confirmed = await call('POST', `/products/${productId}/photos/${photoId}/confirm`, { token });
  return { photoId, confirmed };
}

/** What AWS delivers after an upload: the EventBridge "Object Created" event in an SQS record. */
export async function deliverS3Event(productId: string, photoId: string, receiveCount = 1) {
  const { handler } = await import('../../functions/products/handlers/process-photo');
  const { incomingPhotoKey } = await import('../../functions/products/photo-store');
  const key = incomingPhotoKey(productId, photoId);
  const body = objectCreatedEvent({
    bucket: runtime.uploadsBucket,
    key,
    object: { size: 1 },
    region: 'ap-southeast-3',
  });
  const record = sqsRecord(body, { region: 'ap-southeast-3' });
  record.attributes.ApproximateReceiveCount = String(receiveCount);
  return handler({ Records: [record] });
}

export async function publish(token: string, product: { id: string }) {
  const current = await call('GET', `/products/${product.id}`, { token });
  const res = await call('PATCH', `/products/${product.id}`, {
    token,
    json: { version: current.data.version, status: 'published' },
  });
  return res;
}

async function setUp() {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
  kemirenOfficer = await signIn(runtime.apiUrl, 'officer@kemiren-glagah');
  kemirenSeller = await signIn(runtime.apiUrl, 'seller@kemiren-glagah');
}

async function tearDown() {
  await runtime?.stop();
}
