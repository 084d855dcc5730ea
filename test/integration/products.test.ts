/**
 * Sellers and products end to end over the embedded servers (DynamoDB Local, the S3 server, the
 * adapter, the site server that delivers photos), with real images uploaded by presigned POST.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { localS3Notifications, objectCreatedEvent, sqsRecord } from '../../infra/local/s3-events';
import { GPS_FIXTURE, htmlBytes, jpegWithGps, pngBytes, svgBytes } from '../fixtures/images';
import { confirmOnAws } from '../support/direct';
import { client, KEMIREN, signIn, startRuntime, TAMANSARI } from '../support/runtime';

let runtime: LocalRuntime;
let call: ReturnType<typeof client>;
let officer: string;
let kemirenOfficer: string;
let kemirenSeller: string;

const PASSWORD = 'Kopi-Ijen-2026!';
let n = 0;
const registration = (over: Record<string, unknown> = {}) => ({
  businessName: `Keripik Pisang Bu Sri ${++n}`,
  ownerName: 'Sri Wahyuni',
  whatsapp: `08135550${String(1000 + n)}`,
  kind: 'umkm',
  description: 'Keripik pisang agung khas Licin, digoreng tiap pagi.',
  location: 'Dusun Krajan',
  password: PASSWORD,
  ...over,
});

async function signInAs(username: string, password: string) {
  const res = await call('POST', '/local/token', { json: { username, password } });
  expect(res.status, res.text).toBe(200);
  return res.data.idToken as string;
}

/**
 * A registered and approved seller of Tamansari with its token. Registered through the domain (the
 * route itself is tested above): the public route allows 20 registrations per address per 10 minutes,
 * fewer than this file needs. Approved through the route.
 */
