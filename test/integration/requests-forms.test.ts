/**
 * The no-JavaScript flow driven with plain HTTP, and what a refused file is told.
 */
import { describe, expect, it } from 'vitest';
import { JPEG, PDF, SPOOFED_PDF } from '../fixtures/files';
import {
  call,
  fileSkuByForm,
  postToS3,
  runtime,
  submitSku,
  uploadFormFor,
  uploadThroughForm,
  useRequestsRuntime,
} from '../support/requests';
import { NIK, skuBody, TAMANSARI } from '../support/runtime';

useRequestsRuntime();

describe('the no-JavaScript flow, driven with plain HTTP', () => {
  it('form post → 303 receipt → S3 form → confirm redirect → receipt shows it → tracking page', async () => {
    const form = {
      serviceCode: 'sku',
      'applicant.name': 'Warga Tanpa JS',
      'applicant.nik': NIK,
      'applicant.whatsapp': '081234567891',
      'fields.nama_usaha': 'Batik Gajah Oling',
      'fields.jenis_usaha': 'kerajinan',
      'fields.alamat_usaha': 'Dusun Krajan',
      'fields.lama_usaha': '5',
      'fields.keperluan': 'KUR',
      lang: 'id',
    };
    const posted = await call('POST', `/villages/${TAMANSARI}/requests`, { form });
    expect(posted.status).toBe(303);
    const location = posted.headers.get('location') ?? '';
    expect(location).toMatch(/^\/requests\/[^/]+\/receipt\?secret=/);
    // the same form posted again (a double tap) lands on the same receipt
    const again = await call('POST', `/villages/${TAMANSARI}/requests`, { form });
    expect(again.headers.get('location')).toBe(location);

    const receipt = await call('GET', location, { headers: { accept: 'text/html' } });
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toMatch(/text\/html/);
    expect(receipt.text).not.toContain('<script');
    expect(receipt.text).not.toContain(NIK);
    const trackingCode = /class="code">([0-9A-Z]{5}-[0-9A-Z]{5})</.exec(receipt.text)?.[1];
    expect(trackingCode).toBeDefined();
    const forms = [...receipt.text.matchAll(/<form method="post" action="([^"]+)"[^>]*>(.*?)<\/form>/gs)];
    // three required documents and the optional photo of the business
    expect(forms).toHaveLength(4);

    for (const [, action, inner] of forms) {
      const fields = Object.fromEntries(
        [...(inner ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
          m[1],
          (m[2] ?? '').replaceAll('&amp;', '&'),
        ]),
      );
      const uploaded = await postToS3(action ?? '', fields, PDF, 'application/pdf');
      expect(uploaded.status).toBe(303);
      const confirmUrl = new URL(uploaded.headers.get('location') ?? '');
      const confirmed = await call('GET', confirmUrl.pathname + confirmUrl.search, {
        headers: { accept: 'text/html' },
      });
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.get('location')).toContain('/receipt?secret=');
    }
    const done = await call('GET', location, { headers: { accept: 'text/html' } });
    expect(done.text).toContain('Semua berkas wajib sudah diterima');

    const tracked = await call(
      'GET',
      `/track?code=${encodeURIComponent((trackingCode ?? '').toLowerCase())}`,
      {
        headers: { accept: 'text/html' },
      },
    );
    expect(tracked.status).toBe(200);
    expect(tracked.text).toContain(trackingCode);
    expect(tracked.text).not.toContain('Warga Tanpa JS');
  });

  it('a spoofed upload through the browser form comes back to the receipt with an error', async () => {
    const posted = await call('POST', `/villages/${TAMANSARI}/requests`, {
      form: {
        ...Object.fromEntries(Object.entries(skuBody('Spoofer').fields).map(([k, v]) => [`fields.${k}`, v])),
        serviceCode: 'sku',
        'applicant.name': 'Spoofer',
        'applicant.nik': NIK,
      },
    });
    const receipt = await call('GET', posted.headers.get('location') ?? '', {
      headers: { accept: 'text/html' },
    });
    const [, action, inner] =
      /<form method="post" action="([^"]+)"[^>]*>(.*?)<\/form>/s.exec(receipt.text) ?? [];
    const fields = Object.fromEntries(
      [...(inner ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
        m[1],
        (m[2] ?? '').replaceAll('&amp;', '&'),
      ]),
    );
    const uploaded = await postToS3(action ?? '', fields, SPOOFED_PDF, 'application/pdf');
    const confirmUrl = new URL(uploaded.headers.get('location') ?? '');
    const confirmed = await call('GET', confirmUrl.pathname + confirmUrl.search);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toContain('error=invalid_file');
    const page = await call('GET', confirmed.headers.get('location') ?? '', {
      headers: { accept: 'text/html' },
    });
    expect(page.text).toContain('Berkas ditolak');
  });

  it('the receipt shows the secret once: the first view (exactly one of concurrent ones), later views say so', async () => {
    const { data: r } = await submitSku('Sekali Lihat');
    const url = `/requests/${r.id}/receipt?secret=${encodeURIComponent(r.secret)}&lang=en`;
    // a HEAD first (a link preview, a prefetch): it uses nothing up
    const head = await fetch(`${runtime.apiUrl}${url}`, { method: 'HEAD', headers: { accept: 'text/html' } });
    expect(head.status).toBe(200);
    const views = await Promise.all(
      [1, 2, 3].map(() => call('GET', url, { headers: { accept: 'text/html' } })),
    );
    expect(views.every((v) => v.status === 200 && v.text.includes(r.trackingCode))).toBe(true);
    const shown = views.filter((v) => v.text.includes(`<span class="code">${r.secret}</span>`));
    expect(shown).toHaveLength(1);
    const later = await call('GET', url, { headers: { accept: 'text/html' } });
    expect(later.text).not.toContain(`<span class="code">${r.secret}</span>`);
    expect(later.text).toContain('was shown when this page was first opened');
    // the page still works: its upload forms are there
    expect(later.text).toMatch(/<form method="post"/);
  });

  it('a form with mistakes answers an HTML page naming them all under the labels the form showed, not JSON', async () => {
    const res = await call('POST', `/villages/${TAMANSARI}/requests`, {
      form: {
        serviceCode: 'sku',
        'applicant.name': 'A',
        'applicant.nik': '123',
        'applicant.whatsapp': '1234',
        'fields.lama_usaha': 'lima',
        lang: 'id',
      },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const items = [...res.text.matchAll(/<li><strong>([^<]+)<\/strong>: ([^<]+)<\/li>/g)].map(
      (m) => `${m[1]}: ${m[2]}`,
    );
    // applicant and service fields in one page, each under its form label, never an internal path
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Nama lengkap \(sesuai KTP\): terlalu pendek/),
        'NIK: NIK harus 16 angka',
        expect.stringMatching(/^Nomor WhatsApp: .*WhatsApp Indonesia.*081234567890/),
        'Jenis usaha: wajib diisi',
        'Nama usaha: wajib diisi',
        'Lama usaha berjalan (tahun): isi dengan angka, mis. 3 atau 1.500.000',
      ]),
    );
    expect(res.text).not.toMatch(/applicant\.|fields\./);
    // the village's header, its service page to go back to, no favicon request
    expect(res.text).toContain('<b>Desa Tamansari</b>');
    expect(res.text).toMatch(/<a href="http[^"]+\/tamansari-licin\/layanan\/sku\/">/);
    expect(res.text).toContain('<link rel="icon" href="data:,">');
    const en = await call('POST', `/villages/${TAMANSARI}/requests`, {
      form: { serviceCode: 'sku', 'applicant.name': 'Siti', 'applicant.nik': NIK, lang: 'en' },
    });
    expect(en.text).toContain('<strong>Type of business</strong>: is required');
    expect(en.text).toMatch(/<a href="http[^"]+\/tamansari-licin\/en\/layanan\/sku\/">/);
  });
});

