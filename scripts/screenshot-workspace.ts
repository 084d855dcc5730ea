/**
 * `npx tsx scripts/screenshot-workspace.ts` — the officer's queue for the README and docs/walkthrough.md:
 * docs/img/workspace-queue.png (1366×800) and docs/img/workspace-queue-phone.png (360 px wide, the whole page).
 *
 * Self-contained: builds the workspace into a temporary folder, starts the local runtime in memory (free
 * ports, demo data), files a few requests as citizens do, signs in as officer@tamansari-licin through the
 * real sign-in page in Debian's Chromium (/usr/bin/chromium; never a downloaded browser), and shoots.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { startLocalRuntime } from '../infra/local/runtime';
import { buildWorkspace } from '../site/kerja/build';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(repoRoot, 'docs', 'img');
const VILLAGE = '35.10.24.2008';
const citizens = ['Siti Aminah', 'Bambang Sutrisno', 'Rina Wulandari'];

process.env.LOG_LEVEL ??= 'silent';
const root = await mkdtemp(join(tmpdir(), 'sk-kerja-shot-'));
const runtime = await (async () => {
  await buildWorkspace({ outDir: join(root, 'kerja'), quiet: true });
  return startLocalRuntime({ port: 0, sitePort: 0, seed: true, sitesDir: root });
})();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  for (const name of citizens) {
    const filed = await fetch(`${runtime.apiUrl}/villages/${VILLAGE}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceCode: 'sku',
        applicant: { name, nik: '3510241508900001', whatsapp: '081234567890' },
        fields: {
          nama_usaha: 'Kopi Ijen',
          jenis_usaha: 'kuliner',
          alamat_usaha: 'Dusun Krajan',
          lama_usaha: '3',
          keperluan: 'Pengajuan KUR',
        },
      }),
    });
    if (filed.status !== 201) throw new Error(`filing for ${name}: ${filed.status}`);
  }
  await mkdir(outDir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'id-ID' });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${runtime.siteUrl}/kerja/`);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByLabel('Nama pengguna atau e-mail').fill('officer@tamansari-licin');
  await page.getByLabel('Kata sandi', { exact: true }).fill('smartkampung');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(`${runtime.siteUrl}/kerja/`);
  await rows(page);
  await page.screenshot({ path: join(outDir, 'workspace-queue.png') });
  await page.setViewportSize({ width: 360, height: 800 });
  await rows(page);
  await page.screenshot({ path: join(outDir, 'workspace-queue-phone.png'), fullPage: true });
  await context.close();
  console.log(`screenshots in ${outDir}: workspace-queue.png, workspace-queue-phone.png`);
} finally {
  await browser.close();
  await runtime.stop();
  await rm(root, { recursive: true, force: true });
}

/** The queue shows its rows (every citizen above is one). */
async function rows(page: Page) {
  for (const name of citizens) await page.getByRole('link', { name: new RegExp(name) }).waitFor();
}
