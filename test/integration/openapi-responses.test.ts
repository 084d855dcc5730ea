// biome-ignore-all lint/suspicious/noExplicitAny: the API answers and the document under test are untyped JSON
/**
 * The OpenAPI document describes what the sellers and products routes really answer: real responses
 * of the embedded runtime (seeded demo data, a fresh seller, real photos processed by sharp, a
 * refused file) validate against the response schemas of GET /openapi.json, compiled as JSON Schema
 * 2020-12. Every photo state (processing, ready with variants, failed with the reason), the WhatsApp
 * order link and the village of each product are covered, and a tampered answer is refused.
 */

import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { htmlBytes, plainJpeg } from '../fixtures/images';
import { confirmOnAws } from '../support/direct';
import { type Call, client, signIn, startRuntime, TAMANSARI } from '../support/runtime';

type Json = Record<string, any>;
let runtime: LocalRuntime;
let call: ReturnType<typeof client>;
let doc: Json;
let officer: string;

const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
ajv.addFormat('uri', { type: 'string', validate: (s: string) => URL.canParse(s) });
ajv.addFormat('date-time', { type: 'string', validate: (s: string) => !Number.isNaN(Date.parse(s)) });
const compiled = new Map<string, ValidateFunction>();
/** route ids → the statuses whose real answers were validated */
const validated = new Map<string, Set<number>>();

function resolvePointer(ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, key) => node?.[key], doc);
}

function inline(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inline);
  if (node && typeof node === 'object') {
    const obj = node as Json;
    if (typeof obj.$ref === 'string') return inline(resolvePointer(obj.$ref));
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, inline(v)]));
  }
  return node;
}

function operation(method: string, path: string): Json {
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`${method} ${path} is not in the document`);
  return op;
}

/** The compiled JSON schema the document gives for `status` of the operation. */
function validatorFor(method: string, path: string, status: number): ValidateFunction {
  const key = `${method} ${path} ${status}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const schema = operation(method, path).responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${key}: no JSON response schema documented`);
  const check = ajv.compile(inline(schema) as Json);
  compiled.set(key, check);
  return check;
}

/** Asserts the answer has the expected status and validates against the documented schema. */
function conforms(res: Pick<Call, 'status' | 'data' | 'text'>, method: string, path: string, status: number) {
  expect(res.status, res.text).toBe(status);
  const check = validatorFor(method, path, status);
  const ok = check(res.data);
  expect(ok ? [] : check.errors, `${method} ${path} ${status}`).toEqual([]);
  const id = operation(method, path).operationId as string;
  validated.set(id, (validated.get(id) ?? new Set()).add(status));
  return res.data;
}

const PASSWORD = 'Kopi-Ijen-2026!';
const registration = (n: number) => ({
  businessName: `Kopi Lereng Ijen ${n}`,
  ownerName: 'Sri Wahyuni',
  whatsapp: `08135557${String(1000 + n)}`,
  kind: 'umkm',
  description: 'Kopi robusta petik merah dari lereng Ijen.',
  password: PASSWORD,
});

/** Creates a photo slot; uploads the bytes to S3 by the presigned POST unless they are undefined. */
async function photoSlot(token: string, productId: string, bytes?: Buffer, declared = 'image/jpeg') {
  const created = await call('POST', `/products/${productId}/photos`, {
    token,
    json: { contentType: declared, size: bytes?.length ?? 1000 },
  });
  conforms(created, 'POST', '/products/{id}/photos', 201);
  if (bytes) {
    const form = new FormData();
    for (const [k, v] of Object.entries(created.data.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: declared }), 'photo');
    const s3 = await fetch(created.data.url, { method: 'POST', body: form });
    expect(s3.status).toBeLessThan(300);
  }
  return created.data.photoId as string;
}

beforeAll(async () => {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  const res = await call('GET', '/openapi.json');
  expect(res.status).toBe(200);
  doc = res.data;
  officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
});

