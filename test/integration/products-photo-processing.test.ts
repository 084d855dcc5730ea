/**
 * Product photos as AWS processes them (confirm triggers the queue, no local S3-event emulation
 * first), and a photo's lifecycle: delete, abandoned slots, giving up, failed entries.
 */
import { describe, expect, it } from 'vitest';
import { localS3Notifications, sqsRecord } from '../../infra/local/s3-events';
import { jpegWithGps, pngBytes, svgBytes } from '../fixtures/images';
import { confirmOnAws } from '../support/direct';
import {
  approvedSeller,
  call,
  createProduct,
  deliverS3Event,
  officer,
  publish,
  runtime,
  uploadOnly,
  uploadPhoto,
  useProductsRuntime,
} from '../support/products';

useProductsRuntime();

describe('confirm as AWS runs it (no local S3-event emulation before it)', () => {
  it('202 processing after an upload, 422 with nothing uploaded; the S3 event to the processor makes it ready', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token);
    const original = await jpegWithGps({ width: 1600, height: 1200, orientation: 6 });
    const photoId = await uploadOnly(seller.token, product.id, original);
    const accepted = await confirmOnAws(seller.token, product.id, photoId);
    expect(accepted.status).toBe(202);
    expect(accepted.data.photos).toEqual([{ id: photoId, status: 'processing' }]);
    // idempotent: asking again changes nothing
    expect(await confirmOnAws(seller.token, product.id, photoId)).toEqual(accepted);

    const nothing = await uploadOnly(seller.token, product.id, undefined);
    const missing = await confirmOnAws(seller.token, product.id, nothing);
    expect(missing.status).toBe(422);
    expect(missing.data.error.code).toBe('photo_missing');
    const unknown = await confirmOnAws(seller.token, product.id, 'nosuchphoto');
    expect(unknown.status).toBe(422);
    expect(unknown.data.error.code).toBe('photo_unknown');
    // another seller of the village: refused before anything is looked at
    const other = await approvedSeller();
    expect((await confirmOnAws(other.token, product.id, photoId)).status).toBe(403);

    // the S3 event reaches the processor (EventBridge → SQS → process-photo)
    expect(await deliverS3Event(product.id, photoId)).toEqual({ batchItemFailures: [] });
    const got = await call('GET', `/products/${product.id}`, { token: seller.token });
    const photo = got.data.photos.find((p: { id: string }) => p.id === photoId);
    expect(photo).toMatchObject({ status: 'ready' });
    // the orientation-6 landscape, turned portrait: 1200 wide at most
    expect(photo.variants.map((v: { width: number }) => v.width)).toEqual([320, 640, 1200]);
    const done = await confirmOnAws(seller.token, product.id, photoId);
    expect(done.status).toBe(200);
    expect(done.data.photos).toEqual(got.data.photos);
  });

  it('a refused upload: 202 first, then the processor marks it failed and confirm answers 200', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token);
    const photoId = await uploadOnly(seller.token, product.id, svgBytes());
    expect((await confirmOnAws(seller.token, product.id, photoId)).status).toBe(202);
    await deliverS3Event(product.id, photoId);
    const done = await confirmOnAws(seller.token, product.id, photoId);
    expect(done.status).toBe(200);
    expect(done.data.photos).toEqual([{ id: photoId, status: 'failed', reason: 'unsupported_type' }]);
  });

  it('on AWS confirm is a trigger too: it sends the S3 event’s message to the queue; both deliveries → one set of variants, ready once', async () => {
    const { config } = await import('../../functions/lib/config');
    const sqs = (await import('../../functions/lib/sqs-messages')).sqs();
    const s3 = (await import('../../functions/lib/s3-objects')).s3();
    const { getProduct } = await import('../../functions/products/store');
    const { incomingPhotoKey, originalPhotoKey } = await import('../../functions/products/photo-store');
    const { handler: processPhoto } = await import('../../functions/products/handlers/process-photo');
    const { ListObjectsV2Command, HeadObjectCommand } = await import('@aws-sdk/client-s3');
    const { CreateQueueCommand, ReceiveMessageCommand } = await import('@aws-sdk/client-sqs');
    // fauxqs (the local S3 server) speaks SQS too (the functions' client points at it): the
    // processor's queue, as on AWS
    const { QueueUrl: queueUrl } = await sqs.send(
      new CreateQueueCommand({ QueueName: `photo-queue-${Date.now()}` }),
    );
    const receive = () =>
      sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
      );
    Object.assign(config(), { PHOTO_QUEUE_URL: queueUrl });
    try {
      const seller = await approvedSeller();
      const product = await createProduct(seller.token);
      const photoId = await uploadOnly(seller.token, product.id, await jpegWithGps());
      const before = await getProduct(product.id);

      const accepted = await confirmOnAws(seller.token, product.id, photoId);
      expect(accepted.status).toBe(202);
      const { Messages: sent = [] } = await receive();
      expect(sent).toHaveLength(1);
      const message = JSON.parse(sent[0]?.Body ?? '{}');
      // what the S3 event puts there: the processor reads detail.object.key
      expect(message).toMatchObject({
        'detail-type': 'Object Created',
        detail: {
          bucket: { name: runtime.uploadsBucket },
          object: { key: incomingPhotoKey(product.id, photoId) },
        },
      });

      // the S3 event and confirm's message, delivered at once (two processor invocations)
      const fromConfirm = sqsRecord(message, { region: 'ap-southeast-3' });
      const results = await Promise.all([
        processPhoto({ Records: [fromConfirm] }),
        deliverS3Event(product.id, photoId),
      ]);
      expect(results).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
      const after = await getProduct(product.id);
      const photo = after.photos.find((p) => p.id === photoId);
      expect(photo?.status).toBe('ready');
      // ready once: one change of the photo list after the upload's slot
      expect(after.photoRev).toBe(before.photoRev + 1);
      const listed = await s3.send(
        new ListObjectsV2Command({ Bucket: runtime.photosBucket, Prefix: `photos/products/${product.id}/` }),
      );
      expect((listed.Contents ?? []).map((o) => o.Key).sort()).toEqual(
        photo?.variants?.map((v) => v.key).sort(),
      );
      expect(photo?.variants).toHaveLength(3);
      await expect(
        s3.send(
          new HeadObjectCommand({
            Bucket: runtime.uploadsBucket,
            Key: originalPhotoKey(product.id, photoId),
          }),
        ),
      ).resolves.toBeTruthy();

      // a late redelivery of either changes nothing; confirm now answers 200 and sends nothing
      expect(await processPhoto({ Records: [fromConfirm] })).toEqual({ batchItemFailures: [] });
      expect((await getProduct(product.id)).photoRev).toBe(after.photoRev);
      expect((await confirmOnAws(seller.token, product.id, photoId)).status).toBe(200);
      expect((await receive()).Messages ?? []).toEqual([]);
    } finally {
      Object.assign(config(), { PHOTO_QUEUE_URL: undefined });
    }
  });

  it('a retry after the upload was moved processes the kept original (no photo stuck in processing)', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token);
    const photoId = await uploadOnly(seller.token, product.id, await jpegWithGps());
    const { copyObject, deleteObject } = await import('../../functions/lib/s3-objects');
    const { incomingPhotoKey, originalPhotoKey } = await import('../../functions/products/photo-store');
    // a first run moved the upload to originals/ and then failed before marking the photo ready
    await copyObject(
      runtime.uploadsBucket,
      incomingPhotoKey(product.id, photoId),
      originalPhotoKey(product.id, photoId),
    );
    await deleteObject(runtime.uploadsBucket, incomingPhotoKey(product.id, photoId));
    expect(await deliverS3Event(product.id, photoId, 2)).toEqual({ batchItemFailures: [] });
    const got = await call('GET', `/products/${product.id}`, { token: seller.token });
    expect(got.data.photos[0]).toMatchObject({ id: photoId, status: 'ready' });
  });

  it('the local runtime announces the upload at the key the processor reads', async () => {
    const { incomingPhotoKey } = await import('../../functions/products/photo-store');
    expect(localS3Notifications['photos.confirm']?.key).toBe(incomingPhotoKey('{id}', '{photoId}'));
  });
});