describe('what a refused file is told', () => {
  it('JSON: a JPEG announced as PDF and a file larger than announced say exactly that (id and en)', async () => {
    const { data: r } = await submitSku('Jenis Keliru');
    const h = { 'x-request-secret': r.secret };
    const announced = await call('POST', `/requests/${r.id}/documents`, {
      json: { requirement: 'ktp', contentType: 'application/pdf', size: JPEG.length },
      headers: h,
    });
    await postToS3(announced.data.url, announced.data.fields, JPEG, 'application/pdf');
    const refused = await call('POST', `/requests/${r.id}/documents/${announced.data.documentId}/confirm`, {
      headers: { ...h, 'accept-language': 'en' },
    });
    expect(refused.status).toBe(422);
    expect(refused.data.error).toEqual({
      code: 'invalid_file',
      message:
        'File refused: its content is JPEG but it was announced as PDF. Ask for a new upload with type JPEG.',
      fields: [
        { path: 'file', message: expect.stringContaining('its content is JPEG but it was announced as PDF') },
      ],
    });

    const small = await call('POST', `/requests/${r.id}/documents`, {
      json: { requirement: 'kk', contentType: 'application/pdf', size: 10 },
      headers: h,
    });
    await postToS3(small.data.url, small.data.fields, PDF, 'application/pdf', { pastThePolicy: true });
    const larger = await call('POST', `/requests/${r.id}/documents/${small.data.documentId}/confirm`, {
      headers: { ...h, 'accept-language': 'id' },
    });
    expect(larger.status).toBe(422);
    expect(larger.data.error.message).toBe(
      `Berkas ditolak: ukurannya ${PDF.length} B, lebih besar dari ukuran yang diumumkan (10 B).`,
    );
  });

  it('the receipt names what was wrong beside the form: not a PDF/JPEG/PNG/WebP, over 5 MB, empty (id and en)', async () => {
    const cases: [string, Buffer, string, string][] = [
      [
        'ktp',
        SPOOFED_PDF,
        'Berkas ditolak: isinya bukan PDF, JPEG, PNG atau WebP',
        'File refused: its content is not PDF, JPEG, PNG or WebP',
      ],
      [
        'kk',
        Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]),
        'Berkas ditolak: ukurannya 5.1 MB, lebih dari batas 5 MB.',
        'File refused: it is 5.1 MB, more than the 5 MB limit.',
      ],
      [
        'pengantar_rt_rw',
        Buffer.alloc(0),
        'Berkas ditolak: berkas kosong (0 bait).',
        'File refused: the file is empty (0 bytes).',
      ],
    ];
    const { receipt } = await fileSkuByForm('Berkas Salah');
    for (const [requirement, bytes, id, en] of cases) {
      const page = await call('GET', receipt, { headers: { accept: 'text/html' } });
      // over 5 MB and empty break the POST policy (S3 and the local front refuse them): past it, as
      // an emulator without policies would store them, confirm still names what is wrong
      const confirmed = await uploadThroughForm(
        uploadFormFor(page.text, requirement),
        bytes,
        'application/pdf',
        { pastThePolicy: true },
      );
      expect(confirmed.status).toBe(303);
      const back = confirmed.headers.get('location') ?? '';
      expect(back).toContain(`error=invalid_file&requirement=${requirement}`);
      const shownId = await call('GET', back, { headers: { accept: 'text/html' } });
      expect(shownId.text, requirement).toContain(id);
      expect(shownId.text).not.toContain('jenis atau ukurannya tidak sesuai');
      const shownEn = await call('GET', back.replace('lang=id', 'lang=en'), {
        headers: { accept: 'text/html' },
      });
      expect(shownEn.text, requirement).toContain(en);
    }
    // a link edited by hand names nothing it cannot vouch for: the general sentence
    const forged = await call('GET', `${receipt}&error=invalid_file&requirement=ktp&why=nonsense`, {
      headers: { accept: 'text/html' },
    });
    expect(forged.text).toContain('Berkas ditolak: jenis atau ukurannya tidak sesuai.');
  });

  it('each upload form names the accepted types and the 5 MB limit, and its policy lasts an hour', async () => {
    const { receipt } = await fileSkuByForm('Batas Berkas', 'en');
    const page = await call('GET', receipt, { headers: { accept: 'text/html' } });
    const form = uploadFormFor(page.text, 'ktp');
    expect(form.inner).toContain('PDF, JPEG, PNG or WebP; at most 5 MB');
    expect(form.inner).toMatch(/aria-describedby="hint-ktp"/);
    expect(page.text).toContain('Each upload form works for 60 minutes');
    const policy = JSON.parse(Buffer.from(form.fields.Policy ?? '', 'base64').toString('utf8'));
    const left = new Date(policy.expiration).getTime() - Date.now();
    expect(left).toBeGreaterThan(55 * 60_000);
    expect(left).toBeLessThanOrEqual(60 * 60_000);
  });
});
