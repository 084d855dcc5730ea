/**
 * The village officer on the real stack (issue #15): a request filed by a citizen through the public
 * API is taken from submitted to completed in the browser, with one revision answered by the citizen on
 * the receipt page; sign-in (the real page) comes back to the screen it started from; citizens' text
 * stays text; a colleague's change answers 409 "changed by"; the status is read out; every screen passes
 * axe at 360 and 1366 px; the queue and a decision work by keyboard alone; no NIK in an API URL.
 */

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn as apiSignIn, skuBody } from '../support/runtime';
import {
  announced,
  axeBothWidths,
  call,
  fileAsCitizen,
  NIK,
  OFFICER,
  open,
  rowsOf,
  runtime,
  signInThroughPage,
  site,
  uploadRequired,
  useWorkspaceStack,
} from '../support/workspace-stack';

useWorkspaceStack();

const NAME = '<b>Budi</b> & "Ani"';
const BUSINESS = 'Warung <script>alert(1)</script>';

/** Tab (forward) until `name`d control has the focus; the number of presses is bounded. */
async function tabTo(page: Page, role: 'link' | 'button', name: string | RegExp) {
  const target = page.getByRole(role, { name }).first();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${role} ${name}`);
}

async function version(id: string, token: string): Promise<number> {
  return (await call('GET', `/requests/${id}`, { token })).data.version;
}

describe('the village officer, signed in through the real sign-in page', () => {
  it('takes a citizen’s request from submitted to completed, with one revision answered on the receipt', async () => {
    const body = skuBody(NAME);
    const filed = await fileAsCitizen(NAME, { ...body, fields: { ...body.fields, nama_usaha: BUSINESS } });
    await uploadRequired(filed.id, filed.secret);
    const { context, page, problems, apiUrls } = await open(360);

    // sign-in starts on the request and comes back to it
    const screen = `${site}/kerja/permintaan/?id=${filed.id}`;
    await page.goto(screen);
    await signInThroughPage(page, OFFICER);
    expect(page.url()).toBe(screen);
    // authorization code + PKCE (S256), the screen to come back to in state, no verifier in any URL
    const authorize = new URL(apiUrls.find((u) => u.includes('/oauth2/authorize?')) ?? '');
    const q = authorize.searchParams;
    expect([q.get('response_type'), q.get('code_challenge_method')]).toEqual(['code', 'S256']);
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('redirect_uri')).toBe(`${site}/kerja/callback/`);
    const state = q.get('state') ?? '';
    expect(Buffer.from(state.split('.')[1] ?? '', 'base64url').toString()).toBe(
      `/kerja/permintaan/?id=${filed.id}`,
    );
    expect(apiUrls.join('\n')).not.toMatch(/verifier/);
    await page.getByText(NAME, { exact: true }).waitFor();
    await page.getByText(BUSINESS, { exact: true }).waitFor();
    expect(await page.locator('b, script:not([src])').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await axeBothWidths(page, 'request (submitted)');

    await page.getByRole('button', { name: 'Mulai periksa' }).click();
    await announced(page, 'Status sekarang: Sedang diperiksa');
    expect(await page.getByRole('button', { name: 'Selesaikan' }).count()).toBe(0);

    // Minta perbaikan: the reason is required, chosen from the common ones
    await page.getByRole('button', { name: 'Minta perbaikan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Tulis atau pilih alasan.' }).waitFor();
    await dialog.getByLabel('Dokumen tidak sesuai dengan persyaratan.').check();
    await axeBothWidths(page, 'reason dialog');
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await announced(page, 'Status sekarang: Perlu perbaikan');
    await axeBothWidths(page, 'request (needs revision)');

    // the citizen answers on the receipt page (the API's HTML, no JavaScript needed)
    const citizen = await context.newPage();
    await citizen.goto(`${runtime.apiUrl}/requests/${filed.id}/receipt?secret=${filed.secret}`);
    await citizen.getByText('Dokumen tidak sesuai dengan persyaratan.').waitFor();
    await citizen.getByRole('button', { name: 'Kirim ulang permohonan' }).click();
    await citizen.getByText('Perbaikan Anda sudah dikirim.').waitFor();
    await citizen.close();

    // a colleague starts the review first: the officer's "Mulai periksa" answers 409, says who, reloads
    await page.reload();
    await page.getByRole('button', { name: 'Mulai periksa' }).waitFor();
    const colleague = await apiSignIn(runtime.apiUrl, OFFICER);
    const moved = await call('POST', `/requests/${filed.id}/transitions`, {
      token: colleague,
      json: { to: 'in_review', version: await version(filed.id, colleague) },
    });
    expect(moved.status, moved.text).toBe(200);
    await page.getByRole('button', { name: 'Mulai periksa' }).click();
    await page.getByText(/baru saja diubah oleh .+ \(status: Sedang diperiksa\)/).waitFor();
    await page.getByRole('button', { name: 'Setujui' }).click();
    await announced(page, 'Status sekarang: Disetujui');
    await axeBothWidths(page, 'request (approved)');

    // the queue, then the decision, by keyboard alone
    await page.goto(`${site}/kerja/`);
    await rowsOf(page).first().waitFor();
    await axeBothWidths(page, 'queue');
    await tabTo(page, 'link', filed.trackingCode);
    await page.keyboard.press('Enter');
    await page.waitForURL(screen);
    await tabTo(page, 'button', 'Selesaikan');
    await page.keyboard.press('Space');
    await announced(page, 'Status sekarang: Selesai');
    expect(await page.getByRole('button', { name: /Mulai periksa|Setujui|Selesaikan/ }).count()).toBe(0);

    // the history names who did what and why, with the officer's display name
    const history = (await page.getByRole('region', { name: 'Riwayat' }).textContent()) ?? '';
    expect(history).toContain('Dokumen tidak sesuai dengan persyaratan.');
    expect(history).toContain('Pemohon: Diajukan ulang');
    expect(history).toContain('Siti Rahayu (Petugas Desa Tamansari): Selesai');
    expect(apiUrls.join('\n')).not.toContain(NIK);
    expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
    await context.close();
  });
});