describe('sellers and products answers validate against /openapi.json', () => {
  let sellerId: string;
  let sellerToken: string;
  let productId: string;

  it('sellers: register, the approval queue, one seller, transitions', async () => {
    const reg = conforms(
      await call('POST', `/villages/${TAMANSARI}/sellers`, { json: registration(1) }),
      'POST',
      '/villages/{code}/sellers',
      201,
    );
    sellerId = reg.id;
    expect(reg.status).toBe('pending');

    const queue = conforms(
      await call('GET', `/villages/${TAMANSARI}/sellers`, { token: officer }),
      'GET',
      '/villages/{code}/sellers',
      200,
    );
    expect(queue.items.map((s: Json) => s.id)).toContain(sellerId);

    const one = conforms(
      await call('GET', `/sellers/${sellerId}`, { token: officer }),
      'GET',
      '/sellers/{id}',
      200,
    );
    expect(one).toMatchObject({ villageCode: TAMANSARI, status: 'pending', location: null, reason: null });

    const approved = conforms(
      await call('POST', `/sellers/${sellerId}/transitions`, { token: officer, json: { to: 'approved' } }),
      'POST',
      '/sellers/{id}/transitions',
      200,
    );
    expect(approved.history.at(-1)).toMatchObject({ from: 'pending', to: 'approved' });

    // a rejection carries its reason (nullable in the schema, a string here)
    const other = await call('POST', `/villages/${TAMANSARI}/sellers`, { json: registration(2) });
    const rejected = conforms(
      await call('POST', `/sellers/${other.data.id}/transitions`, {
        token: officer,
        json: { to: 'rejected', reason: 'Bukan warga desa ini' },
      }),
      'POST',
      '/sellers/{id}/transitions',
      200,
    );
    expect(rejected.reason).toBe('Bukan warga desa ini');

    sellerToken = (
      await call('POST', '/local/token', { json: { username: '+6281355571001', password: PASSWORD } })
    ).data.idToken;
    expect(sellerToken).toBeTruthy();
  });

  it('products: create, photos in every state, publish, public reads and search', async () => {
    const created = conforms(
      await call('POST', `/villages/${TAMANSARI}/products`, {
        token: sellerToken,
        json: {
          name: 'Kopi Robusta Lereng Ijen',
          description: { id: 'Kopi robusta petik merah, sangrai sedang.' },
          category: 'coffee',
          price: 45000,
          discountPrice: 40000,
          unit: 'bungkus 250 g',
        },
      }),
      'POST',
      '/villages/{code}/products',
      201,
    );
    productId = created.id;
    expect(created).toMatchObject({ status: 'draft', photos: [], village: { code: TAMANSARI } });

    // ready (a real JPEG), failed (HTML declared as PNG), processing (a slot with nothing uploaded)
    const readyId = await photoSlot(sellerToken, productId, await plainJpeg({ width: 1600, height: 1200 }));
    const ready = conforms(
      await call('POST', `/products/${productId}/photos/${readyId}/confirm`, { token: sellerToken }),
      'POST',
      '/products/{id}/photos/{photoId}/confirm',
      200,
    );
    expect(ready.photos.find((p: Json) => p.id === readyId)).toMatchObject({
      status: 'ready',
      variants: [{ width: 320 }, { width: 640 }, { width: 1280 }],
    });
    const failedId = await photoSlot(sellerToken, productId, htmlBytes(), 'image/png');
    const failed = conforms(
      await call('POST', `/products/${productId}/photos/${failedId}/confirm`, { token: sellerToken }),
      'POST',
      '/products/{id}/photos/{photoId}/confirm',
      200,
    );
    expect(failed.photos.find((p: Json) => p.id === failedId)).toMatchObject({
      status: 'failed',
      reason: 'unsupported_type',
    });
    const waitingId = await photoSlot(sellerToken, productId);
    const owner = conforms(
      await call('GET', `/products/${productId}`, { token: sellerToken }),
      'GET',
      '/products/{id}',
      200,
    );
    expect(owner.photos.map((p: Json) => p.status).sort()).toEqual(['failed', 'processing', 'ready']);
    expect(owner.photos.find((p: Json) => p.id === waitingId)).toEqual({
      id: waitingId,
      status: 'processing',
    });

    // on AWS, an upload the S3 event has not processed yet answers 202 with the photo `processing`
    const pendingId = await photoSlot(sellerToken, productId, await plainJpeg({ width: 800, height: 600 }));
    const accepted = conforms(
      await confirmOnAws(sellerToken, productId, pendingId),
      'POST',
      '/products/{id}/photos/{photoId}/confirm',
      202,
    );
    expect(accepted.photos.find((p: Json) => p.id === pendingId)).toEqual({
      id: pendingId,
      status: 'processing',
    });

    const current = (await call('GET', `/products/${productId}`, { token: sellerToken })).data;
    const published = conforms(
      await call('PATCH', `/products/${productId}`, {
        token: sellerToken,
        json: { version: current.version, status: 'published' },
      }),
      'PATCH',
      '/products/{id}',
      200,
    );
    expect(published).toMatchObject({ status: 'published', visibility: 'public' });

    const pub = conforms(await call('GET', `/products/${productId}`), 'GET', '/products/{id}', 200);
    expect(pub).not.toHaveProperty('version');
    expect(pub.photos).toHaveLength(1);
    expect(pub.whatsappUrl).toMatch(/^https:\/\/wa\.me\/6281355571001\?text=/);
    expect(decodeURIComponent(pub.whatsappUrl)).toContain('Kopi Robusta Lereng Ijen');
    expect(pub.village).toEqual({
      code: TAMANSARI,
      name: 'Tamansari',
      slug: 'tamansari-licin',
      kecamatan: 'Licin',
    });

    const list = conforms(
      await call('GET', `/villages/${TAMANSARI}/products?limit=100`),
      'GET',
      '/villages/{code}/products',
      200,
    );
    expect(list.items.map((p: Json) => p.id)).toContain(productId);
    expect(list.items.length).toBeGreaterThan(1); // the seeded demo products too

    const search = conforms(
      await call('GET', '/products/search?q=robusta%20ijen'),
      'GET',
      '/products/search',
      200,
    );
    expect(search.items.map((p: Json) => p.id)).toContain(productId);
    const all = conforms(await call('GET', '/products/search?limit=100'), 'GET', '/products/search', 200);
    expect(new Set(all.items.map((p: Json) => p.village.code)).size).toBeGreaterThan(1);
    expect(all.items.some((p: Json) => p.photo !== null)).toBe(true);

    const mine = conforms(
      await call('GET', `/sellers/${sellerId}/products`, { token: sellerToken }),
      'GET',
      '/sellers/{id}/products',
      200,
    );
    expect(mine.items).toHaveLength(1);

    // the seller removes the failed photo: the owner view without it
    const before = (await call('GET', `/products/${productId}`, { token: sellerToken })).data;
    expect(before.photos.some((p: Json) => p.id === failedId)).toBe(true);
    const removed = conforms(
      await call('DELETE', `/products/${productId}/photos/${failedId}`, { token: sellerToken }),
      'DELETE',
      '/products/{id}/photos/{photoId}',
      200,
    );
    expect(removed.photos.some((p: Json) => p.id === failedId)).toBe(false);
  });

  it('validated an answer of every sellers and products route', () => {
    const ids = Object.values(doc.paths)
      .flatMap((item: any) => Object.values(item).map((op: any) => op.operationId as string))
      .filter((id) => /^(sellers|products|photos)\./.test(id));
    expect(ids.length).toBe(13);
    for (const id of ids) expect(validated.get(id)?.size ?? 0, id).toBeGreaterThan(0);
    expect([...(validated.get('photos.confirm') ?? [])].sort()).toEqual([200, 202]);
  });

  it('refuses answers that do not match: the schemas are not `anything`', async () => {
    const owner = (await call('GET', `/products/${productId}`, { token: sellerToken })).data;
    const check = validatorFor('GET', '/products/{id}', 200);
    expect(check(owner)).toBe(true);
    const tampered: Json[] = [
      { ...owner, surprise: 1 },
      { ...owner, whatsappUrl: 'https://example.com/order' },
      { ...owner, village: { code: TAMANSARI } },
      { ...owner, photos: [{ id: 'x', status: 'ready' }] },
      { ...owner, photos: [{ id: 'x', status: 'failed' }] },
      { ...owner, photos: [{ id: 'x', status: 'lost' }] },
      { ...owner, category: 'weapons' },
    ];
    for (const body of tampered) expect(check(body), JSON.stringify(body).slice(0, 120)).toBe(false);
    const seller = (await call('GET', `/sellers/${sellerId}`, { token: officer })).data;
    const sellerCheck = validatorFor('GET', '/sellers/{id}', 200);
    expect(sellerCheck(seller)).toBe(true);
    const { villageCode: _, ...noVillage } = seller;
    expect(sellerCheck(noVillage)).toBe(false);
    expect(sellerCheck({ ...seller, status: 'banned' })).toBe(false);
  });
});
