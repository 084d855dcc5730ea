/**
 * The product routes a seller may repeat, hit N times at once (the runtime and helpers:
 * test/support/concurrency.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { plainJpeg } from '../fixtures/images';
import {
  atOnce,
  call,
  N,
  postToS3,
  runtime,
  said,
  statuses,
  useConcurrencyRuntime,
} from '../support/concurrency';
import { signIn, TAMANSARI } from '../support/runtime';

useConcurrencyRuntime();

describe('products, N at once', () => {
  let seller: string;
  beforeAll(async () => {
    seller = await signIn(runtime.apiUrl, 'seller@tamansari-licin');
  });

  async function newProduct(name: string) {
    const res = await call('POST', `/villages/${TAMANSARI}/products`, {
      token: seller,
      json: {
        name,
        description: { id: 'Kopi robusta lereng Ijen, disangrai tiap minggu.', en: 'Robusta coffee.' },
        category: 'food_drink',
        price: 45000,
        unit: 'bungkus',
      },
    });
    expect(res.status, res.text).toBe(201);
    return res.data as { id: string; version: number };
  }

  it('ten edits with one version: one 200, nine 409, the version moves by one', async () => {
    const product = await newProduct('Kopi Serentak');
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        call('PATCH', `/products/${product.id}`, {
          token: seller,
          json: { version: product.version, price: 50000 + i },
        }),
      ),
    );
    expect(statuses(answers).sort(), said(answers)).toEqual([200, ...Array(N - 1).fill(409)]);
    const won = answers.find((a) => a.status === 200);
    const now = await call('GET', `/products/${product.id}`, { token: seller });
    expect(now.data).toMatchObject({ version: product.version + 1, price: won?.data.price });
  });

  it('ten confirms of one uploaded photo: all succeed, the photo turns ready once with one set of variants', async () => {
    const product = await newProduct('Kopi Foto Serentak');
    const bytes = await plainJpeg({ width: 800, height: 600 });
    const created = await call('POST', `/products/${product.id}/photos`, {
      token: seller,
      json: { contentType: 'image/jpeg', size: bytes.length },
    });
    expect(created.status, created.text).toBe(201);
    const photoId = created.data.photoId as string;
    const s3 = await postToS3(created.data.url, created.data.fields, bytes, 'image/jpeg');
    expect(s3.status).toBeLessThan(300);
    const { getProduct } = await import('../../functions/products/store');
    const before = await getProduct(product.id);

    const answers = await atOnce(N, () =>
      call('POST', `/products/${product.id}/photos/${photoId}/confirm`, { token: seller }),
    );
    // 200 once processed, 202 while another confirm's processing is still under way: never an error
    for (const a of answers) expect([200, 202], a.text).toContain(a.status);

    const after = await call('GET', `/products/${product.id}`, { token: seller });
    const photos = after.data.photos.filter((p: { id: string }) => p.id === photoId);
    expect(photos).toHaveLength(1);
    expect(photos[0].status).toBe('ready');
    // ready once: one change of the photo list after the upload's slot, one set of variants
    const stored = await getProduct(product.id);
    expect(stored.photoRev).toBe(before.photoRev + 1);
    expect(stored.photos.find((p) => p.id === photoId)?.variants?.map((v) => v.width)).toEqual([
      320, 640, 800,
    ]);
  });

  it('a confirm while another confirm’s processing has moved the upload but not yet marked it ready answers 202, not photo_missing', async () => {
    const product = await newProduct('Kopi Foto Tengah Jalan');
    const bytes = await plainJpeg({ width: 800, height: 600 });
    const created = await call('POST', `/products/${product.id}/photos`, {
      token: seller,
      json: { contentType: 'image/jpeg', size: bytes.length },
    });
    expect(created.status, created.text).toBe(201);
    const photoId = created.data.photoId as string;
    expect((await postToS3(created.data.url, created.data.fields, bytes, 'image/jpeg')).status).toBeLessThan(
      300,
    );
    // where the first run stands: its variants written and the upload moved to originals/, the photo
    // not marked ready yet (photo-process.ts does these in this order)
    const { config } = await import('../../functions/lib/config');
    const { copyObject, deleteObject } = await import('../../functions/lib/s3-objects');
    const { incomingPhotoKey, originalPhotoKey } = await import('../../functions/products/photo-store');
    await copyObject(
      config().UPLOADS_BUCKET,
      incomingPhotoKey(product.id, photoId),
      originalPhotoKey(product.id, photoId),
    );
    await deleteObject(config().UPLOADS_BUCKET, incomingPhotoKey(product.id, photoId));

    const meanwhile = await call('POST', `/products/${product.id}/photos/${photoId}/confirm`, {
      token: seller,
    });
    expect(meanwhile.status, meanwhile.text).toBe(202);
    // the first run finishes: the next confirm answers the ready photo
    const { processUploadedPhoto } = await import('../../functions/products/photo-process');
    await processUploadedPhoto(product.id, photoId, new Date());
    const done = await call('POST', `/products/${product.id}/photos/${photoId}/confirm`, { token: seller });
    expect(done.status, done.text).toBe(200);
    expect(done.data.photos.find((p: { id: string }) => p.id === photoId).status).toBe('ready');
  });
});
