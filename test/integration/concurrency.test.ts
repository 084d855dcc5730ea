/**
 * Every write route a client may repeat, hit N times at once (a double tap, a reload, S3's redirect
 * plus the client's own call, a retrying network layer): one effect, consistent answers, no 5xx.
 * Runs over the embedded runtime (DynamoDB Local, the S3 server behind the policy-checking S3 front).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { PDF } from '../fixtures/files';
import { plainJpeg } from '../fixtures/images';
import { type Call, client, NIK, signIn, skuBody, startRuntime, TAMANSARI } from '../support/runtime';

const N = 10;

let runtime: LocalRuntime;
let call: ReturnType<typeof client>;
let officerSignIn: Promise<string> | undefined;
const officerToken = () => {
  officerSignIn ??= signIn(runtime.apiUrl, 'officer@tamansari-licin');
  return officerSignIn;
};

beforeAll(async () => {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
}, 120_000);
afterAll(async () => {
  await runtime?.stop();
});

/** `n` copies of one call, sent at once. */
const atOnce = (n: number, send: () => Promise<Call>) => Promise.all(Array.from({ length: n }, send));

const statuses = (answers: Call[]) => answers.map((a) => a.status);
/** What the answers said, for a failing assertion's message (short: pages are long). */
const said = (answers: Call[]) => answers.map((a) => `${a.status} ${a.text.slice(0, 300)}`).join('\n');

/** Posts a file to a presigned POST as a browser form would (fields first, file last), to the S3 front. */
function postToS3(url: string, fields: Record<string, string>, bytes: Buffer, type: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'upload');
  return fetch(url, { method: 'POST', body: form, redirect: 'manual' });
}

async function submit(name: string, headers: Record<string, string> = {}) {
  const res = await call('POST', `/villages/${TAMANSARI}/requests`, { json: skuBody(name), headers });
  expect(res.status, res.text).toBe(201);
  return res.data as { id: string; secret: string; trackingCode: string };
}

/** An API client's upload of a real PDF, not confirmed yet: its document id. */
async function uploadOnly(id: string, secret: string, requirement: string) {
  const created = await call('POST', `/requests/${id}/documents`, {
    json: { requirement, contentType: 'application/pdf', size: PDF.length },
    headers: { 'x-request-secret': secret },
  });
  expect(created.status, created.text).toBe(201);
  const s3 = await postToS3(created.data.url, created.data.fields, PDF, 'application/pdf');
  expect(s3.status).toBeLessThan(300);
  return created.data.documentId as string;
}

const confirm = (id: string, secret: string, documentId: string) =>
  call('POST', `/requests/${id}/documents/${documentId}/confirm`, {
    headers: { 'x-request-secret': secret },
  });

async function uploadAndConfirm(id: string, secret: string, requirement: string) {
  const documentId = await uploadOnly(id, secret, requirement);
  const confirmed = await confirm(id, secret, documentId);
  expect(confirmed.status, confirmed.text).toBe(200);
  return documentId;
}

/** Every stored document item of a request (confirmed, replaced and pending ones). */
async function storedDocuments(id: string) {
  const { listDocuments } = await import('../../functions/requests/store');
  return listDocuments(id);
}

