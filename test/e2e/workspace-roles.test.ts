/**
 * The camat and the scopes on the real stack (issue #15): the camat approves a request the village
 * forwarded and sends another back to the village ("Kembalikan ke desa", with a reason); the Kemiren
 * officer never sees a Tamansari request (not in the queue, 403 on its URL); an expired session sends
 * the officer through the sign-in page and back to the same screen. Every screen passes axe.
 */
import { describe, expect, it } from 'vitest';
import { signIn as apiSignIn, TAMANSARI } from '../support/runtime';
import {
  announced,
  axeBothWidths,
  CAMAT,
  call,
  fileAsCitizen,
  KEMIREN_OFFICER,
  OFFICER,
  open,
  rowsOf,
  runtime,
  signInThroughPage,
  site,
  typeCredentials,
  uploadRequired,
  useWorkspaceStack,
} from '../support/workspace-stack';

useWorkspaceStack();

type Requirement = { code: string; kind: string; required: boolean };
type Field = { code: string; required: boolean; datatype: string; values?: { key: string }[] };

/** A Surat Pengantar Pindah (kecamatan level) filed by a citizen, its documents uploaded, forwarded by the village. */
async function forwardedPindah(name: string) {
  const services = await call('GET', `/villages/${TAMANSARI}/services`);
  const pindah = services.data.items.find((s: { code: string }) => s.code === 'pindah');
  const fields = Object.fromEntries(
    (pindah.fields as Field[])
      .filter((f) => f.required)
      .map((f) => [
        f.code,
        f.values?.[0]?.key ??
          (f.datatype === 'number' ? '2' : f.datatype === 'datetime' ? '2026-12-01' : 'Licin 1'),
      ]),
  );
  const filed = await fileAsCitizen(name, {
    serviceCode: 'pindah',
    applicant: { name, nik: '3510244107950004', whatsapp: '081234567892' },
    fields,
  } as never);
  const documents = (pindah.requirements as Requirement[])
    .filter((r) => r.kind === 'document' && r.required)
    .map((r) => r.code);
  await uploadRequired(filed.id, filed.secret, documents);
  const token = await apiSignIn(runtime.apiUrl, OFFICER);
  let version = (await call('GET', `/requests/${filed.id}`, { token })).data.version;
  for (const to of ['in_review', 'forwarded']) {
    const moved = await call('POST', `/requests/${filed.id}/transitions`, { token, json: { to, version } });
    expect(moved.status, moved.text).toBe(200);
    version = moved.data.version;
  }
  return filed;
}

describe('the camat and the scopes, through the real sign-in page', () => {
  it('the camat approves a forwarded request and sends another back to the village with a reason', async () => {
    const approve = await forwardedPindah('Warga Pindah Satu');
    const giveBack = await forwardedPindah('Warga Pindah Dua');
    const { context, page, problems } = await open(1366);
    await page.goto(`${site}/kerja/`);
    await signInThroughPage(page, CAMAT);
    await page.getByRole('link', { name: new RegExp(approve.trackingCode) }).waitFor();
    await page.getByRole('link', { name: new RegExp(giveBack.trackingCode) }).waitFor();
    expect(await rowsOf(page).count()).toBeGreaterThanOrEqual(2);
    await axeBothWidths(page, 'kecamatan queue');

    await page.getByRole('link', { name: new RegExp(approve.trackingCode) }).click();
    await page.getByRole('button', { name: 'Setujui' }).waitFor();
    expect(await page.getByRole('button', { name: 'Kembalikan ke desa' }).isVisible()).toBe(true);
    await axeBothWidths(page, 'forwarded request (camat)');
    await page.getByRole('button', { name: 'Setujui' }).click();
    await announced(page, 'Status sekarang: Disetujui');

    await page.goto(`${site}/kerja/permintaan/?id=${giveBack.id}`);
    await page.getByRole('button', { name: 'Kembalikan ke desa' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Atau tulis alasan')
      .fill('Alamat tujuan pindah belum lengkap; mohon dicek desa.');
    await axeBothWidths(page, 'reason dialog (camat)');
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await announced(page, 'Status sekarang: Sedang diperiksa');
    // the history names the camat and says why (read again after the move)
    const history = page.getByRole('region', { name: 'Riwayat' });
    await history.getByText(/Alamat tujuan pindah belum lengkap; mohon dicek desa\./).waitFor();
    expect((await history.textContent()) ?? '').toMatch(/Camat|Licin/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the Kemiren officer never sees a Tamansari request: not in the queue, 403 on its URL', async () => {
    const tamansari = await fileAsCitizen('Warga Tamansari Saja');
    const { context, page, problems } = await open(360);
    await page.goto(`${site}/kerja/`);
    await signInThroughPage(page, KEMIREN_OFFICER);
    await page
      .getByRole('status')
      .filter({ hasText: /permohonan ditampilkan/ })
      .waitFor();
    expect(await page.getByText(tamansari.trackingCode).count()).toBe(0);
    // a search by its tracking code finds nothing either
    await page.getByLabel('Cari kode pelacakan').fill(tamansari.trackingCode);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByText('Tidak ada permohonan').first().waitFor();
    expect(await rowsOf(page).count()).toBe(0);
    await axeBothWidths(page, 'queue (Kemiren, empty search)');

    await page.goto(`${site}/kerja/permintaan/?id=${tamansari.id}`);
    await page.getByText('Anda tidak berwenang membuka ini.').waitFor();
    expect(await page.getByText('Warga Tamansari Saja').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Mulai periksa' }).count()).toBe(0);
    await axeBothWidths(page, 'request (403)');
    // Chromium reports the (expected) 403 answer itself; nothing else
    expect(problems.filter((p) => !/status of 403/.test(p))).toEqual([]);
    await context.close();
  });

  it('an expired session sends the officer to the sign-in page and back to the same screen', async () => {
    const filed = await fileAsCitizen('Warga Sesi Habis');
    const { context, page, problems } = await open(360);
    await page.clock.install();
    await page.goto(`${site}/kerja/`);
    await signInThroughPage(page, OFFICER);
    await rowsOf(page).first().waitFor();
    // the refresh token ends on the server (as after its 12 hours), and the ID token's hour passes
    const session = JSON.parse((await page.evaluate(() => sessionStorage.getItem('kerja.session'))) ?? '{}');
    const revoked = await fetch(`${runtime.apiUrl}/local-cognito/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: session.refreshToken, client_id: 'local-app-client' }),
    });
    expect(revoked.status).toBe(200);
    await page.clock.setSystemTime(session.expiresAt + 1000);

    const screen = `${site}/kerja/permintaan/?id=${filed.id}`;
    await page.goto(screen);
    await page.waitForURL((u) => u.href.startsWith(`${runtime.apiUrl}/local-cognito/`));
    // the office laptop's clock is right again (the new tokens are counted from the server's time)
    await page.clock.setSystemTime(new Date());
    await typeCredentials(page, OFFICER);
    expect(page.url()).toBe(screen);
    await page.getByText('Warga Sesi Habis', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Mulai periksa' }).waitFor();
    // Chromium reports the refused refresh (400 invalid_grant) itself; nothing else
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await context.close();
  });
});
