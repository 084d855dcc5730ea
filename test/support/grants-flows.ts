/**
 * The representative flows of the grants test (test/integration/grants.test.ts): each exercises a
 * group of functions through the local runtime, or invokes them as AWS does, while ./grants.ts records
 * what they send.
 */
import { expect, vi } from 'vitest';
import { localInvocation } from '../../infra/local/invocation';
import { objectCreatedEvent, sqsRecord } from '../../infra/local/s3-events';
import { JPEG, PDF } from '../fixtures/files';
import { confirmOnAws } from './direct';
import { SITE_BUILD } from './granted';
import { call, photoQueueUrl, postForm, runtime, setPhotoQueueUrl } from './grants';
import { signIn, skuBody, TAMANSARI } from './runtime';

/** A citizen's request with documents, through an officer's review. */
export async function citizenFlow() {
  const submitted = await call('POST', `/villages/${TAMANSARI}/requests`, { json: skuBody('Grant Audit') });
  expect(submitted.status, submitted.text).toBe(201);
  const { id, secret, trackingCode } = submitted.data as { id: string; secret: string; trackingCode: string };
  const h = { 'x-request-secret': secret };
  expect((await call('GET', `/requests/${id}/receipt?secret=${encodeURIComponent(secret)}`)).status).toBe(
    200,
  );
  for (const [requirement, bytes, type] of [
    ['ktp', JPEG, 'image/jpeg'],
    ['kk', PDF, 'application/pdf'],
    ['pengantar_rt_rw', PDF, 'application/pdf'],
  ] as const) {
    const created = await call('POST', `/requests/${id}/documents`, {
      json: { requirement, contentType: type, size: bytes.length },
      headers: h,
    });
    expect(created.status, created.text).toBe(201);
    // confirming before the upload: the object is missing (404 here; 403 on AWS without ListBucket)
    const early = await call('POST', `/requests/${id}/documents/${created.data.documentId}/confirm`, {
      headers: h,
    });
    expect(early.status, early.text).toBe(422);
    await postForm(created.data.url, created.data.fields, bytes, type);
    const confirmed = await call('POST', `/requests/${id}/documents/${created.data.documentId}/confirm`, {
      headers: h,
    });
    expect(confirmed.status, confirmed.text).toBe(200);
  }
  expect((await call('GET', `/track/${trackingCode}`)).status).toBe(200);
  expect((await call('GET', `/track?code=${trackingCode}`)).status).toBe(200);
  // the page (a browser's): it names the village too
  expect((await call('GET', `/track/${trackingCode}`, { headers: { accept: 'text/html' } })).status).toBe(
    200,
  );
  const officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
  expect((await call('GET', `/villages/${TAMANSARI}/requests`, { token: officer })).status).toBe(200);
  const detail = await call('GET', `/requests/${id}`, { token: officer });
  expect(detail.status, detail.text).toBe(200);
  const moved = await call('POST', `/requests/${id}/transitions`, {
    token: officer,
    json: { to: 'in_review', version: detail.data.version },
  });
  expect(moved.status, moved.text).toBe(200);
  const revise = await call('POST', `/requests/${id}/transitions`, {
    token: officer,
    json: { to: 'needs_revision', version: moved.data.version, reason: 'Alamat usaha kurang lengkap' },
  });
  expect(revise.status, revise.text).toBe(200);
  const resubmit = await call('POST', `/requests/${id}/resubmit`, { headers: h, json: {} });
  expect(resubmit.status, resubmit.text).toBeLessThan(500);
}

