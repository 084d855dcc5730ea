/**
 * Letters (issue 16): a completed request's PDF for the villager, its QR code to the public
 * verification page, revocation.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { downloadLetter, fileAndComplete, pdfQrCodes, pdfText } from '../support/letters';
import { call, officerToken, runtime, useRequestsRuntime } from '../support/requests';
import { NIK, TAMANSARI } from '../support/runtime';

useRequestsRuntime();

describe('letters', () => {
  it('a completed request gives its villager a numbered PDF whose QR code verifies it, until revoked', async () => {
    const done = await fileAndComplete('Siti Aminah');
    const t = TAMANSARI.replaceAll('.', '\\.');
    expect(done.letterNumber).toMatch(new RegExp(`^500\\.13\\.2/\\d{4}/${t}/[IVX]+/\\d{4}$`));

    const pdf = await downloadLetter(done.id, done.secret);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(done.letterNumber);
    expect(text).toContain('Siti Aminah');
    expect(text).toContain('TAMANSARI');
    expect(text).toContain('SURAT KETERANGAN USAHA');
    expect(text).toContain('Mohammad Sholeh');

    const [url, ...more] = pdfQrCodes(pdf);
    expect(more).toEqual([]);
    expect(url).toMatch(new RegExp(`^${runtime.apiUrl}/verifikasi/[0-9a-f]{32}$`));
    const path = new URL(url as string).pathname;
    const valid = await call('GET', path);
    expect(valid.status).toBe(200);
    expect(valid.data).toEqual({
      status: 'valid',
      revokedAt: null,
      number: done.letterNumber,
      type: 'SURAT KETERANGAN USAHA',
      office: 'Desa Tamansari',
      issuedAt: expect.any(String),
      holder: 'S*** A*****',
      sha256: createHash('sha256').update(pdf).digest('hex'),
      version: 1,
    });
    expect(valid.text).not.toContain(NIK);
    const page = await call('GET', path, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Sah');
    expect(page.text).not.toContain('<script');
    expect(page.text).not.toContain(NIK);

    const token = await officerToken();
    const noReason = await call('POST', `/requests/${done.id}/letter/revoke`, { token, json: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.data.error.fields[0].path).toBe('reason');
    const revoked = await call('POST', `/requests/${done.id}/letter/revoke`, {
      token,
      json: { reason: 'Data usaha keliru' },
    });
    expect(revoked.status).toBe(200);
    const after = await call('GET', path);
    expect(after.data).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    expect((await call('GET', path, { headers: { accept: 'text/html' } })).text).toContain('Dicabut');
  });

  it('a wrong or missing secret gets 404; the officer of the village gets the PDF with a token', async () => {
    const done = await fileAndComplete('Budi Santoso');
    for (const q of ['', '?secret=wrong', `?secret=${done.secret}x`])
      expect((await call('GET', `/requests/${done.id}/letter${q}`)).status).toBe(404);
    expect((await call('GET', `/requests/unknown-request-1/letter?secret=${done.secret}`)).status).toBe(404);
    const header = await call('GET', `/requests/${done.id}/letter`, {
      headers: { 'x-request-secret': done.secret },
    });
    expect(header.status).toBe(200);
    const officer = await call('GET', `/requests/${done.id}/letter`, { token: await officerToken() });
    expect(officer.status).toBe(200);
    expect(officer.headers.get('content-type')).toBe('application/pdf');
  });

  it('the receipt and the tracking page of a completed request offer the download', async () => {
    const done = await fileAndComplete('Rina Marlina');
    const receipt = await call(
      'GET',
      `/requests/${done.id}/receipt?secret=${encodeURIComponent(done.secret)}`,
      {
        headers: { accept: 'text/html' },
      },
    );
    expect(receipt.text).toContain(`action="${runtime.apiUrl}/requests/${done.id}/letter"`);
    expect(receipt.text).toContain('Unduh surat (PDF)');
    const tracked = await call('GET', `/track/${done.trackingCode}`, { headers: { accept: 'text/html' } });
    expect(tracked.text).toContain(`action="${runtime.apiUrl}/requests/${done.id}/letter"`);
    expect(tracked.text).toContain('name="secret"');
    // the form's GET, as a browser sends it
    const form = await fetch(`${runtime.apiUrl}/requests/${done.id}/letter?secret=${done.secret}`);
    expect(form.status).toBe(200);
  });

  it('a re-issue after a correction is a new version under the same number; the old one verifies as revoked', async () => {
    const done = await fileAndComplete('Dewi Sartika');
    const token = await officerToken();
    const [oldUrl] = pdfQrCodes(await downloadLetter(done.id, done.secret));
    const reissued = await call('POST', `/requests/${done.id}/letter/reissue`, {
      token,
      json: { reason: 'Nama usaha diperbaiki' },
    });
    expect(reissued.status).toBe(202);
    expect(reissued.data).toMatchObject({ number: done.letterNumber, version: 2 });
    const pdf = await downloadLetter(done.id, done.secret);
    expect(pdfText(pdf)).toContain(`${done.letterNumber} (perbaikan ke-1)`);
    const [newUrl] = pdfQrCodes(pdf);
    expect(newUrl).not.toBe(oldUrl);
    expect(newUrl).toBe(reissued.data.verifyUrl);
    const old = await call('GET', new URL(oldUrl as string).pathname);
    expect(old.data).toMatchObject({ status: 'revoked', number: done.letterNumber, version: 1 });
    const now = await call('GET', new URL(newUrl as string).pathname);
    expect(now.data).toMatchObject({ status: 'valid', number: done.letterNumber, version: 2 });
  });

  it('an unknown or malformed token is 404 / 400 naming the field', async () => {
    expect((await call('GET', `/verifikasi/${'0'.repeat(32)}`)).status).toBe(404);
    const bad = await call('GET', '/verifikasi/123');
    expect(bad.status).toBe(400);
    expect(bad.data.error.fields[0].path).toBe('token');
  });
});
