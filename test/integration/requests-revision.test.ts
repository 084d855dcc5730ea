/**
 * A revision without JavaScript, driven with plain HTTP, and tracking.
 */
import { describe, expect, it } from 'vitest';
import { JPEG } from '../fixtures/files';
import {
  call,
  fileSkuByForm,
  formsOf,
  officerToken,
  pindahService,
  requiredAnswers,
  runtime,
  submitSku,
  uploadFormFor,
  uploadRequired,
  uploadThroughForm,
  useRequestsRuntime,
} from '../support/requests';
import { NIK, TAMANSARI } from '../support/runtime';

useRequestsRuntime();

describe('a revision without JavaScript, driven with plain HTTP', () => {
  it('needs_revision: the receipt shows the reason, a replacement form per document and a resubmit form; a replacement through S3 and the resubmit form post bring the request back as resubmitted', async () => {
    const token = await officerToken();
    const { receipt, id, secret } = await fileSkuByForm('Revisi Tanpa JS');
    const html = { accept: 'text/html' };
    expect((await call('GET', receipt, { headers: html })).status).toBe(200); // the first view
    await uploadRequired(id, secret);
    let version = (await call('GET', `/requests/${id}`, { token })).data.version;
    for (const [to, reason] of [['in_review'], ['needs_revision', 'KK tidak terbaca']]) {
      const moved = await call('POST', `/requests/${id}/transitions`, {
        token,
        json: { to, version, reason },
      });
      expect(moved.status, moved.text).toBe(200);
      version = moved.data.version;
    }

    const page = await call('GET', receipt, { headers: html });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Perlu perbaikan');
    expect(page.text).toContain('Permohonan Anda perlu diperbaiki');
    expect(page.text).toContain('<blockquote>KK tidak terbaca</blockquote>');
    expect(page.text).not.toContain('Semua berkas wajib sudah diterima');
    const forms = formsOf(page.text);
    // a replacement for each of the three received documents, the optional photo, and the resubmit form
    const uploads = forms.filter((f) => f.fields.key);
    expect(uploads.map((f) => f.fields.key?.split('/').at(-1)?.split('.')[0]).sort()).toEqual(
      ['foto_usaha', 'kk', 'ktp', 'pengantar_rt_rw'].sort(),
    );
    expect(uploadFormFor(page.text, 'kk').inner).toContain('Ganti dengan berkas baru');
    expect(uploadFormFor(page.text, 'kk').inner).toContain('Unggah pengganti');
    const resubmitForm = forms.find((f) => f.action.endsWith(`/requests/${id}/resubmit`));
    expect(resubmitForm).toBeDefined();
    expect(resubmitForm?.fields).toEqual({ secret, lang: 'id' });
    expect(resubmitForm?.inner).toContain('Kirim ulang permohonan');

    // the KK again, readable this time: S3 → confirm redirect → back to the receipt
    const confirmed = await uploadThroughForm(uploadFormFor(page.text, 'kk'), JPEG, 'image/jpeg');
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toMatch(/\/receipt\?secret=/);
    expect(confirmed.headers.get('location')).not.toContain('error=');
    // the officer sees the current KK only (the earlier one is kept, marked replaced)
    const detail = await call('GET', `/requests/${id}`, { token });
    expect(detail.data.documents).toHaveLength(3);
    expect(
      detail.data.documents.find((d: { requirement: string }) => d.requirement === 'kk').contentType,
    ).toBe('image/jpeg');

    // the service's answers can be corrected there too: empty inputs, never prefilled with the answers
    const inputs = [...(resubmitForm?.inner ?? '').matchAll(/name="(fields\.[^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    expect(inputs).toEqual(
      expect.arrayContaining(['fields.alamat_usaha', 'fields.jenis_usaha', 'fields.lama_usaha']),
    );
    expect(resubmitForm?.inner).not.toMatch(/name="fields\.[^"]+"[^>]*value="[^"]+"/);
    const before = (await call('GET', `/requests/${id}`, { token })).data.fields as Record<string, string>;
    // the resubmit form, posted as a browser posts it: every input, the one corrected filled in
    const action = new URL(resubmitForm?.action ?? '');
    const posted = {
      ...resubmitForm?.fields,
      ...Object.fromEntries(inputs.map((name) => [name, ''])),
      'fields.alamat_usaha': 'Dusun Krajan RT 02 RW 01',
    };
    const resubmitted = await call('POST', action.pathname, { form: posted });
    expect(resubmitted.status).toBe(303);
    const back = resubmitted.headers.get('location') ?? '';
    expect(back).toMatch(new RegExp(`^/requests/${id}/receipt\\?secret=`));
    const after = await call('GET', back, { headers: html });
    expect(after.text).toContain('Diajukan ulang');
    expect(after.text).toContain(
      'Perbaikan Anda sudah dikirim. Petugas desa akan memeriksa permohonan Anda kembali.',
    );
    expect(after.text).not.toContain('/resubmit');
    expect(after.text).not.toContain('Ganti dengan berkas baru');
    const corrected = (await call('GET', `/requests/${id}`, { token })).data;
    expect(corrected).toMatchObject({ status: 'resubmitted' });
    // the one answer typed in changed; the ones left empty kept theirs
    expect(corrected.fields).toEqual({ ...before, alamat_usaha: 'Dusun Krajan RT 02 RW 01' });
    const tracked = await call('GET', `/track/${detail.data.trackingCode}`);
    expect(tracked.data.status).toBe('resubmitted');

    // a second tap lands on the same receipt; nothing changes
    const twice = await call('POST', action.pathname, { form: posted });
    expect(twice.status).toBe(303);
    expect(twice.headers.get('location')).toBe(back);
    expect((await call('GET', `/requests/${id}`, { token })).data.history).toHaveLength(4);
  });

  it('the resubmit form without the right secret answers a page leading to the tracking form, not "fix the form"', async () => {
    const { id } = await fileSkuByForm('Rahasia Keliru');
    const res = await call('POST', `/requests/${id}/resubmit`, { form: { secret: 'wrong', lang: 'en' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('This receipt link is not valid');
    expect(res.text).toContain('The request secret is wrong or missing.');
    expect(res.text).toMatch(/<a href="[^"]*\/track\?lang=en">Track the request with its tracking code<\/a>/);
    expect(res.text).not.toContain('Back button');
  });

  it('the status text of the receipt fits each status, with the reason when sent back or rejected', async () => {
    const officer = await officerToken();
    const text = async (receipt: string) =>
      (await call('GET', receipt.replace('lang=id', 'lang=en'), { headers: { accept: 'text/html' } })).text;
    const { receipt, id, secret } = await fileSkuByForm('Semua Status');
    expect(await text(receipt)).toContain('Upload each required document below.');
    await uploadRequired(id, secret);
    expect(await text(receipt)).toContain(
      'All required documents are in. The village officer will review your request.',
    );
    let version = (await call('GET', `/requests/${id}`, { token: officer })).data.version;
    const move = async (to: string, reason?: string, token = officer) => {
      const res = await call('POST', `/requests/${id}/transitions`, { token, json: { to, version, reason } });
      expect(res.status, res.text).toBe(200);
      version = res.data.version;
    };
    const expectations: [string, string | undefined, string][] = [
      ['in_review', undefined, 'The village officer is reviewing your request.'],
      ['needs_revision', 'Foto KTP buram', 'Your request needs a correction.'],
    ];
    for (const [to, reason, says] of expectations) {
      await move(to, reason);
      const page = await text(receipt);
      expect(page, to).toContain(says);
      expect(page, to).not.toContain('All required documents are in');
    }
    expect(await text(receipt)).toContain('<blockquote>Foto KTP buram</blockquote>');
    const resubmitted = await call('POST', `/requests/${id}/resubmit`, { form: { secret, lang: 'en' } });
    expect(resubmitted.status).toBe(303);
    version += 1;
    expect(await text(receipt)).toContain('Your correction was sent.');
    await move('in_review');
    await move('approved');
    const approved = await text(receipt);
    expect(approved).toContain('Your request is approved.');
    expect(approved).not.toMatch(/<form method="post"/);
    await move('completed');
    const completed = await text(receipt);
    expect(completed).toContain('Your request is completed: the letter has been issued.');
    expect(completed).toMatch(/Letter number:<\/strong> 500\.13\.2\//);
    expect(completed).not.toContain('Foto KTP buram');

    const other = await fileSkuByForm('Ditolak');
    let v = 1;
    for (const [to, reason] of [['in_review'], ['rejected', 'Bukan warga desa ini']]) {
      const res = await call('POST', `/requests/${other.id}/transitions`, {
        token: officer,
        json: { to, version: v, reason },
      });
      v = res.data.version;
    }
    const rejected = await text(other.receipt);
    expect(rejected).toContain('Your request was rejected.');
    expect(rejected).toContain('<blockquote>Bukan warga desa ini</blockquote>');
    expect(rejected).not.toContain('Upload each required document');
    expect(rejected).not.toMatch(/<form method="post"/);
  });

  it('a kecamatan-level request forwarded to the camat: the receipt says so and offers no form', async () => {
    const officer = await officerToken();
    const pindah = await pindahService();
    const fields = Object.fromEntries(
      Object.entries(requiredAnswers(pindah)).map(([code, value]) => [`fields.${code}`, value]),
    );
    const posted = await call('POST', `/villages/${TAMANSARI}/requests`, {
      form: {
        ...fields,
        serviceCode: 'pindah',
        'applicant.name': 'Pindah Tanpa JS',
        'applicant.nik': NIK,
        lang: 'en',
      },
    });
    expect(posted.status, posted.text).toBe(303);
    const receipt = posted.headers.get('location') ?? '';
    const id = /^\/requests\/([^/]+)\//.exec(receipt)?.[1] ?? '';
    const secret = new URL(receipt, runtime.apiUrl).searchParams.get('secret') ?? '';
    const required = pindah.requirements
      .filter((r: { kind: string; required: boolean }) => r.kind === 'document' && r.required)
      .map((r: { code: string }) => r.code);
    await uploadRequired(id, secret, required);
    let v = (await call('GET', `/requests/${id}`, { token: officer })).data.version;
    for (const to of ['in_review', 'forwarded']) {
      const res = await call('POST', `/requests/${id}/transitions`, {
        token: officer,
        json: { to, version: v },
      });
      expect(res.status).toBe(200);
      v = res.data.version;
    }
    const page = await call('GET', receipt, { headers: { accept: 'text/html' } });
    expect(page.text).toContain('Forwarded to the kecamatan');
    expect(page.text).toContain(
      'forwarded it to the kecamatan for signature. Documents can no longer change.',
    );
    expect(page.text).not.toMatch(/<form method="post"/);
  });
});

describe('tracking', () => {
  it('the tracking page of an open request reopens its receipt with the secret code (from any phone); not once it is closed', async () => {
    const { data: r } = await submitSku('Ponsel Lain');
    const page = await call('GET', `/track/${r.trackingCode}`, { headers: { accept: 'text/html' } });
    const form = /<form method="get" action="([^"]+)"[^>]*>(.*?)<\/form>/s.exec(page.text);
    expect(form?.[1]).toBe(`${runtime.apiUrl}/requests/${r.id}/receipt`);
    expect(form?.[2]).toContain('name="secret"');
    // what the browser sends: the form's GET with the code typed in
    const opened = await call(
      'GET',
      `/requests/${r.id}/receipt?lang=id&secret=${encodeURIComponent(r.secret)}`,
      {
        headers: { accept: 'text/html' },
      },
    );
    expect(opened.status).toBe(200);
    expect(opened.text).toContain(r.trackingCode);
    expect(opened.text).toMatch(/<form method="post"/);
    const wrong = await call('GET', `/requests/${r.id}/receipt?lang=id&secret=salah`, {
      headers: { accept: 'text/html' },
    });
    expect(wrong.status).toBe(403);
    // JSON tracking says nothing of the receipt (no id, no secret)
    const json = await call('GET', `/track/${r.trackingCode}`);
    expect(JSON.stringify(json.data)).not.toContain(r.id);
    // closed: nothing left to upload, no form
    const officer = await officerToken();
    await uploadRequired(r.id, r.secret);
    let version = (await call('GET', `/requests/${r.id}`, { token: officer })).data.version;
    const moved = await call('POST', `/requests/${r.id}/transitions`, {
      token: officer,
      json: { to: 'in_review', version },
    });
    version = moved.data.version;
    const rejected = await call('POST', `/requests/${r.id}/transitions`, {
      token: officer,
      json: { to: 'rejected', version, reason: 'Bukan warga desa ini' },
    });
    expect(rejected.status, rejected.text).toBe(200);
    const closed = await call('GET', `/track/${r.trackingCode}`, { headers: { accept: 'text/html' } });
    expect(closed.text).not.toContain('name="secret"');
  });

  it('the HTML page names the village, links back to its site, says WIB and asks for no favicon', async () => {
    const { data: receipt } = await submitSku('Nama Di Halaman');
    const id = await call('GET', `/track/${receipt.trackingCode}`, { headers: { accept: 'text/html' } });
    expect(id.status).toBe(200);
    expect(id.text).toContain('<b>Desa Tamansari</b>');
    expect(id.text).toContain('Desa Tamansari, Kecamatan Licin');
    expect(id.text).toMatch(/<a class="brand" href="http[^"]+\/tamansari-licin\/">/);
    expect(id.text).toMatch(/<a href="http[^"]+\/tamansari-licin\/lacak\/">Lacak permohonan lain<\/a>/);
    expect(id.text).toContain('Kode pelacakan');
    expect(id.text).not.toContain('Kode lacak');
    expect(id.text).toMatch(/<li><strong>Diajukan<\/strong> — [^<]+ \d{2}\.\d{2} WIB<\/li>/);
    expect(id.text).toContain('<link rel="icon" href="data:,">');
    expect(id.text).not.toContain('Nama Di Halaman');
    expect(id.text).not.toContain(NIK);
    const en = await call('GET', `/track/${receipt.trackingCode}?lang=en`, {
      headers: { accept: 'text/html' },
    });
    expect(en.text).toContain('<b>Tamansari Village</b>');
    expect(en.text).toMatch(/href="http[^"]+\/tamansari-licin\/en\/lacak\/"/);
    expect(en.text).toMatch(/\d{2}:\d{2} WIB</);
    // an unknown code: the form again, under the portal's header, linked to the portal
    const unknown = await call('GET', '/track?code=ZZZZZ-ZZZZZ', { headers: { accept: 'text/html' } });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Kode pelacakan tidak ditemukan');
    expect(unknown.text).toMatch(/<a class="brand" href="http[^"]+\/">/);
    expect(unknown.text).toContain('<link rel="icon" href="data:,">');
  });

  it('unknown and malformed codes get 404 with an error code; JSON has no personal data', async () => {
    const unknown = await call('GET', '/track/ZZZZZ-ZZZZZ');
    expect(unknown.status).toBe(404);
    expect(unknown.data.error.code).toBe('not_found');
    expect((await call('GET', '/track/%3Cscript%3E')).status).toBe(404);
    const { data: receipt } = await submitSku('Nama Rahasia');
    const tracked = await call('GET', `/track/${receipt.trackingCode}`);
    expect(tracked.status).toBe(200);
    expect(tracked.text).not.toContain('Nama Rahasia');
    expect(tracked.text).not.toContain(NIK);
    expect(tracked.text).not.toContain('0812');
    expect(tracked.data).toMatchObject({
      status: 'submitted',
      overdue: false,
      timeline: [{ status: 'submitted' }],
    });
  });
});