/** A seller registers, is approved, publishes a product with a photo; search and moderation. */
export async function sellerFlow() {
  const officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
  const password = 'Kopi-Ijen-2026!';
  const registered = await call('POST', `/villages/${TAMANSARI}/sellers`, {
    json: {
      businessName: 'Madu Hutan Audit',
      ownerName: 'Sri Wahyuni',
      whatsapp: '081355599901',
      kind: 'umkm',
      description: 'Madu hutan Ijen, dipanen sendiri tiap musim.',
      location: 'Dusun Krajan',
      password,
    },
  });
  expect(registered.status, registered.text).toBe(201);
  const sellerId = registered.data.id as string;
  expect((await call('GET', `/villages/${TAMANSARI}/sellers`, { token: officer })).status).toBe(200);
  const approved = await call('POST', `/sellers/${sellerId}/transitions`, {
    token: officer,
    json: { to: 'approved' },
  });
  expect(approved.status, approved.text).toBe(200);
  const signedIn = await call('POST', '/local/token', { json: { username: '+6281355599901', password } });
  const seller = signedIn.data.idToken as string;
  expect((await call('GET', `/sellers/${sellerId}`, { token: seller })).status).toBe(200);

  const created = await call('POST', `/villages/${TAMANSARI}/products`, {
    token: seller,
    json: {
      name: 'Madu Hutan Ijen',
      description: { id: 'Madu hutan murni dari lereng Ijen.', en: 'Raw forest honey.' },
      category: 'food_drink',
      price: 85000,
      unit: 'botol',
    },
  });
  expect(created.status, created.text).toBe(201);
  const productId = created.data.id as string;
  // the draft, seen by its seller through the public route with a bearer token
  expect((await call('GET', `/products/${productId}`, { token: seller })).status).toBe(200);

  const photo = await call('POST', `/products/${productId}/photos`, {
    token: seller,
    json: { contentType: 'image/jpeg', size: JPEG.length },
  });
  expect(photo.status, photo.text).toBe(201);
  // nothing uploaded yet: 422 (S3 answers 404 — on AWS only to a function that may list the bucket)
  const missing = await call('POST', `/products/${productId}/photos/${photo.data.photoId}/confirm`, {
    token: seller,
  });
  expect(missing.status, missing.text).toBe(422);
  // the processor's redelivered or early event for an object that is not there: refused, not retried
  const { handler: processPhoto } = await import('../../functions/products/handlers/process-photo');
  const { incomingPhotoKey } = await import('../../functions/products/photo-store');
  const early = await localInvocation.run({ functionId: 'ProductsProcessPhoto' }, () =>
    processPhoto({
      Records: [
        sqsRecord(
          objectCreatedEvent({
            bucket: runtime.uploadsBucket,
            key: incomingPhotoKey(productId, photo.data.photoId),
            object: { size: JPEG.length },
            region: 'ap-southeast-3',
          }),
          { region: 'ap-southeast-3' },
        ),
      ],
    }),
  );
  expect(early.batchItemFailures).toEqual([]);
  const sharp = (await import('sharp')).default;
  const image = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#c84' } })
    .jpeg()
    .toBuffer();
  const slot = await call('POST', `/products/${productId}/photos`, {
    token: seller,
    json: { contentType: 'image/jpeg', size: image.length },
  });
  expect(slot.status, slot.text).toBe(201);
  await postForm(slot.data.url, slot.data.fields, image, 'image/jpeg');
  // locally the runtime delivers the S3 event to the processor first (its own invocation)
  const confirmed = await call('POST', `/products/${productId}/photos/${slot.data.photoId}/confirm`, {
    token: seller,
  });
  expect(confirmed.status, confirmed.text).toBe(200);

  const current = await call('GET', `/products/${productId}`, { token: seller });
  const published = await call('PATCH', `/products/${productId}`, {
    token: seller,
    json: { version: current.data.version, status: 'published' },
  });
  expect(published.status, published.text).toBe(200);
  // a photo of a published product: the processor updates the search index too
  const second = await call('POST', `/products/${productId}/photos`, {
    token: seller,
    json: { contentType: 'image/jpeg', size: image.length },
  });
  expect(second.status, second.text).toBe(201);
  await postForm(second.data.url, second.data.fields, image, 'image/jpeg');
  const ready = await call('POST', `/products/${productId}/photos/${second.data.photoId}/confirm`, {
    token: seller,
  });
  expect(ready.status, ready.text).toBe(200);
  // confirm as AWS runs it (no local S3-event emulation first): it sends the processor's queue the
  // upload's event itself
  const { config } = await import('../../functions/lib/config');
  const sqs = (await import('../../functions/lib/sqs-messages')).sqs();
  const { CreateQueueCommand } = await import('@aws-sdk/client-sqs');
  setPhotoQueueUrl(
    (await sqs.send(new CreateQueueCommand({ QueueName: 'grants-photo-queue' }))).QueueUrl ?? '',
  );
  const third = await call('POST', `/products/${productId}/photos`, {
    token: seller,
    json: { contentType: 'image/jpeg', size: image.length },
  });
  expect(third.status, third.text).toBe(201);
  await postForm(third.data.url, third.data.fields, image, 'image/jpeg');
  Object.assign(config(), { PHOTO_QUEUE_URL: photoQueueUrl });
  try {
    const queued = await localInvocation.run({ routeId: 'photos.confirm' }, () =>
      confirmOnAws(seller, productId, third.data.photoId),
    );
    expect(queued.status).toBe(202);
  } finally {
    Object.assign(config(), { PHOTO_QUEUE_URL: undefined });
  }
  expect((await call('GET', '/products/search?q=madu')).status).toBe(200);
  // an officer's take-down withholds the photos' variants; reinstating releases them (photos bucket)
  const before = await call('GET', `/products/${productId}`, { token: seller });
  const down = await call('PATCH', `/products/${productId}`, {
    token: officer,
    json: { version: before.data.version, status: 'taken_down', reason: 'Audit' },
  });
  expect(down.status, down.text).toBe(200);
  const back = await call('PATCH', `/products/${productId}`, {
    token: officer,
    json: { version: down.data.version, status: 'hidden' },
  });
  expect(back.status, back.text).toBe(200);
  const republished = await call('PATCH', `/products/${productId}`, {
    token: seller,
    json: { version: back.data.version, status: 'published' },
  });
  expect(republished.status, republished.text).toBe(200);
  expect((await call('GET', `/villages/${TAMANSARI}/products`)).status).toBe(200);
  expect((await call('GET', `/sellers/${sellerId}/products`, { token: seller })).status).toBe(200);
  // suspending the seller takes its products out of the search index
  const suspended = await call('POST', `/sellers/${sellerId}/transitions`, {
    token: officer,
    json: { to: 'suspended', reason: 'Audit' },
  });
  expect(suspended.status, suspended.text).toBe(200);
}

