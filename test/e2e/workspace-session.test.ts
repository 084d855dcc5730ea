/**
 * The session and the queue's edges on the real stack (issue #15): 30 minutes without input signs out
 * (the refresh token revoked, the logout endpoint back to /kerja/) while input before then keeps the
 * session; tokens never in localStorage or a URL; an overdue request first in the officer's queue; the
 * English UI and its language switch; the regency admin's filters against the API; an API 401 in the
 * middle of a session goes through sign-in and back to the same screen. Every new screen passes axe.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { KEMIREN, skuBody, TAMANSARI } from '../support/runtime';
import {
  ADMIN,
  axeBothWidths,
  call,
  fileAsCitizen,
  OFFICER,
  open,
  rowsOf,
  runtime,
  signInThroughPage,
  site,
  typeCredentials,
  uploadRequired,
  useWorkspaceStack,
  WAIT,
} from '../support/workspace-stack';

useWorkspaceStack();

type Session = { idToken: string; refreshToken: string; expiresAt: number };
const sessionOf = async (page: Page): Promise<Session> =>
  JSON.parse((await page.evaluate(() => sessionStorage.getItem('kerja.session'))) ?? 'null');

/** The tracking codes of the queue's rows as the browser shows them, sorted. */
const shownCodes = async (page: Page) =>
  (await rowsOf(page).getByRole('link').allTextContents()).map((t) => t.trim().slice(0, 11)).sort();

/**
 * A Tamansari SKU request filed through the public API with its documents, with the test process's
 * clock moved three weeks back (the runtime is in this process, as in
 * test/integration/workspace-queue.test.ts): its due time has long passed now.
 */
async function fileOverdue(name: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(Date.now() - 21 * 24 * 3600 * 1000));
  try {
    const filed = await fileAsCitizen(name);
    await uploadRequired(filed.id, filed.secret);
    return filed;
  } finally {
    vi.useRealTimers();
  }
}

async function tokenEndpoint(): Promise<string> {
  return ((await (await fetch(`${site}/kerja/config.json`)).json()) as { tokenEndpoint: string })
    .tokenEndpoint;
}