async function approvedSeller() {
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

const productBody = (over: Record<string, unknown> = {}) => ({
  name: 'Keripik Pisang Agung',
  description: { id: 'Keripik pisang agung renyah, tanpa pengawet.', en: 'Crispy plantain chips.' },
  category: 'food_drink',
  price: 15000,
  unit: 'bungkus',
  ...over,
});

async function createProduct(token: string, over: Record<string, unknown> = {}, village = TAMANSARI) {
  const res = await call('POST', `/villages/${village}/products`, { token, json: productBody(over) });
  expect(res.status, res.text).toBe(201);
  return res.data;
}

/** A photo slot and its presigned POST; the bytes uploaded to S3 unless `bytes` is undefined. */
async function uploadOnly(
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
async function uploadPhoto(token: string, productId: string, bytes: Buffer, declared = 'image/jpeg') {
  const photoId = await uploadOnly(token, productId, bytes, declared);
  const confirmed = await call('POST', `/products/${productId}/photos/${photoId}/confirm`, { token });
  return { photoId, confirmed };
}

/** What AWS delivers after an upload: the EventBridge "Object Created" event in an SQS record. */
async function deliverS3Event(productId: string, photoId: string, receiveCount = 1) {
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

async function publish(token: string, product: { id: string }) {
  const current = await call('GET', `/products/${product.id}`, { token });
  const res = await call('PATCH', `/products/${product.id}`, {
    token,
    json: { version: current.data.version, status: 'published' },
  });
  return res;
}

beforeAll(async () => {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
  kemirenOfficer = await signIn(runtime.apiUrl, 'officer@kemiren-glagah');
  kemirenSeller = await signIn(runtime.apiUrl, 'seller@kemiren-glagah');
}, 120_000);
afterAll(async () => {
  await runtime?.stop();
});

describe('seller registration and moderation', () => {
  it('registers pending, signs in, prepares drafts, but cannot publish until approved', async () => {
    const body = registration();
    const reg = await call('POST', `/villages/${TAMANSARI}/sellers`, { json: body });
    expect(reg.status, reg.text).toBe(201);
    expect(reg.data).toEqual({ id: expect.any(String), status: 'pending' });
    // the username is the WhatsApp number, normalised; typed as villagers type it, it signs in too
    const token = await signInAs(`+62${String(body.whatsapp).slice(1)}`, PASSWORD);
    const local = String(body.whatsapp);
    for (const typed of [
      local,
      `62${local.slice(1)}`,
      `${local.slice(0, 4)}-${local.slice(4, 8)} ${local.slice(8)}`,
    ]) {
      const again = JSON.parse(
        Buffer.from((await signInAs(typed, PASSWORD)).split('.')[1] ?? '', 'base64url').toString(),
      );
      expect(again['cognito:username'], typed).toBe(`+62${local.slice(1)}`);
    }
    const wrong = await call('POST', '/local/token', {
      json: { username: local, password: 'Salah-Sandi-1' },
    });
    expect(wrong.status).toBe(401);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({
      'cognito:groups': ['seller'],
      'custom:village': TAMANSARI,
      'custom:seller': reg.data.id,
    });
    const draft = await createProduct(token);
    expect(draft).toMatchObject({ status: 'draft', version: 1, visibility: 'private' });
    const refused = await call('PATCH', `/products/${draft.id}`, {
      token,
      json: { version: 1, status: 'published' },
    });
    expect(refused.status).toBe(409);
    expect(refused.data.error.code).toBe('seller_not_approved');

    // the officer of another village cannot decide; the village's own can
    const foreign = await call('POST', `/sellers/${reg.data.id}/transitions`, {
      token: kemirenOfficer,
      json: { to: 'approved' },
    });
    expect(foreign.status).toBe(403);
    const noReason = await call('POST', `/sellers/${reg.data.id}/transitions`, {
      token: officer,
      json: { to: 'rejected' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.data.error.fields).toEqual([{ path: 'reason', message: expect.any(String) }]);
    const approved = await call('POST', `/sellers/${reg.data.id}/transitions`, {
      token: officer,
      json: { to: 'approved' },
    });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.data).toMatchObject({ status: 'approved', version: 2 });
    const queue = await call('GET', `/villages/${TAMANSARI}/sellers?status=approved`, { token: officer });
    expect(queue.data.items.map((s: { id: string }) => s.id)).toContain(reg.data.id);
  });

  it('a retry answers the same seller; another business with the same number gets 409; bad input names the field', async () => {
    const body = registration();
    const first = await call('POST', `/villages/${TAMANSARI}/sellers`, { json: body });
    const retry = await call('POST', `/villages/${TAMANSARI}/sellers`, { json: body });
    expect(retry.status).toBe(201);
    expect(retry.data.id).toBe(first.data.id);
    const taken = await call('POST', `/villages/${TAMANSARI}/sellers`, {
      json: { ...body, businessName: 'Usaha Lain' },
    });
    expect(taken.status).toBe(409);
    expect(taken.data.error.code).toBe('seller_exists');

    const bad = await call('POST', `/villages/${TAMANSARI}/sellers`, {
      json: registration({ whatsapp: '12345', password: 'pendek', kind: 'pt' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.data.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'kind',
      'password',
      'whatsapp',
    ]);
    // the password is never echoed back
    expect(bad.text).not.toContain('pendek');
  });
});

describe('photos', () => {
  it('strips EXIF GPS, auto-rotates, and serves WebP variants of the promised widths', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token);
    const original = await jpegWithGps({ width: 1600, height: 1200, orientation: 6 });
    expect(original.includes(Buffer.from('GPS'))).toBe(true);
    const { confirmed, photoId } = await uploadPhoto(seller.token, product.id, original);
    expect(confirmed.status, confirmed.text).toBe(200);
    const photo = confirmed.data.photos.find((p: { id: string }) => p.id === photoId);
    expect(photo.status).toBe('ready');
    expect(photo.variants.map((v: { width: number }) => v.width)).toEqual([320, 640, 1200]);
    for (const v of photo.variants) {
      const res = await fetch(v.url);
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.width).toBe(v.width);
      // the orientation-6 landscape comes out portrait
      expect(meta.height).toBeGreaterThan(meta.width ?? 0);
      expect(meta.exif).toBeUndefined();
      expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
      expect(bytes.toString('latin1')).not.toContain(String(GPS_FIXTURE.latitude).slice(0, 5));
    }
    expect(photo.placeholder).toMatch(/^data:image\/webp;base64,/);
    // confirming again is harmless
    const again = await call('POST', `/products/${product.id}/photos/${photoId}/confirm`, {
      token: seller.token,
    });
    expect(again.data.photos).toEqual(confirmed.data.photos);
  });

  it('handles a PNG declared as JPEG by its real type, and refuses SVG and HTML whatever they claim', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token);
    const png = await uploadPhoto(seller.token, product.id, await pngBytes({ width: 900, height: 600 }));
    expect(png.confirmed.data.photos.find((p: { id: string }) => p.id === png.photoId)).toMatchObject({
      status: 'ready',
    });
    for (const bytes of [svgBytes(), htmlBytes()]) {
      const bad = await uploadPhoto(seller.token, product.id, bytes);
      expect(bad.confirmed.data.photos.find((p: { id: string }) => p.id === bad.photoId)).toEqual({
        id: bad.photoId,
        status: 'failed',
        reason: 'unsupported_type',
      });
    }
    // a browser uploading with fetch() from the site's origin: the presigned URL answers CORS
    const form = await call('POST', `/products/${product.id}/photos`, {
      token: seller.token,
      json: { contentType: 'image/png', size: 1000 },
    });
    const preflight = await fetch(form.data.url, {
      method: 'OPTIONS',
      headers: { origin: runtime.siteUrl, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBeTruthy();
    const svgDeclared = await call('POST', `/products/${product.id}/photos`, {
      token: seller.token,
      json: { contentType: 'image/svg+xml', size: 100 },
    });
    expect(svgDeclared.status).toBe(400);
    expect(svgDeclared.data.error.fields[0].path).toBe('contentType');
    // a photo is never a PDF: the message lists what a photo may be (documents may be PDFs)
    expect(svgDeclared.data.error.fields[0].message).toBe('hanya foto JPEG, PNG atau WebP');
    const pdfDeclared = await call('POST', `/products/${product.id}/photos`, {
      token: seller.token,
      json: { contentType: 'application/pdf', size: 100 },
      headers: { 'accept-language': 'en' },
    });
    expect(pdfDeclared.status).toBe(400);
    expect(pdfDeclared.data.error.fields).toEqual([
      { path: 'contentType', message: 'only JPEG, PNG or WebP photos' },
    ]);
    const tooBig = await call('POST', `/products/${product.id}/photos`, {
      token: seller.token,
      json: { contentType: 'image/jpeg', size: 9 * 1024 * 1024 },
    });
    expect(tooBig.status).toBe(400);
  });
});

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
    const { dynamo } = await import('../../functions/lib/aws');
    const { messageQueue } = await import('../../functions/lib/sqs');
    const { s3 } = await import('../../functions/lib/s3');
    const { getProduct } = await import('../../functions/products/store');
    const { incomingPhotoKey, originalPhotoKey } = await import('../../functions/products/photo-store');
    const { handler: processPhoto } = await import('../../functions/products/handlers/process-photo');
    const { ListObjectsV2Command, HeadObjectCommand } = await import('@aws-sdk/client-s3');
    // fauxqs (the local S3 server) speaks SQS too: the processor's queue, as on AWS
    const sqs = messageQueue({
      region: 'ap-southeast-3',
      credentials: async () => ({ accessKeyId: 'local', secretAccessKey: 'local' }),
      transport: dynamo.config.requestHandler as never,
      endpoint: runtime.s3Endpoint,
    });
    const { QueueUrl: queueUrl } = await sqs.call<{ QueueUrl: string }>('CreateQueue', {
      QueueName: `photo-queue-${Date.now()}`,
    });
    const receive = () =>
      sqs.call<{ Messages?: { Body: string; ReceiptHandle: string }[] }>('ReceiveMessage', {
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
      });
    Object.assign(config, { PHOTO_QUEUE_URL: queueUrl, SQS_ENDPOINT: runtime.s3Endpoint });
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
      Object.assign(config, { PHOTO_QUEUE_URL: undefined, SQS_ENDPOINT: undefined });
    }
  });

  it('a retry after the upload was moved processes the kept original (no photo stuck in processing)', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token);
    const photoId = await uploadOnly(seller.token, product.id, await jpegWithGps());
    const { copyObject, deleteObject } = await import('../../functions/lib/s3');
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

describe('publishing, listings and regency-wide search', () => {
  it('publishes with a photo; search finds it from any village; hiding removes it everywhere', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, {
      name: 'Madu Hutan Raung Tamansari',
      category: 'produce',
    });
    const noPhoto = await publish(seller.token, product);
    expect(noPhoto.status).toBe(422);
    expect(noPhoto.data.error.code).toBe('photo_required');
    await uploadPhoto(seller.token, product.id, await jpegWithGps());
    const published = await publish(seller.token, product);
    expect(published.status, published.text).toBe(200);
    expect(published.data).toMatchObject({ status: 'published', visibility: 'public' });
    expect(decodeURIComponent(published.data.whatsappUrl)).toMatch(
      /^https:\/\/wa\.me\/62813\d+\?text=.*Madu Hutan Raung Tamansari.*Desa Tamansari/,
    );

    const anonymous = await call('GET', `/products/${product.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.data).not.toHaveProperty('version');
    const list = await call('GET', `/villages/${TAMANSARI}/products?category=produce`);
    expect(list.data.items.map((p: { id: string }) => p.id)).toContain(product.id);

    // regency-wide: a prefix of one word and another word, any village's product
    const found = await call('GET', '/products/search?q=madu%20rau');
    expect(found.status).toBe(200);
    expect(found.data.items).toEqual([
      expect.objectContaining({
        id: product.id,
        village: expect.objectContaining({ code: TAMANSARI, name: 'Tamansari', slug: 'tamansari-licin' }),
      }),
    ]);
    const kopi = await call('GET', '/products/search?q=kopi&category=coffee');
    const villages = new Set(kopi.data.items.map((i: { village: { code: string } }) => i.village.code));
    expect(villages).toEqual(new Set([TAMANSARI, KEMIREN]));
    // a browser gets the results page under the portal's header, with the portal's full-width inputs
    const page = await call('GET', '/products/search?q=madu&category=', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Madu Hutan Raung Tamansari');
    expect(page.text).toMatch(
      /<header class="top"><div><a class="brand" href="http[^"]+\/"><b>[^<]*Banyuwangi<\/b>/,
    );
    expect(page.text).toContain('<link rel="icon" href="data:,">');
    expect(page.text).toMatch(/input\[type=search\],select\{display:block;width:100%;min-height:48px/);
    const otherCategory = await call('GET', '/products/search?q=madu&category=crafts');
    expect(otherCategory.data.items).toEqual([]);

    const hidden = await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: published.data.version, status: 'hidden' },
    });
    expect(hidden.status).toBe(200);
    expect((await call('GET', '/products/search?q=madu')).data.items).toEqual([]);
    const after = await call('GET', `/villages/${TAMANSARI}/products?category=produce`);
    expect(after.data.items.map((p: { id: string }) => p.id)).not.toContain(product.id);
    expect((await call('GET', `/products/${product.id}`)).status).toBe(404);
    // the owner still sees it, with its photo states
    const own = await call('GET', `/products/${product.id}`, { token: seller.token });
    expect(own.data).toMatchObject({
      status: 'hidden',
      photos: [expect.objectContaining({ status: 'ready' })],
    });
  });

  it('a suspended seller vanishes from every public list until reinstated', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Tape Singkong Licin' });
    const { confirmed } = await uploadPhoto(seller.token, product.id, await jpegWithGps());
    const urls: string[] = confirmed.data.photos[0].variants.map((v: { url: string }) => v.url);
    const statuses = async () => Promise.all(urls.map(async (url) => (await fetch(url)).status));
    expect((await publish(seller.token, product)).status).toBe(200);
    expect((await call('GET', '/products/search?q=tape')).data.items).toHaveLength(1);
    expect(await statuses()).toEqual([200, 200, 200]);

    const suspended = await call('POST', `/sellers/${seller.id}/transitions`, {
      token: officer,
      json: { to: 'suspended', reason: 'Keluhan pembeli sedang diperiksa' },
    });
    expect(suspended.status, suspended.text).toBe(200);
    expect((await call('GET', '/products/search?q=tape')).data.items).toEqual([]);
    expect((await call('GET', `/products/${product.id}`)).status).toBe(404);
    // its photos too (the variant URLs, what CloudFront serves on AWS)
    expect(await statuses()).toEqual([404, 404, 404]);
    const blocked = await call('POST', `/villages/${TAMANSARI}/products`, {
      token: seller.token,
      json: productBody(),
    });
    expect(blocked.status).toBe(409);

    await call('POST', `/sellers/${seller.id}/transitions`, { token: officer, json: { to: 'approved' } });
    expect((await call('GET', '/products/search?q=tape')).data.items).toHaveLength(1);
    expect(await statuses()).toEqual([200, 200, 200]);
  });

  it('the officer takes a product down with a reason; the seller cannot put it back', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Jamu Kunyit Asam' });
    const { confirmed } = await uploadPhoto(seller.token, product.id, await jpegWithGps());
    const urls: string[] = confirmed.data.photos[0].variants.map((v: { url: string }) => v.url);
    const statuses = async () => Promise.all(urls.map(async (url) => (await fetch(url)).status));
    expect(await statuses()).toEqual([200, 200, 200]);
    const published = await publish(seller.token, product);
    const down = await call('PATCH', `/products/${product.id}`, {
      token: officer,
      json: { version: published.data.version, status: 'taken_down', reason: 'Izin PIRT belum ada' },
    });
    expect(down.status, down.text).toBe(200);
    expect(down.data).toMatchObject({
      status: 'taken_down',
      reason: 'Izin PIRT belum ada',
      visibility: 'private',
    });
    const back = await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: down.data.version, status: 'published' },
    });
    expect(back.status).toBe(409);
    expect(back.data.error.code).toBe('product_taken_down');
    // its photos left the public with it (the variant URLs, what CloudFront serves on AWS)
    expect(await statuses()).toEqual([404, 404, 404]);

    // reinstated by the officer (taken_down → hidden): the variants come back, the seller republishes
    const reinstated = await call('PATCH', `/products/${product.id}`, {
      token: officer,
      json: { version: down.data.version, status: 'hidden' },
    });
    expect(reinstated.status, reinstated.text).toBe(200);
    expect(await statuses()).toEqual([200, 200, 200]);
    const again = await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: reinstated.data.version, status: 'published' },
    });
    expect(again.status, again.text).toBe(200);
  });

  it('on AWS (mocked AWS: CloudFront answered in-process) a take-down invalidates the edges’ copies, a reinstatement does not; a failed invalidation is logged and the take-down stands', async () => {
    const { dynamo } = await import('../../functions/lib/aws');
    const { config } = await import('../../functions/lib/config');
    const { logOutput } = await import('../../functions/lib/log');
    const transport = dynamo.config.requestHandler as unknown as {
      handle(
        request: { hostname: string; method: string; path: string; body?: unknown },
        options?: unknown,
      ): Promise<unknown>;
    };
    const original = transport.handle;
    const sent: { method: string; path: string; body: string }[] = [];
    let answer = 201;
    transport.handle = async function (this: unknown, request, options) {
      if (request.hostname !== 'cloudfront.amazonaws.com') return original.call(this, request, options);
      sent.push({ method: request.method, path: request.path, body: String(request.body) });
      return {
        response: {
          statusCode: answer,
          headers: {},
          body:
            answer === 201
              ? '<Invalidation><Id>I1</Id></Invalidation>'
              : '<ErrorResponse><Error><Code>AccessDenied</Code></Error></ErrorResponse>',
        },
      };
    };
    const lines: string[] = [];
    const { level, write } = logOutput;
    Object.assign(logOutput, { level: 'error', write: (_: string, line: string) => lines.push(line) });
    Object.assign(config, { DISTRIBUTION_ID: 'EPRODUCTSTEST1' });
    try {
      const seller = await approvedSeller();
      const product = await createProduct(seller.token, { name: 'Kopi Lanang' });
      await uploadPhoto(seller.token, product.id, await jpegWithGps());
      const published = await publish(seller.token, product);
      expect(sent).toEqual([]);
      const down = await call('PATCH', `/products/${product.id}`, {
        token: officer,
        json: { version: published.data.version, status: 'taken_down', reason: 'Audit' },
      });
      expect(down.status, down.text).toBe(200);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.method).toBe('POST');
      expect(sent[0]?.path).toBe('/2020-05-31/distribution/EPRODUCTSTEST1/invalidation');
      // every variant of its photo by its own path (no wildcard: CloudFront runs only 15 of those at once)
      const paths = [...(sent[0]?.body ?? '').matchAll(/<Path>([^<]*)<\/Path>/g)].map((m) => m[1]);
      expect(paths.length).toBeGreaterThanOrEqual(3);
      for (const path of paths)
        expect(path).toMatch(new RegExp(`^/photos/products/${product.id}/[^*]+\\.webp$`));
      expect(sent[0]?.body).toContain(`<Quantity>${paths.length}</Quantity>`);
      const reinstated = await call('PATCH', `/products/${product.id}`, {
        token: officer,
        json: { version: down.data.version, status: 'hidden' },
      });
      expect(reinstated.status, reinstated.text).toBe(200);
      expect(sent).toHaveLength(1);
      // CloudFront refuses (not retried): the take-down is still the answer, the failure a log line
      answer = 403;
      const again = await call('PATCH', `/products/${product.id}`, {
        token: officer,
        json: { version: reinstated.data.version, status: 'taken_down', reason: 'Audit' },
      });
      expect(again.status, again.text).toBe(200);
      expect(again.data.status).toBe('taken_down');
      expect(sent).toHaveLength(2);
      const failed = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'photos.invalidation_failed');
      expect(failed).toEqual([
        expect.objectContaining({ level: 'error', productId: product.id, error: 'AccessDenied' }),
      ]);
      expect(Object.keys(failed[0]).sort()).toEqual(['error', 'level', 'msg', 'productId', 'time']);
    } finally {
      transport.handle = original;
      Object.assign(config, { DISTRIBUTION_ID: undefined });
      Object.assign(logOutput, { level, write });
    }
  });
});

describe('ownership, concurrency, retries', () => {
  it('a seller of village A cannot list in village B nor touch another seller’s product', async () => {
    const seller = await approvedSeller();
    const other = await call('POST', `/villages/${KEMIREN}/products`, {
      token: seller.token,
      json: productBody(),
    });
    expect(other.status).toBe(403);
    const product = await createProduct(seller.token);
    const foreign = await call('PATCH', `/products/${product.id}`, {
      token: kemirenSeller,
      json: { version: 1, name: 'Dibajak' },
    });
    expect(foreign.status).toBe(403);
    const sameVillage = await approvedSeller();
    const notMine = await call('PATCH', `/products/${product.id}`, {
      token: sameVillage.token,
      json: { version: 1, name: 'Dibajak' },
    });
    expect(notMine.status).toBe(403);
    const photo = await call('POST', `/products/${product.id}/photos`, {
      token: sameVillage.token,
      json: { contentType: 'image/jpeg', size: 1000 },
    });
    expect(photo.status).toBe(403);
    expect((await call('GET', `/products/${product.id}`, { token: sameVillage.token })).status).toBe(404);
  });

  it('a stale version gets 409 and changes nothing; an Idempotency-Key retry creates one product', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token);
    const first = await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: 1, price: 17000 },
    });
    expect(first.status).toBe(200);
    const stale = await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: 1, price: 1 },
    });
    expect(stale.status).toBe(409);
    const now = await call('GET', `/products/${product.id}`, { token: seller.token });
    expect(now.data).toMatchObject({ price: 17000, version: 2 });

    const headers = { 'idempotency-key': `create-${Date.now()}` };
    const a = await call('POST', `/villages/${TAMANSARI}/products`, {
      token: seller.token,
      json: productBody(),
      headers,
    });
    const b = await call('POST', `/villages/${TAMANSARI}/products`, {
      token: seller.token,
      json: productBody(),
      headers,
    });
    expect(a.status).toBe(201);
    expect(b.data.id).toBe(a.data.id);
    const mine = await call('GET', `/sellers/${seller.id}/products`, { token: seller.token });
    expect(mine.data.items).toHaveLength(2);
  });

  it('bad product input names the field and writes nothing', async () => {
    const seller = await approvedSeller();
    const bad = await call('POST', `/villages/${TAMANSARI}/products`, {
      token: seller.token,
      json: productBody({ price: 12.5, category: 'weapons', discountPrice: 20000 }),
    });
    expect(bad.status).toBe(400);
    expect(bad.data.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['category', 'price']);
    const discount = await call('POST', `/villages/${TAMANSARI}/products`, {
      token: seller.token,
      json: productBody({ discountPrice: 20000 }),
    });
    expect(discount.status).toBe(400);
    expect(discount.data.error.fields[0].path).toBe('discountPrice');
    expect((await call('GET', `/sellers/${seller.id}/products`, { token: seller.token })).data.items).toEqual(
      [],
    );
  });
});

describe('the site signal', () => {
  it('a publish marks the village out of date; a burst is one pending rebuild', async () => {
    const { pendingSites, markPublished } = await import('../../functions/sites/signal');
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Gula Semut Tamansari' });
    await uploadPhoto(seller.token, product.id, await jpegWithGps());
    await publish(seller.token, product);
    const pending = await pendingSites('35.10', new Date(Date.now() + 1000), 0);
    const tamansari = pending.filter((p) => p.villageCode === TAMANSARI);
    expect(tamansari).toHaveLength(1);
    // a change after the publisher read the signal keeps the village dirty
    const seen = tamansari[0]?.lastChangeAt ?? '';
    const current = await call('GET', `/products/${product.id}`, { token: seller.token });
    await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: current.data.version, price: 9000 },
    });
    expect(await markPublished({ code: TAMANSARI, regencyCode: '35.10' }, seen, new Date())).toBe(false);
    const still = await pendingSites('35.10', new Date(Date.now() + 1000), 0);
    const latest = still.find((p) => p.villageCode === TAMANSARI);
    expect(latest).toBeDefined();
    expect(
      await markPublished({ code: TAMANSARI, regencyCode: '35.10' }, latest?.lastChangeAt ?? '', new Date()),
    ).toBe(true);
    expect(
      (await pendingSites('35.10', new Date(Date.now() + 1000), 0)).some((p) => p.villageCode === TAMANSARI),
    ).toBe(false);
  });
});

describe('empty query values are absent (a plain form sends `category=` for "all")', () => {
  it('search and the village listing answer 200 to `category=`, like no category at all', async () => {
    const search = await call('GET', '/products/search?q=kopi&category=&cursor=');
    expect(search.status, search.text).toBe(200);
    const all = await call('GET', '/products/search?q=kopi');
    expect(search.data.items.map((i: { id: string }) => i.id)).toEqual(
      all.data.items.map((i: { id: string }) => i.id),
    );
    expect(search.data.items.length).toBeGreaterThan(0);
    const list = await call('GET', `/villages/${TAMANSARI}/products?category=&cursor=&limit=`);
    expect(list.status, list.text).toBe(200);
    const plain = await call('GET', `/villages/${TAMANSARI}/products`);
    expect(list.data.items.map((i: { id: string }) => i.id)).toEqual(
      plain.data.items.map((i: { id: string }) => i.id),
    );
    // a value that is there is still checked
    expect((await call('GET', '/products/search?q=kopi&category=weapons')).status).toBe(400);
  });
});

describe('search index: what it keeps, and when it changes', () => {
  const ids = (res: { data: { items: { id: string }[] } }) => res.data.items.map((i) => i.id);

  it('a 45-word description does not push category, seller or village out of the index', async () => {
    const seller = await approvedSeller();
    const words = Array.from({ length: 45 }, (_, i) => `kata${String.fromCharCode(97 + (i % 26))}${i}`);
    const product = await createProduct(seller.token, {
      name: 'Bubuk Arjasari Robusta',
      category: 'coffee',
      description: { id: words.join(' '), en: 'Ground robusta.' },
    });
    await uploadPhoto(seller.token, product.id, await jpegWithGps());
    expect((await publish(seller.token, product)).status).toBe(200);
    // category label (id and en), village and seller name are each a key word of the search
    for (const q of ['kopi', 'coffee', 'tamansari', 'keripik']) {
      const found = await call('GET', `/products/search?q=${q}&limit=100`);
      expect(ids(found), q).toContain(product.id);
    }
    // each result carries the order link, naming the product and the village by its kind
    const result = (await call('GET', '/products/search?q=arjasari')).data.items[0];
    expect(result.id).toBe(product.id);
    expect(decodeURIComponent(result.whatsappUrl)).toMatch(
      /^https:\/\/wa\.me\/62813\d+\?text=.*Bubuk Arjasari Robusta.*dari Desa Tamansari\./,
    );
    // the description still counts, while room is left
    expect(ids(await call('GET', '/products/search?q=kataa0&limit=100'))).toContain(product.id);
  });

  it('a seller transition that committed answers 200 even when the relist keeps conflicting; repeating it repairs', async () => {
    const { saveHooks } = await import('../../functions/products/save');
    const { Conflict } = await import('../../functions/lib/errors');
    const { logOutput } = await import('../../functions/lib/log');
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Gula Aren Wonorejo' });
    await uploadPhoto(seller.token, product.id, await jpegWithGps());
    expect((await publish(seller.token, product)).status).toBe(200);
    const findable = async () =>
      (await call('GET', '/products/search?q=wonorejo')).data.items.some(
        (i: { id: string }) => i.id === product.id,
      );
    expect(await findable()).toBe(true);
    // every relist write of this seller's product loses to a concurrent change
    saveHooks.beforeWrite = async (next) => {
      if (next.sellerId === seller.id) throw new Conflict('error.version_conflict', 'version_conflict');
    };
    const lines: string[] = [];
    const { level, write } = logOutput;
    Object.assign(logOutput, { level: 'error', write: (_: string, line: string) => lines.push(line) });
    try {
      const suspended = await call('POST', `/sellers/${seller.id}/transitions`, {
        token: officer,
        json: { to: 'suspended', reason: 'Laporan pembeli' },
      });
      expect(suspended.status, suspended.text).toBe(200);
      expect(suspended.data).toMatchObject({ status: 'suspended' });
    } finally {
      saveHooks.beforeWrite = undefined;
      Object.assign(logOutput, { level, write });
    }
    expect(lines.join('\n')).toMatch(/seller\.relist_incomplete/);
    const stored = await call('GET', `/sellers/${seller.id}`, { token: officer });
    expect(stored.data.status).toBe('suspended');
    // left for the repair path: the same transition again relists
    const again = await call('POST', `/sellers/${seller.id}/transitions`, {
      token: officer,
      json: { to: 'suspended', reason: 'Laporan pembeli' },
    });
    expect(again.status, again.text).toBe(200);
    expect(await findable()).toBe(false);
  });

  it('a refused write (409) leaves a public product findable', async () => {
    const { patchProduct } = await import('../../functions/products/store');
    const { saveHooks } = await import('../../functions/products/save');
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Sambal Pecel Gandrung' });
    await uploadPhoto(seller.token, product.id, await jpegWithGps());
    const published = await publish(seller.token, product);
    expect(published.status).toBe(200);
    // a photo slot is taken between the hide's read and its write (the photo list's revision moves)
    saveHooks.beforeWrite = async () => {
      saveHooks.beforeWrite = undefined;
      const slot = await call('POST', `/products/${product.id}/photos`, {
        token: seller.token,
        json: { contentType: 'image/jpeg', size: 1000 },
      });
      expect(slot.status, slot.text).toBe(201);
    };
    try {
      await expect(
        patchProduct(
          product.id,
          { version: published.data.version, status: 'hidden' },
          { role: 'seller', username: 'test' },
          new Date(),
        ),
      ).rejects.toMatchObject({ code: 'version_conflict' });
    } finally {
      saveHooks.beforeWrite = undefined;
    }
    expect(ids(await call('GET', '/products/search?q=gandrung'))).toEqual([product.id]);
    expect((await call('GET', `/products/${product.id}`)).data.status).toBe('published');
  });
});

describe('suspension races', () => {
  it('a seller suspended between a PATCH’s read and its write: the product is not republished', async () => {
    const { patchProduct } = await import('../../functions/products/store');
    const { saveHooks } = await import('../../functions/products/save');
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Pia Osing Suspensi' });
    await uploadPhoto(seller.token, product.id, await jpegWithGps());
    const published = await publish(seller.token, product);
    const hidden = await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: published.data.version, status: 'hidden' },
    });
    expect(hidden.status).toBe(200);
    saveHooks.beforeWrite = async () => {
      saveHooks.beforeWrite = undefined;
      const suspend = await call('POST', `/sellers/${seller.id}/transitions`, {
        token: officer,
        json: { to: 'suspended', reason: 'Diperiksa dulu' },
      });
      expect(suspend.status, suspend.text).toBe(200);
    };
    try {
      await expect(
        patchProduct(
          product.id,
          { version: hidden.data.version, status: 'published' },
          { role: 'seller', username: 'test' },
          new Date(),
        ),
      ).rejects.toMatchObject({ code: 'seller_not_approved' });
    } finally {
      saveHooks.beforeWrite = undefined;
    }
    const own = await call('GET', `/products/${product.id}`, { token: officer });
    expect(own.data).toMatchObject({ status: 'hidden', visibility: 'private', version: hidden.data.version });
    expect((await call('GET', '/products/search?q=suspensi')).data.items).toEqual([]);
  });

  it('relisting on suspension bumps the version, so an edit read before it cannot write visibility back', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Kue Bagiak Relist' });
    await uploadPhoto(seller.token, product.id, await jpegWithGps());
    const published = await publish(seller.token, product);
    const suspend = await call('POST', `/sellers/${seller.id}/transitions`, {
      token: officer,
      json: { to: 'suspended', reason: 'Diperiksa dulu' },
    });
    expect(suspend.status).toBe(200);
    const after = await call('GET', `/products/${product.id}`, { token: officer });
    expect(after.data).toMatchObject({ visibility: 'private' });
    expect(after.data.version).toBe(published.data.version + 1);
    // reinstated: public again, findable again, one more version
    await call('POST', `/sellers/${seller.id}/transitions`, { token: officer, json: { to: 'approved' } });
    const back = await call('GET', `/products/${product.id}`, { token: officer });
    expect(back.data).toMatchObject({ visibility: 'public', version: published.data.version + 2 });
    expect((await call('GET', '/products/search?q=bagiak')).data.items).toHaveLength(1);
  });
});

describe('photo lifecycle: delete, abandoned slots, giving up, failed entries', () => {
  const objectExists = async (bucket: string, key: string) => {
    const { headObject } = await import('../../functions/lib/s3');
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
    for (const key of variantKeys) expect(await objectExists(config.PHOTOS_BUCKET, key)).toBe(true);
    expect(await objectExists(config.UPLOADS_BUCKET, originalPhotoKey(product.id, second.photoId))).toBe(
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
    for (const key of variantKeys) expect(await objectExists(config.PHOTOS_BUCKET, key)).toBe(false);
    expect(await objectExists(config.UPLOADS_BUCKET, originalPhotoKey(product.id, second.photoId))).toBe(
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
    const bucket = config.PHOTOS_BUCKET;
    // the variants cannot be written: an unexpected (retryable) failure
    (config as { PHOTOS_BUCKET: string }).PHOTOS_BUCKET = 'no-such-bucket-here';
    try {
      const firstTry = await deliverS3Event(product.id, photoId, 1);
      expect(firstTry.batchItemFailures).toHaveLength(1);
      const mid = await call('GET', `/products/${product.id}`, { token: seller.token });
      expect(mid.data.photos).toEqual([{ id: photoId, status: 'processing' }]);
      expect(await deliverS3Event(product.id, photoId, 3)).toEqual({ batchItemFailures: [] });
    } finally {
      (config as { PHOTOS_BUCKET: string }).PHOTOS_BUCKET = bucket;
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
