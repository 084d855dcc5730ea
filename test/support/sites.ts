/**
 * The world of the village-site browser tests (test/e2e/sites*.test.ts), in Debian's Chromium
 * (playwright-core, never a downloaded browser): per test file, the runtime serving sites built by the
 * same Astro build as `npm run sites:build` from snapshots exported through the domain layer, a
 * publisher, and the browser; and the flows (filing, searching, sending back) the tests share.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Publisher } from '../../infra/local/publisher';
import type { LocalRuntime } from '../../infra/local/runtime';
import { PDF as PDF_BYTES } from '../fixtures/files';
import { client, signIn } from './runtime';

/** Registers this world's hooks: call it once at the top level of a test file that uses it. */
export function useSitesWorld(): void {
  beforeAll(setUp, 180_000);
  afterAll(tearDown);
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const SLUG = 'tamansari-licin';
/** Bakungan (Glagah), 35.10.15.1002: a kelurahan, with no profile written (the export's defaults) */
export const KELURAHAN = 'bakungan-glagah';
export const LOCAL_SOURCE = { source: 'local', regencyCode: '35.10', generation: 'e2e' };

export let runtime: LocalRuntime;
export let browser: Browser;
export let outDir: string;
export let publisher: Publisher;
export let site: string;

export async function startRuntimeServing(sitesDir: string) {
  process.env.LOG_LEVEL = 'silent';
  process.env.RATE_LIMIT_SUBMIT = '1000000';
  process.env.RATE_LIMIT_TRACK = '1000000';
  const { startLocalRuntime } = await import('../../infra/local/runtime');
  return startLocalRuntime({ port: 0, sitePort: 0, seed: true, sitesDir });
}

/** Fills every control of the request form with plausible values (by its type), as a villager would. */
export async function fillRequestForm(page: Page) {
  await page.fill('[name="applicant.name"]', 'Rina Wulandari');
  await page.fill('[name="applicant.nik"]', '3510244107950003');
  await page.fill('[name="applicant.whatsapp"]', '081234567891');
  const controls = await page.$$('form[method="post"] [name^="fields."]');
  const checked = new Set<string>();
  for (const control of controls) {
    const tag = await control.evaluate((el) => el.tagName.toLowerCase());
    const type = (await control.getAttribute('type')) ?? '';
    const name = (await control.getAttribute('name')) ?? '';
    if (tag === 'select') {
      const value = await control.evaluate((el) => (el as HTMLSelectElement).options[1]?.value ?? '');
      await control.selectOption(value);
    } else if (type === 'checkbox') {
      if (!checked.has(name)) await control.check();
      checked.add(name);
    } else if (type === 'number') await control.fill('3');
    else if (type === 'date') await control.fill('2020-01-15');
    else await control.fill('Dusun Krajan RT 01 RW 02');
  }
}

export async function fileAndTrack(javaScript: boolean) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'id-ID' });
  const page = await context.newPage();
  try {
    await page.goto(`${site}/${SLUG}/`);
    expect(await page.title()).toContain('Tamansari');
    await page.click(`a[href="/${SLUG}/layanan/"]`);
    await page.click(`a[href="/${SLUG}/layanan/domisili/"]`);
    await expect.poll(() => page.url()).toContain('/layanan/domisili/');
    expect(await page.textContent('main')).toMatch(/Persyaratan/);
    await fillRequestForm(page);
    await Promise.all([
      page.waitForURL(/\/receipt/),
      page.click('form[method="post"] button[type="submit"]'),
    ]);
    const code = (await page.textContent('.code'))?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    // the tracking page of the site: a plain GET form to the API
    await page.goto(`${site}/${SLUG}/lacak/`);
    await page.fill('[name="code"]', code);
    await Promise.all([page.waitForURL(/\/track/), page.click('main form button[type="submit"]')]);
    expect(await page.textContent('body')).toContain(code);
    expect(await page.textContent('body')).not.toContain('3510244107950003');
    return code;
  } finally {
    await context.close();
  }
}