export async function publicReads() {
  for (const path of [
    '/villages',
    `/villages/${TAMANSARI}`,
    `/villages/${TAMANSARI}/services`,
    `/open311/v2/services.json?jurisdiction_id=${TAMANSARI}`,
    `/open311/v2/services/sku.json?jurisdiction_id=${TAMANSARI}`,
    `/open311/v2/requests.json?jurisdiction_id=${TAMANSARI}`,
    '/openapi.json',
  ]) {
    const res = await call('GET', path);
    expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBe(200);
  }
}

/** An officer edits the village site; Open311 clients file and read; the camat's queue. */
export async function officerAndOpen311() {
  const officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
  const profile = await call('PUT', `/villages/${TAMANSARI}/profile`, {
    token: officer,
    json: { population: 123_456 },
  });
  expect(profile.status, profile.text).toBe(200);
  const news = await call('POST', `/villages/${TAMANSARI}/news`, {
    token: officer,
    json: {
      slug: 'audit-hak-akses',
      date: '2026-11-01',
      title: { id: 'Audit hak akses' },
      summary: { id: 'Audit' },
      body: { id: ['Paragraf audit.'] },
    },
  });
  expect(news.status, news.text).toBe(201);
  const apbdes = await call('PUT', `/villages/${TAMANSARI}/apbdes/2025`, {
    token: officer,
    json: {
      income: 1000,
      sectors: [
        { code: '1', name: { id: 'Pemerintahan', en: 'Administration' }, budget: 1000, realisation: 10 },
      ],
    },
  });
  expect(apbdes.status, apbdes.text).toBe(200);
  const form = new URLSearchParams({
    jurisdiction_id: TAMANSARI,
    service_code: 'sku',
    'attribute[applicant_name]': 'Grant Audit',
    'attribute[applicant_nik]': skuBody().applicant.nik,
    'attribute[applicant_whatsapp]': '081234567890',
    'attribute[nama_usaha]': 'Kopi Ijen',
    'attribute[jenis_usaha]': 'kuliner',
    'attribute[alamat_usaha]': 'Dusun Krajan RT 03 RW 01',
    'attribute[lama_usaha]': '3',
    'attribute[keperluan]': 'Pengajuan KUR',
  });
  const filed = await fetch(`${runtime.apiUrl}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const [created] = (await filed.json()) as { service_request_id?: string }[];
  expect(filed.status).toBeLessThan(300);
  expect((await call('GET', `/open311/v2/requests/${created?.service_request_id}.json`)).status).toBe(200);
  const camat = await signIn(runtime.apiUrl, 'camat@licin');
  expect((await call('GET', '/kecamatan/35.10.24/requests', { token: camat })).status).toBe(200);
}

/** The functions no route reaches, invoked as their schedules invoke them. */
export async function scheduledFunctions() {
  const { handler: dispatch } = await import('../../functions/publish/handlers/dispatch');
  await localInvocation.run({ functionId: 'SitesDispatch' }, () => dispatch());
  const { handler: overdue } = await import('../../functions/requests/handlers/overdue-metric');
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await localInvocation.run({ functionId: 'OverdueMetric' }, () => overdue());
  } finally {
    write.mockRestore();
    log.mockRestore();
  }
}

/**
 * The site build's table work (scripts/publish-site.ts on CodeBuild, as its role): the regency's and a
 * village's snapshot, the village's site state before the build, and marking it published after.
 */
export async function siteBuild() {
  const { exportRegency, exportVillage } = await import('../../functions/sites/export');
  const { getItem } = await import('../../functions/lib/table');
  const { SiteState } = await import('../../functions/publish/entities');
  const { markPublished } = await import('../../functions/publish/signal');
  const urls = { apiUrl: runtime.apiUrl, siteUrl: runtime.siteUrl };
  await localInvocation.run({ functionId: SITE_BUILD }, async () => {
    const regency = await exportRegency('35.10', urls);
    expect(regency.kecamatan.length).toBeGreaterThan(0);
    const village = await exportVillage(TAMANSARI, urls);
    // the flows above filed requests and published a product here: both are read (counts, no data)
    expect(village.services.some((s) => s.popularity > 0)).toBe(true);
    expect(village.products.length).toBeGreaterThan(0);
    const state = (await getItem(SiteState, { villageCode: TAMANSARI })).Item;
    expect(state).toBeDefined();
    await markPublished({ code: TAMANSARI, regencyCode: '35.10' }, state?.lastChangeAt ?? '', new Date());
  });
}

/** A request completed: its letter issued (the issuer), downloaded, verified and revoked. */
export async function letterFlow() {
  const submitted = await call('POST', `/villages/${TAMANSARI}/requests`, { json: skuBody('Surat Audit') });
  const { id, secret } = submitted.data as { id: string; secret: string };
  const h = { 'x-request-secret': secret };
  for (const [requirement, bytes, type] of [
    ['ktp', JPEG, 'image/jpeg'],
    ['kk', PDF, 'application/pdf'],
    ['pengantar_rt_rw', PDF, 'application/pdf'],
  ] as const) {
    const created = await call('POST', `/requests/${id}/documents`, {
      json: { requirement, contentType: type, size: bytes.length },
      headers: h,
    });
    await postForm(created.data.url, created.data.fields, bytes, type);
    await call('POST', `/requests/${id}/documents/${created.data.documentId}/confirm`, { headers: h });
  }
  const officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
  let version = (await call('GET', `/requests/${id}`, { token: officer })).data.version;
  for (const to of ['in_review', 'approved', 'completed']) {
    const moved = await call('POST', `/requests/${id}/transitions`, {
      token: officer,
      json: { to, version },
    });
    expect(moved.status, moved.text).toBe(200);
    version = moved.data.version;
  }
  expect((await call('GET', `/requests/${id}/letter`, { headers: h })).status).toBe(200);
  expect((await call('GET', `/requests/${id}/letter`, { token: officer })).status).toBe(200);
  const token = (await call('GET', `/requests/${id}`, { token: officer })).data.letterToken as string;
  expect((await call('GET', `/verifikasi/${token}`)).status).toBe(200);
  const reissued = await call('POST', `/requests/${id}/letter/reissue`, {
    token: officer,
    json: { reason: 'Perbaikan data' },
  });
  expect(reissued.status, reissued.text).toBe(202);
  const revoked = await call('POST', `/requests/${id}/letter/revoke`, {
    token: officer,
    json: { reason: 'Audit hak akses' },
  });
  expect(revoked.status, revoked.text).toBe(200);
}
