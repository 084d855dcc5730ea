/**
 * The workspace's screens signed in, against a stand-in API and sign-in service in the browser
 * (test/support/workspace-api.ts): sign-in comes back to the screen it started from, the queue puts
 * overdue first, a decision updates the status (read out), a 409 says who changed it, citizens' text
 * stays text, and every screen passes axe. The same walk-throughs against the real sign-in page and
 * API follow the merge of issue #15's branches.
 */
import { describe, expect, it } from 'vitest';
import { detail, fakeBackend, OFFICER, queueItem, VILLAGE } from '../support/workspace-api';
import { axe, open, site, useWorkspaceWorld } from '../support/workspace-browser';

useWorkspaceWorld();

const review = [
  { to: 'needs_revision', reasonRequired: true },
  { to: 'approved', reasonRequired: false },
  { to: 'rejected', reasonRequired: true },
];

describe('the workspace signed in (stand-in API)', () => {
  it('signs in through PKCE back to the request, decides, and says who changed it on a 409', async () => {
    const { context, page, problems } = await open(360);
    let transitions = 0;
    const calls = await fakeBackend(page, OFFICER, (method, path, body) => {
      if (method === 'GET' && path === '/requests/R1')
        return {
          json:
            transitions === 0
              ? detail('submitted', 1, [{ to: 'in_review', reasonRequired: false }])
              : detail('in_review', 2, review),
        };
      if (method === 'POST' && path === '/requests/R1/transitions') {
        transitions++;
        if (transitions === 1) {
          expect(body).toEqual({ to: 'in_review', version: 1 });
          return { json: detail('in_review', 2, review) };
        }
        expect(body).toMatchObject({ to: 'needs_revision', version: 2, reason: expect.any(String) });
        return {
          status: 409,
          json: { status: 'approved', version: 3, last: { actorName: 'Joko Kasi', to: 'approved' } },
        };
      }
      return undefined;
    });
    await page.goto(`${site}/kerja/permintaan/?id=R1`);
    await page.getByRole('button', { name: 'Masuk' }).click();
    // citizens' text is text
    await page.getByText('<b>Budi</b> & "Ani"').waitFor();
    expect(page.url()).toBe(`${site}/kerja/permintaan/?id=R1`);
    await page.getByText('Warung <script>alert(1)</script>').waitFor();
    await page.getByText('Dilihat aslinya oleh Sari Operator').waitFor();
    expect(await axe(page)).toEqual([]);
    expect(
      await page.evaluate(() => [localStorage.length, !!sessionStorage.getItem('kerja.session')]),
    ).toEqual([0, true]);

    await page.getByRole('button', { name: 'Mulai periksa' }).click();
    await page.getByRole('status').filter({ hasText: 'Status sekarang: Sedang diperiksa' }).waitFor();
    expect(await page.getByRole('button', { name: 'Setujui' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Selesaikan' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Minta perbaikan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Tulis atau pilih alasan.' }).waitFor();
    await dialog.getByLabel('Dokumen tidak sesuai dengan persyaratan.').check();
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await page.getByText('baru saja diubah oleh Joko Kasi (status: Disetujui)').waitFor();

    expect(calls.every((c) => c.endsWith('bearer'))).toBe(true);
    expect(calls.join('\n')).not.toContain('3510241201900001');
    // Chromium reports the (expected) 409 answer itself; nothing else
    expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
    await context.close();
  });

  for (const width of [360, 1366]) {
    it(`the queue puts overdue first with the office time left, and passes axe at ${width} px`, async () => {
      const { context, page, problems } = await open(width);
      const calls = await fakeBackend(page, OFFICER, (method, path) => {
        if (method === 'GET' && path.startsWith(`/villages/${VILLAGE}/requests`))
          return {
            json: {
              items: [
                queueItem('A1', false, '2099-01-05T03:00:00Z'),
                queueItem('B2', true, '2026-12-01T03:00:00Z'),
              ],
              cursor: 'next',
            },
          };
        return undefined;
      });
      await page.goto(`${site}/kerja/`);
      await page.getByRole('button', { name: 'Masuk' }).click();
      const rows = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^SK-/ }) });
      await rows.first().waitFor();
      expect(page.url()).toBe(`${site}/kerja/`);
      expect(await rows.first().textContent()).toContain('SK-B2');
      expect(await rows.first().textContent()).toContain('terlambat');
      expect(await axe(page)).toEqual([]);
      await page.getByLabel('Cari kode pelacakan').fill('SK-A1');
      await page.getByRole('button', { name: 'Terapkan' }).click();
      await page.waitForURL(/\?q=SK-A1$/);
      await expect.poll(() => calls.some((c) => c.includes('/requests?q=SK-A1'))).toBe(true);
      // the walk-in counter's form: every required document ticked as seen, nothing uploaded
      await page.getByRole('link', { name: 'Loket' }).click();
      await page.getByLabel('Layanan').selectOption('sku');
      await page.getByRole('button', { name: 'Ajukan permohonan' }).waitFor();
      expect(await axe(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('a 401 (session ended on the server) signs in again and comes back to the same request', async () => {
    const { context, page, problems } = await open(360);
    let reads = 0;
    await fakeBackend(page, OFFICER, (method, path) => {
      if (method !== 'GET' || path !== '/requests/R1') return undefined;
      reads++;
      // the first read after the first sign-in: the token is refused
      return reads === 1
        ? { status: 401, json: { error: { code: 'unauthorized' } } }
        : { json: detail('submitted', 1, []) };
    });
    await page.goto(`${site}/kerja/en/request/?id=R1`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('<b>Budi</b> & "Ani"').waitFor();
    expect(reads).toBe(2);
    expect(page.url()).toBe(`${site}/kerja/en/request/?id=R1`);
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await context.close();
  });
});