describe('the session, through the real sign-in page', () => {
  it('input before 30 minutes keeps the session; 30 minutes without input signs out and revokes the refresh token', async () => {
    const { context, page, problems } = await open(360);
    // the sign-in service's URLs the page asks for: the revocation (a fetch) and the logout (a redirect)
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(`${runtime.apiUrl}/local-cognito/`)) asked.push(r.url());
    });
    await page.clock.install();
    await page.goto(`${site}/kerja/`);
    await signInThroughPage(page, OFFICER);
    await rowsOf(page).first().waitFor();
    const session = await sessionOf(page);
    expect(session.refreshToken).toEqual(expect.any(String));

    // 20 minutes, a key, 20 minutes: still signed in (40 minutes since sign-in, 20 since the key)
    await page.clock.fastForward('20:00');
    await page.keyboard.press('Tab');
    await page.clock.fastForward('20:00');
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    expect(page.url()).toBe(`${site}/kerja/`);
    expect((await sessionOf(page))?.refreshToken).toBe(session.refreshToken);
    expect(asked.filter((u) => /revoke|logout/.test(u))).toEqual([]);

    // then 30 minutes without input since the key: revoked, the logout endpoint, back to /kerja/ signed out
    await page.clock.fastForward('10:01');
    await page.getByRole('button', { name: 'Masuk' }).waitFor({ timeout: WAIT });
    expect(page.url()).toBe(`${site}/kerja/`);
    expect(asked.filter((u) => u.includes('/oauth2/revoke'))).toHaveLength(1);
    expect(asked.filter((u) => u.includes('/logout?'))).toHaveLength(1);
    expect(await sessionOf(page)).toBeNull();
    await page.getByText('Anda keluar otomatis setelah 30 menit tanpa aktivitas.').waitFor();
    await axeBothWidths(page, 'signed out after idle');

    // the old refresh token no longer works at the token endpoint
    const refused = await fetch(await tokenEndpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: session.refreshToken,
        client_id: 'local-app-client',
      }),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe('invalid_grant');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('tokens are never in localStorage, a cookie or a visited URL; sessionStorage holds them, if anything', async () => {
    const filed = await fileAsCitizen('Warga Token Aman');
    const { context, page, problems, apiUrls } = await open(1366);
    const visited: string[] = [];
    page.on('framenavigated', (f) => visited.push(f.url()));
    // every hop of a navigation too (the authorize redirect, the callback's code)
    page.on('request', (r) => {
      if (r.isNavigationRequest()) visited.push(r.url());
    });
    await page.goto(`${site}/kerja/`);
    await signInThroughPage(page, OFFICER);
    await rowsOf(page).first().waitFor();
    await page.goto(`${site}/kerja/permintaan/?id=${filed.id}`);
    await page.getByRole('button', { name: 'Mulai periksa' }).waitFor();
    await page.getByRole('link', { name: 'Loket' }).click();
    await page.getByLabel('Layanan').waitFor();
    await page.goto(`${site}/kerja/en/`);
    await rowsOf(page).first().waitFor();

    const storage = await page.evaluate(() => ({
      local: Object.entries(localStorage),
      session: Object.entries(sessionStorage),
      cookie: document.cookie,
    }));
    expect(storage.local.filter(([k, v]) => /eyJ/.test(k + v))).toEqual([]);
    expect(storage.cookie).not.toMatch(/eyJ/);
    expect(storage.session.filter(([, v]) => /eyJ/.test(v)).map(([k]) => k)).toEqual(['kerja.session']);
    expect(visited.length).toBeGreaterThanOrEqual(5);
    for (const url of [...visited, ...apiUrls]) {
      expect(url).not.toMatch(/id_token|access_token|refresh_token|eyJ/);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an API 401 in the middle of a session (the ID token refused) goes through sign-in and back to the screen', async () => {
    const filed = await fileAsCitizen('Warga Token Ditolak');
    const { context, page, problems } = await open(360);
    await page.goto(`${site}/kerja/`);
    await signInThroughPage(page, OFFICER);
    await rowsOf(page).first().waitFor();
    // the ID token's signature broken: the app still holds it for valid (its exp is ahead), the API refuses it
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('kerja.session') ?? '{}');
      const [h, p, sig] = String(s.idToken).split('.');
      s.idToken = [h, p, `${sig?.startsWith('A') ? 'B' : 'A'}${sig?.slice(1)}`].join('.');
      sessionStorage.setItem('kerja.session', JSON.stringify(s));
    });
    const screen = `${site}/kerja/permintaan/?id=${filed.id}`;
    await page.goto(screen);
    await typeCredentials(page, OFFICER);
    expect(page.url()).toBe(screen);
    await page.getByText('Warga Token Ditolak', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Mulai periksa' }).waitFor();
    // Chromium reports the (expected) 401 answer itself; nothing else
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await context.close();
  });
});