describe('photo lifecycle: delete, abandoned slots, giving up, failed entries', () => {
  const objectExists = async (bucket: string, key: string) => {
    const { headObject } = await import('../../functions/lib/s3-objects');
    return (await headObject(bucket, key)) !== undefined;
  };

  it('DELETE removes the photo, its variants and its original; the last ready photo of a published product is refused', async () => {
    const { originalPhotoKey } = await import('../../functions/products/photo-store');
    const { config } = await import('../../functions/lib/config');
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Tas Anyaman Pandan' });
    const first = await uploadPhoto(seller.token, product.id, await jpegWithGps());
    const second = await uploadPhoto(seller.token, product.id, await pngBytes({ width: 900, height: 600 }));
    const published = await publish(seller.token, product);
    expect(published.status).toBe(200);
    const photo = published.data.photos.find((p: { id: string }) => p.id === second.photoId);
    const variantKeys = photo.variants.map((v: { url: string }) => new URL(v.url).pathname.slice(1));
    expect(variantKeys.length).toBeGreaterThan(0);
    for (const key of variantKeys) expect(await objectExists(config().PHOTOS_BUCKET, key)).toBe(true);
    expect(await objectExists(config().UPLOADS_BUCKET, originalPhotoKey(product.id, second.photoId))).toBe(
      true,
    );

    // others cannot: another seller of the village, the officer, anonymous
    const other = await approvedSeller();
    const path = `/products/${product.id}/photos/${second.photoId}`;
    expect((await call('DELETE', path, { token: other.token })).status).toBe(403);
    expect((await call('DELETE', path, { token: officer })).status).toBe(403);
    expect((await call('DELETE', path)).status).toBe(401);

    const gone = await call('DELETE', path, { token: seller.token });
    expect(gone.status, gone.text).toBe(200);
    expect(gone.data.photos.map((p: { id: string }) => p.id)).toEqual([first.photoId]);
    for (const key of variantKeys) expect(await objectExists(config().PHOTOS_BUCKET, key)).toBe(false);
    expect(await objectExists(config().UPLOADS_BUCKET, originalPhotoKey(product.id, second.photoId))).toBe(
      false,
    );
    expect((await call('DELETE', path, { token: seller.token })).status).toBe(404);
    // the public view and the search follow
    expect((await call('GET', `/products/${product.id}`)).data.photos).toHaveLength(1);

    const last = await call('DELETE', `/products/${product.id}/photos/${first.photoId}`, {
      token: seller.token,
    });
    expect(last.status).toBe(409);
    expect(last.data.error.code).toBe('last_photo');
    const still = await call('GET', `/products/${product.id}`, { token: seller.token });
    expect(still.data).toMatchObject({ status: 'published', visibility: 'public' });
    expect(still.data.photos).toHaveLength(1);
    // hidden, the last photo may go
    await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: still.data.version, status: 'hidden' },
    });
    const ok = await call('DELETE', `/products/${product.id}/photos/${first.photoId}`, {
      token: seller.token,
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.data.photos).toEqual([]);
  });

  it('upload slots whose form expired unused stop counting toward the 5-photo limit', async () => {
    const { createPhoto } = await import('../../functions/products/photo-store');
    const { getProduct } = await import('../../functions/products/store');
    const seller = await approvedSeller();
    const product = await createProduct(seller.token);
    // one slot gets its bytes (not yet processed), four are never used
    const uploaded = await uploadOnly(seller.token, product.id, await jpegWithGps());
    for (let i = 0; i < 4; i++) await uploadOnly(seller.token, product.id, undefined);
    const full = await call('POST', `/products/${product.id}/photos`, {
      token: seller.token,
      json: { contentType: 'image/jpeg', size: 1000 },
    });
    expect(full.status).toBe(422);
    expect(full.data.error.code).toBe('too_many_photos');
    // 20 minutes later the unused forms have expired: they are dropped, the uploaded one stays
    const later = new Date(Date.now() + 20 * 60 * 1000);
    const fresh = await createPhoto(
      await getProduct(product.id),
      { contentType: 'image/jpeg', size: 1000 },
      later,
    );
    const photos = (await getProduct(product.id)).photos.map((p) => p.id).sort();
    expect(photos).toEqual([uploaded, fresh.photoId].sort());
  });

  it("after the processor's last delivery fails, the photo is failed (processing_failed), not processing forever", async () => {
    const { config } = await import('../../functions/lib/config');
    const seller = await approvedSeller();
    const product = await createProduct(seller.token);
    const photoId = await uploadOnly(seller.token, product.id, await jpegWithGps());
    const bucket = config().PHOTOS_BUCKET;
    // the variants cannot be written: an unexpected (retryable) failure
    config().PHOTOS_BUCKET = 'no-such-bucket-here';
    try {
      const firstTry = await deliverS3Event(product.id, photoId, 1);
      expect(firstTry.batchItemFailures).toHaveLength(1);
      const mid = await call('GET', `/products/${product.id}`, { token: seller.token });
      expect(mid.data.photos).toEqual([{ id: photoId, status: 'processing' }]);
      expect(await deliverS3Event(product.id, photoId, 3)).toEqual({ batchItemFailures: [] });
    } finally {
      config().PHOTOS_BUCKET = bucket;
    }
    const got = await call('GET', `/products/${product.id}`, { token: seller.token });
    expect(got.data.photos).toEqual([{ id: photoId, status: 'failed', reason: 'processing_failed' }]);
  });

  it('keeps only the 3 newest failed photos on a product', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token);
    const failed: string[] = [];
    for (let i = 0; i < 5; i++)
      failed.push((await uploadPhoto(seller.token, product.id, svgBytes())).photoId);
    const got = await call('GET', `/products/${product.id}`, { token: seller.token });
    const ids = got.data.photos.map((p: { id: string }) => p.id);
    expect(ids).toHaveLength(3);
    expect(got.data.photos.every((p: { status: string }) => p.status === 'failed')).toBe(true);
    expect(ids).not.toContain(failed[0]);
  });

  it('a suspended or rejected seller gets no upload form (409 seller_not_active), and writes nothing', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token);
    const suspend = await call('POST', `/sellers/${seller.id}/transitions`, {
      token: officer,
      json: { to: 'suspended', reason: 'Diperiksa dulu' },
    });
    expect(suspend.status).toBe(200);
    const refused = await call('POST', `/products/${product.id}/photos`, {
      token: seller.token,
      json: { contentType: 'image/jpeg', size: 1000 },
    });
    expect(refused.status).toBe(409);
    expect(refused.data.error.code).toBe('seller_not_active');
    expect((await call('GET', `/products/${product.id}`, { token: seller.token })).data.photos).toEqual([]);
  });
});