/** A request that has every required document, moved by the officer through `path`: its version. */
async function requestAt(name: string, path: [string, string?][]) {
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

describe('document confirm, N at once', () => {
  it('ten confirms of the last required document all answer the same 200; it stays confirmed and the request completes', async () => {
    const r = await submit('Konfirmasi Serentak');
    await uploadAndConfirm(r.id, r.secret, 'ktp');
    await uploadAndConfirm(r.id, r.secret, 'kk');
    const documentId = await uploadOnly(r.id, r.secret, 'pengantar_rt_rw');

    const answers = await atOnce(N, () => confirm(r.id, r.secret, documentId));
    expect(statuses(answers), said(answers)).toEqual(Array(N).fill(200));
    for (const a of answers) expect(a.data).toEqual({ documentId, status: 'confirmed', complete: true });

    // exactly one document for the upload, confirmed, and the other requirements untouched
    const docs = await storedDocuments(r.id);
    expect(docs.filter((d) => d.documentId === documentId).map((d) => d.status)).toEqual(['confirmed']);
    expect(docs.map((d) => d.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    const token = await officerToken();
    const detail = await call('GET', `/requests/${r.id}`, { token });
    expect(detail.data.documents.map((d: { requirement: string }) => d.requirement).sort()).toEqual([
      'kk',
      'ktp',
      'pengantar_rt_rw',
    ]);
    expect(detail.data.completeAt).toBeTruthy();
    expect((await call('GET', `/track/${r.trackingCode}`)).data.dueAt).not.toBeNull();
    // the stored file is the upload, readable through the officer's link
    const link = detail.data.documents.find((d: { documentId: string }) => d.documentId === documentId);
    const file = await fetch(link.url);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);

    // and a later repeat answers the same
    const again = await confirm(r.id, r.secret, documentId);
    expect(again.status).toBe(200);
    expect(again.data).toEqual(answers[0]?.data);
  });

  it('a replacement confirmed ten times at once retires the earlier file and stays the one confirmed file of its requirement', async () => {
    const r = await submit('Pengganti Serentak');
    const first = await uploadAndConfirm(r.id, r.secret, 'ktp');
    const replacement = await uploadOnly(r.id, r.secret, 'ktp');

    const answers = await atOnce(N, () => confirm(r.id, r.secret, replacement));
    expect(statuses(answers), said(answers)).toEqual(Array(N).fill(200));
    for (const a of answers)
      expect(a.data).toEqual({ documentId: replacement, status: 'confirmed', complete: false });

    const docs = await storedDocuments(r.id);
    const status = Object.fromEntries(docs.map((d) => [d.documentId, d.status]));
    expect(status).toEqual({ [first]: 'replaced', [replacement]: 'confirmed' });
  });

  it("S3's redirect (GET) and the client's confirms (POST) of one browser upload, at once: all go back to the receipt or answer the same 200, one confirmed file", async () => {
    const posted = await call('POST', `/villages/${TAMANSARI}/requests`, {
      form: {
        ...Object.fromEntries(
          Object.entries(skuBody('Unggah Serentak').fields).map(([k, v]) => [`fields.${k}`, v]),
        ),
        serviceCode: 'sku',
        'applicant.name': 'Unggah Serentak',
        'applicant.nik': NIK,
      },
    });
    expect(posted.status).toBe(303);
    const receipt = await call('GET', posted.headers.get('location') ?? '', {
      headers: { accept: 'text/html' },
    });
    const forms = [...receipt.text.matchAll(/<form method="post" action="([^"]+)"[^>]*>(.*?)<\/form>/gs)].map(
      ([, action, inner]) => ({
        action: (action ?? '').replaceAll('&amp;', '&'),
        fields: Object.fromEntries(
          [...(inner ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
            m[1],
            (m[2] ?? '').replaceAll('&amp;', '&'),
          ]),
        ) as Record<string, string>,
      }),
    );
    const ktpForm = forms.find((f) => f.fields.key?.includes('/ktp.'));
    expect(ktpForm).toBeDefined();
    const uploaded = await postToS3(ktpForm?.action ?? '', ktpForm?.fields ?? {}, PDF, 'application/pdf');
    expect(uploaded.status).toBe(303);
    const confirmUrl = new URL(uploaded.headers.get('location') ?? '');
    const [, , id = '', , documentId = ''] = confirmUrl.pathname.split('/');
    const secret = confirmUrl.searchParams.get('secret') ?? '';

    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        i % 2
          ? confirm(id, secret, documentId)
          : call('GET', confirmUrl.pathname + confirmUrl.search, { headers: { accept: 'text/html' } }),
      ),
    );
    const gets = answers.filter((_, i) => i % 2 === 0);
    const posts = answers.filter((_, i) => i % 2 === 1);
    expect(statuses(gets), said(gets)).toEqual(Array(N / 2).fill(303));
    for (const a of gets) {
      expect(a.headers.get('location')).toMatch(/\/receipt\?secret=/);
      expect(a.headers.get('location')).not.toContain('error=');
    }
    expect(statuses(posts), said(posts)).toEqual(Array(N / 2).fill(200));
    for (const a of posts) expect(a.data).toEqual({ documentId, status: 'confirmed', complete: false });
    const docs = await storedDocuments(id);
    expect(docs.map((d) => [d.documentId, d.status])).toEqual([[documentId, 'confirmed']]);
  });
});

describe('submit, N at once', () => {
  it('ten submissions with one Idempotency-Key create one request and all answer its receipt', async () => {
    const name = `Serentak ${Date.now()}`;
    const headers = { 'idempotency-key': `concurrency-${Date.now()}` };
    const answers = await atOnce(N, () =>
      call('POST', `/villages/${TAMANSARI}/requests`, { json: skuBody(name), headers }),
    );
    expect(statuses(answers), said(answers)).toEqual(Array(N).fill(201));
    for (const a of answers) expect(a.data).toEqual(answers[0]?.data);
    const { queryPage } = await import('../../functions/lib/table');
    const { ServiceRequest, requestByKecamatanStatus } = await import('../../functions/requests/entities');
    // the kecamatan's queue (gsi4 projects whole requests; the village's indexes only public attributes)
    const { items } = await queryPage(
      ServiceRequest,
      requestByKecamatanStatus,
      { kecamatanCode: TAMANSARI.slice(0, 8), status: 'submitted' },
      { all: true },
    );
    expect(items.filter((r) => r.applicant.name === name).map((r) => r.id)).toEqual([answers[0]?.data.id]);
  });
});