describe('the queue on the real stack', () => {
  it('an overdue request (filed with the test clock moved three weeks back) is first in the officer’s queue, marked late', async () => {
    const late = await fileOverdue('Warga Terlambat Sekali');
    await fileAsCitizen('Warga Tepat Waktu');
    const { context, page, problems } = await open(360);
    await page.goto(`${site}/kerja/`);
    await signInThroughPage(page, OFFICER);
    const first = rowsOf(page).first();
    await first.waitFor();
    expect(await first.getByRole('link').textContent()).toContain(late.trackingCode);
    expect(await first.textContent()).toMatch(/terlambat .+ waktu kerja/);
    await axeBothWidths(page, 'queue with an overdue request');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the English UI: the queue and a request in English, and the language switch keeps the screen', async () => {
    const filed = await fileAsCitizen('Warga English');
    await uploadRequired(filed.id, filed.secret);
    const { context, page, problems } = await open(360);
    await page.goto(`${site}/kerja/en/`);
    await signInThroughPage(page, OFFICER, undefined, { lang: 'en' });
    expect(page.url()).toBe(`${site}/kerja/en/`);
    await page.getByRole('heading', { level: 1, name: 'Request queue' }).waitFor();
    const row = rowsOf(page).filter({ hasText: filed.trackingCode });
    await row.waitFor();
    expect(await row.textContent()).toContain('Submitted');
    expect(await row.textContent()).toMatch(/of office time (left|overdue)|due now/);
    await page
      .getByRole('status')
      .filter({ hasText: /requests shown/ })
      .waitFor();
    await axeBothWidths(page, 'queue (English)');

    await row.getByRole('link').click();
    const screen = `${site}/kerja/en/request/?id=${filed.id}`;
    await page.waitForURL(screen);
    await page.getByRole('button', { name: 'Start review' }).waitFor();
    expect(await page.getByRole('button', { name: /Mulai periksa|Setujui|Tolak/ }).count()).toBe(0);
    await axeBothWidths(page, 'request (English)');
    await page.getByRole('button', { name: 'Start review' }).click();
    await page.getByRole('status').filter({ hasText: 'In review' }).waitFor();
    for (const name of ['Ask for changes', 'Forward to kecamatan', 'Approve', 'Reject']) {
      expect(await page.getByRole('button', { name }).count(), name).toBeLessThanOrEqual(1);
    }
    await page.getByRole('button', { name: 'Approve' }).waitFor();

    // the switch: the same request in Bahasa Indonesia, still signed in
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await page.waitForURL(`${site}/kerja/permintaan/?id=${filed.id}`);
    await page.getByRole('button', { name: 'Setujui' }).waitFor();
    await page.getByText('Warga English', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(screen);
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the regency admin’s filters (village, status, overdue only) show what the API returns for them', async () => {
    await fileOverdue('Warga Terlambat Kabupaten');
    await fileAsCitizen('Warga Baru Kabupaten');
    const kemiren = await call('POST', `/villages/${KEMIREN}/requests`, {
      json: skuBody('Warga Kemiren Kabupaten'),
    });
    expect(kemiren.status, kemiren.text).toBe(201);
    const { context, page, problems } = await open(1366);
    await page.goto(`${site}/kerja/`);
    await signInThroughPage(page, ADMIN);
    await rowsOf(page).first().waitFor();
    const token = (await sessionOf(page)).idToken;
    type Line = { trackingCode: string; villageCode: string; status: string; overdue: boolean };
    const api = async (query: string) => {
      const r = await fetch(`${runtime.apiUrl}/regency/35.10/requests${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(r.status).toBe(200);
      return ((await r.json()) as { items: Line[] }).items;
    };
    const all = await api('');
    const codes = (items: Line[]) => items.map((i) => i.trackingCode).sort();
    await expect.poll(() => shownCodes(page), { timeout: WAIT }).toEqual(codes(all));

    const apply = async (query: string, expected: Line[], label: string) => {
      await page.getByRole('button', { name: 'Terapkan' }).click();
      await page.waitForURL((u) => u.search === query);
      await expect.poll(() => shownCodes(page), { timeout: WAIT }).toEqual(codes(expected));
      await page
        .getByRole('status')
        .filter({ hasText: `${expected.length} permohonan ditampilkan` })
        .waitFor();
      await axeBothWidths(page, `regency queue (${label})`);
    };

    const village = await api(`?village=${KEMIREN}`);
    expect(village.every((i) => i.villageCode === KEMIREN)).toBe(true);
    expect(codes(village)).toContain(kemiren.data.trackingCode);
    expect(village.length).toBeLessThan(all.length);
    await page.getByLabel('Kode desa', { exact: true }).fill(KEMIREN);
    await apply(`?village=${KEMIREN}`, village, 'village');

    const status = await api('?status=submitted');
    expect(status.every((i) => i.status === 'submitted')).toBe(true);
    expect(status.length).toBeGreaterThan(0);
    await page.getByLabel('Kode desa', { exact: true }).fill('');
    await page.getByLabel('Status', { exact: true }).selectOption('submitted');
    await apply('?status=submitted', status, 'status');

    const overdue = await api('?overdue=true');
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((i) => i.overdue)).toBe(true);
    expect(overdue.some((i) => i.villageCode === TAMANSARI)).toBe(true);
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await page.getByLabel('Hanya yang terlambat').check();
    await apply('?overdue=true', overdue, 'overdue only');
    expect(codes(overdue).length).toBeLessThan(codes(all).length);
    expect(problems).toEqual([]);
    await context.close();
  });
});