/** From the portal's search page, a product of another village (Kemiren), its result, then its page. */
export async function searchFromPortal(javaScript: boolean, lang: 'id' | 'en') {
  const context = await browser.newContext({
    javaScriptEnabled: javaScript,
    locale: lang === 'en' ? 'en-GB' : 'id-ID',
  });
  const page = await context.newPage();
  try {
    const prefix = lang === 'en' ? '/en' : '';
    await page.goto(`${site}${prefix}/cari/`);
    await page.fill('[name="q"]', 'batik tulis');
    await Promise.all([
      page.waitForURL(/\/products\/search\?/),
      page.click('main form button[type="submit"]'),
    ]);
    // the API's own HTML page, in the form's language; not JSON
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    const results = page.locator('ul.results > li', { hasText: 'Batik Tulis Gajah Oling' });
    expect(await results.count()).toBe(1);
    const text = (await results.first().textContent()) ?? '';
    expect(text).toContain('Kemiren');
    expect(text).toMatch(/Rp\s?315\.000/);
    const img = results.first().locator('img');
    expect(Number(await img.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(await img.getAttribute('height'))).toBeGreaterThan(0);
    expect(
      await img.evaluate(
        (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
      ),
    ).toBe(true);
    await Promise.all([page.waitForURL(/\/produk\//), results.first().locator('a').click()]);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/kemiren-glagah${prefix}/produk/[^/]+/$`));
    expect(await page.textContent('h1')).toContain('Batik Tulis Gajah Oling');
  } finally {
    await context.close();
  }
}

/** The served page of one of Tamansari's products contains `text`. */
export async function served(productSlug: string, text: string) {
  return (await (await fetch(`${site}/${SLUG}/produk/${productSlug}/`)).text()).includes(text);
}

export const rupiah = (n: number) => n.toLocaleString('id-ID');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Uploads SKU's three required documents, then the officer sends the request back with `reason`. */
export async function sendBack(id: string, secret: string, reason: string) {
  const call = client(runtime.apiUrl);
  const token = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
  for (const code of ['ktp', 'kk', 'pengantar_rt_rw']) {
    const created = await call('POST', `/requests/${id}/documents`, {
      json: { requirement: code, contentType: 'application/pdf', size: PDF_BYTES.length },
      headers: { 'x-request-secret': secret },
    });
    const form = new FormData();
    for (const [k, v] of Object.entries(created.data.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(PDF_BYTES)], { type: 'application/pdf' }), 'scan.pdf');
    await fetch(created.data.url, { method: 'POST', body: form });
    const confirmed = await call('POST', `/requests/${id}/documents/${created.data.documentId}/confirm`, {
      headers: { 'x-request-secret': secret },
    });
    expect(confirmed.status, confirmed.text).toBe(200);
  }
  let version = (await call('GET', `/requests/${id}`, { token })).data.version;
  for (const [to, why] of [['in_review'], ['needs_revision', reason]]) {
    const res = await call('POST', `/requests/${id}/transitions`, {
      token,
      json: { to, version, reason: why },
    });
    expect(res.status, res.text).toBe(200);
    version = res.data.version;
  }
}

async function setUp() {
  outDir = await mkdtemp(join(tmpdir(), 'sk-e2e-sites-'));
  runtime = await startRuntimeServing(outDir);
  site = runtime.siteUrl;
  const { writeSnapshots } = await import('../../infra/local/site-data');
  const { buildSites } = await import('../../site/build');
  const { createPublisher } = await import('../../infra/local/publisher');
  const { pendingSites, markPublished } = await import('../../functions/publish/signal');
  // what the seed changed is in this first build: consume its signal like the publisher's first round
  const seeded = await pendingSites('35.10', new Date(), 0);
  const dataDir = await mkdtemp(join(tmpdir(), 'sk-e2e-data-'));
  const urls = { apiUrl: runtime.apiUrl, siteUrl: runtime.siteUrl };
  const villages = await writeSnapshots({
    outDir: dataDir,
    regencyCode: '35.10',
    urls,
    villages: [SLUG, 'kemiren-glagah', KELURAHAN],
  });
  // the folder holds exactly these villages: a complete build from the local data (like the publisher's)
  await buildSites({ dataDir, outDir, portal: true, source: LOCAL_SOURCE, onLog: () => {} });
  expect(villages.sort()).toEqual([KELURAHAN, 'kemiren-glagah', SLUG]);
  await rm(dataDir, { recursive: true, force: true });
  for (const p of seeded)
    await markPublished({ code: p.villageCode, regencyCode: '35.10' }, p.lastChangeAt, new Date());
  publisher = createPublisher({
    regencyCode: '35.10',
    urls,
    outDir,
    quietMs: 0,
    generation: LOCAL_SOURCE.generation,
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

async function tearDown() {
  await browser?.close();
  await publisher?.stop();
  await runtime?.stop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
}