describe('request transitions, N at once with one version', () => {
  it('ten moves to in_review: one 200, nine 409 conflict, one history entry', async () => {
    const r = await requestAt('Tinjau Serentak', []);
    const answers = await atOnce(N, () =>
      call('POST', `/requests/${r.id}/transitions`, {
        token: r.token,
        json: { to: 'in_review', version: r.version },
      }),
    );
    expect(statuses(answers).sort()).toEqual([200, ...Array(N - 1).fill(409)]);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.data.error.code).toBe('conflict');
    const detail = await call('GET', `/requests/${r.id}`, { token: r.token });
    expect(detail.data).toMatchObject({ status: 'in_review', version: r.version + 1 });
    expect(detail.data.history.filter((h: { to: string }) => h.to === 'in_review')).toHaveLength(1);
  });

  it('ten completions: one 200 with the letter number, nine 409 conflict, one number used', async () => {
    const r = await requestAt('Selesai Serentak', [['in_review'], ['approved']]);
    const answers = await atOnce(N, () =>
      call('POST', `/requests/${r.id}/transitions`, {
        token: r.token,
        json: { to: 'completed', version: r.version },
      }),
    );
    expect(statuses(answers).sort()).toEqual([200, ...Array(N - 1).fill(409)]);
    const won = answers.find((a) => a.status === 200);
    const detail = await call('GET', `/requests/${r.id}`, { token: r.token });
    expect(detail.data).toMatchObject({ status: 'completed', letterNumber: won?.data.letterNumber });
    // the next letter follows it: the losers used no number
    const next = await requestAt('Selesai Berikutnya', [['in_review'], ['approved']]);
    const after = await call('POST', `/requests/${next.id}/transitions`, {
      token: next.token,
      json: { to: 'completed', version: next.version },
    });
    const number = (letter: string) => Number(letter.split('/')[1]);
    expect(number(after.data.letterNumber)).toBe(number(won?.data.letterNumber) + 1);
  });
});

describe('resubmit, N at once', () => {
  it('ten JSON resubmissions: one 200, and the rest answer what a repeated resubmission answers', async () => {
    const r = await requestAt('Kirim Ulang Serentak', [['in_review'], ['needs_revision', 'KK buram']]);
    const send = () =>
      call('POST', `/requests/${r.id}/resubmit`, { json: {}, headers: { 'x-request-secret': r.secret } });
    const answers = await atOnce(N, send);
    const won = answers.filter((a) => a.status === 200);
    expect(won, said(answers)).toHaveLength(1);
    const repeat = await send();
    expect(repeat.status).toBe(422);
    for (const a of answers.filter((x) => x.status !== 200)) {
      expect(a.status).toBe(repeat.status);
      expect(a.data).toEqual(repeat.data);
    }
    const detail = await call('GET', `/requests/${r.id}`, { token: r.token });
    expect(detail.data).toMatchObject({ status: 'resubmitted', version: r.version + 1 });
    expect(detail.data.history.filter((h: { to: string }) => h.to === 'resubmitted')).toHaveLength(1);
  });

  it("ten taps on the receipt's resubmit form: every one goes back to the receipt, one resubmission", async () => {
    const r = await requestAt('Ketuk Kirim Ulang', [['in_review'], ['needs_revision', 'KTP buram']]);
    const answers = await atOnce(N, () =>
      call('POST', `/requests/${r.id}/resubmit`, { form: { secret: r.secret, lang: 'id' } }),
    );
    expect(statuses(answers), said(answers)).toEqual(Array(N).fill(303));
    for (const a of answers) expect(a.headers.get('location')).toMatch(/\/receipt\?secret=/);
    const detail = await call('GET', `/requests/${r.id}`, { token: r.token });
    expect(detail.data).toMatchObject({ status: 'resubmitted', version: r.version + 1 });
    expect(detail.data.history.filter((h: { to: string }) => h.to === 'resubmitted')).toHaveLength(1);
  });
});

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
    const { copyObject, deleteObject } = await import('../../functions/lib/s3');
    const { incomingPhotoKey, originalPhotoKey } = await import('../../functions/products/photo-store');
    await copyObject(
      config.UPLOADS_BUCKET,
      incomingPhotoKey(product.id, photoId),
      originalPhotoKey(product.id, photoId),
    );
    await deleteObject(config.UPLOADS_BUCKET, incomingPhotoKey(product.id, photoId));

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
