/**
 * Every write route a client may repeat, hit N times at once: document confirms, submissions,
 * transitions with one version, resubmissions (the runtime and helpers: test/support/concurrency.ts;
 * products: concurrency-products.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { PDF } from '../fixtures/files';
import {
  atOnce,
  call,
  confirm,
  N,
  officerToken,
  postToS3,
  requestAt,
  said,
  statuses,
  storedDocuments,
  submit,
  uploadAndConfirm,
  uploadOnly,
  useConcurrencyRuntime,
} from '../support/concurrency';
import { NIK, skuBody, TAMANSARI } from '../support/runtime';

useConcurrencyRuntime();

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
    const { getItem, queryPage } = await import('../../functions/lib/table');
    const { ServiceRequest, requestByVillageStatus } = await import('../../functions/requests/entities');
    // the index carries public attributes only (no applicant): each request is read whole by its id
    const { items } = await queryPage(
      ServiceRequest,
      requestByVillageStatus,
      { villageCode: TAMANSARI, status: 'submitted' },
      { all: true },
    );
    const whole = await Promise.all(
      items.map(async (r) => (await getItem(ServiceRequest, { id: r.id })).Item),
    );
    expect(whole.filter((r) => r?.applicant.name === name).map((r) => r?.id)).toEqual([answers[0]?.data.id]);
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
