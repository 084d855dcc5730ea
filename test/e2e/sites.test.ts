/**
 * The village sites in Debian's Chromium (playwright-core, never a downloaded browser): built by the
 * same Astro build as `npm run sites:build` from snapshots exported through the domain layer, served by
 * the local site server, with forms posting to the real local API.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Publisher, PublishRound } from '../../infra/local/publisher';
import type { LocalRuntime } from '../../infra/local/runtime';
import { PDF as PDF_BYTES } from '../fixtures/files';
import { jpegWithGps } from '../fixtures/images';
import { client, KEMIREN, signIn, skuBody, TAMANSARI } from '../support/runtime';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SLUG = 'tamansari-licin';
/** Bakungan (Glagah), 35.10.15.1002: a kelurahan, with no profile written (the export's defaults) */
const KELURAHAN = 'bakungan-glagah';
const LOCAL_SOURCE = { source: 'local', regencyCode: '35.10', generation: 'e2e' };

let runtime: LocalRuntime;
let browser: Browser;
let outDir: string;
let publisher: Publisher;
let site: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'sk-e2e-sites-'));
  runtime = await startRuntimeServing(outDir);
  site = runtime.siteUrl;
  const { writeSnapshots } = await import('../../infra/local/site-data');
  const { buildSites } = await import('../../site/build');
  const { createPublisher } = await import('../../infra/local/publisher');
  const { pendingSites, markPublished } = await import('../../functions/sites/signal');
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
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await publisher?.stop();
  await runtime?.stop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function startRuntimeServing(sitesDir: string) {
  process.env.LOG_LEVEL = 'silent';
  process.env.RATE_LIMIT_SUBMIT = '1000000';
  process.env.RATE_LIMIT_TRACK = '1000000';
  const { startLocalRuntime } = await import('../../infra/local/runtime');
  return startLocalRuntime({ port: 0, sitePort: 0, seed: true, sitesDir });
}

/** Fills every control of the request form with plausible values (by its type), as a villager would. */
async function fillRequestForm(page: Page) {
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

async function fileAndTrack(javaScript: boolean) {
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

describe('a villager on Tamansari’s site', () => {
  it('files a request from a service page with JavaScript disabled and tracks it', async () => {
    await fileAndTrack(false);
  });

  it('does the same with JavaScript enabled', async () => {
    await fileAndTrack(true);
  });

  it('switches to English and stays on the same page', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}/${SLUG}/layanan/sku/`);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.click('a.lang');
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/${SLUG}/en/layanan/sku/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.close();
  });
});

/** From the portal's search page, a product of another village (Kemiren), its result, then its page. */
async function searchFromPortal(javaScript: boolean, lang: 'id' | 'en') {
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

describe('regency-wide product search from the portal', () => {
  it('finds a product of another village with JavaScript disabled and links to its page', async () => {
    await searchFromPortal(false, 'id');
  });

  it('does the same in English with JavaScript enabled', async () => {
    await searchFromPortal(true, 'en');
  });

  it('API clients still get JSON', async () => {
    const res = await fetch(`${runtime.apiUrl}/products/search?q=batik%20tulis&category=`, {
      headers: { accept: 'application/json' },
    });
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { items: { village: { slug: string } }[] };
    expect(body.items.map((i) => i.village.slug)).toContain('kemiren-glagah');
  });
});

describe('publishing', () => {
  it('a product published through the API shows up on the site after the publisher runs', async () => {
    const call = client(runtime.apiUrl);
    const token = await signIn(runtime.apiUrl, 'seller@tamansari-licin');
    const created = await call('POST', `/villages/${TAMANSARI}/products`, {
      token,
      json: {
        name: 'Sambal Pecel Lereng Ijen',
        description: { id: 'Sambal kacang pedas' },
        category: 'food_drink',
        price: 18000,
        unit: 'toples',
      },
    });
    expect(created.status, created.text).toBe(201);
    const bytes = await jpegWithGps();
    const photo = await call('POST', `/products/${created.data.id}/photos`, {
      token,
      json: { contentType: 'image/jpeg', size: bytes.length },
    });
    const form = new FormData();
    for (const [k, v] of Object.entries(photo.data.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'p.jpg');
    expect((await fetch(photo.data.url, { method: 'POST', body: form })).status).toBeLessThan(300);
    await call('POST', `/products/${created.data.id}/photos/${photo.data.photoId}/confirm`, { token });
    const published = await call('PATCH', `/products/${created.data.id}`, {
      token,
      json: { version: 1, status: 'published' },
    });
    expect(published.status, published.text).toBe(200);

    const productPage = `${site}/${SLUG}/produk/${created.data.slug}/`;
    expect((await fetch(productPage)).status).toBe(404);
    const round = await publisher.runOnce();
    expect(round?.villages).toEqual([SLUG]);
    // the regency's village list did not change: the portal is left as it was
    expect(round?.portal).toBe(false);
    expect(round?.failed).toEqual([]);
    const page = await browser.newPage();
    const res = await page.goto(productPage);
    expect(res?.status()).toBe(200);
    expect(await page.textContent('h1')).toContain('Sambal Pecel Lereng Ijen');
    expect(await page.textContent('main')).toMatch(/Rp\s?18\.000/);
    const img = await page.$('main img');
    expect(await img?.getAttribute('width')).toBeTruthy();
    const wa = await page.getAttribute('a[href^="https://wa.me/"]', 'href');
    expect(decodeURIComponent(wa ?? '')).toContain('Sambal Pecel Lereng Ijen');
    const ld = JSON.parse((await page.textContent('script[type="application/ld+json"]')) ?? '{}');
    expect(ld).toMatchObject({
      '@type': 'Product',
      offers: expect.objectContaining({ priceCurrency: 'IDR' }),
    });
    // and the list shows it; nothing left to publish afterwards
    await page.goto(`${site}/${SLUG}/produk/`);
    expect(await page.textContent('main')).toContain('Sambal Pecel Lereng Ijen');
    expect(await publisher.runOnce()).toBeUndefined();
    await page.close();
  });
});

describe('publishing when a village fails to build', () => {
  it('the other villages still publish; the failing one is retried after a delay and recorded', async () => {
    const { getVillage } = await import('../../functions/villages/store');
    const { markOutOfDate } = await import('../../functions/sites/signal');
    const { NewsArticle } = await import('../../functions/villages/entities');
    const { PutItemCommand } = await import('dynamodb-toolbox/entity/actions/put');
    const { DeleteItemCommand } = await import('dynamodb-toolbox/entity/actions/delete');
    const { readBuildMarker } = await import('../../site/build');
    const tamansari = await getVillage(TAMANSARI);
    const kemiren = await getVillage(KEMIREN);
    // data from before slugs were unique: two of Kemiren's articles share one URL, so its build fails
    const clash = {
      villageCode: KEMIREN,
      slug: 'berita-kembar',
      title: { id: 'Berita kembar' },
      summary: { id: 'Dua berita, satu alamat' },
      body: { id: ['Isi'] },
      updatedAt: new Date().toISOString(),
    };
    for (const date of ['2026-01-01', '2026-01-02'])
      await NewsArticle.build(PutItemCommand)
        .item({ ...clash, date })
        .send();
    await markOutOfDate(kemiren, 'test', new Date());
    await markOutOfDate(tamansari, 'test', new Date());
    try {
      const round = await publisher.runOnce();
      expect(round?.villages).toEqual([SLUG]);
      expect(round?.failed).toEqual(['kemiren-glagah']);
      expect(readBuildMarker(outDir)?.failed).toEqual(['kemiren-glagah']);
      // the failing village waits out its delay instead of rebuilding every round
      expect(await publisher.runOnce()).toBeUndefined();
    } finally {
      await NewsArticle.build(DeleteItemCommand)
        .key({ ...clash, date: '2026-01-02' })
        .send();
    }
    await new Promise((r) => setTimeout(r, 1100));
    const retried = await publisher.runOnce();
    expect(retried?.villages).toEqual(['kemiren-glagah']);
    expect(retried?.failed).toEqual([]);
    expect(readBuildMarker(outDir)?.failed).toBeUndefined();
    await NewsArticle.build(DeleteItemCommand)
      .key({ ...clash, date: '2026-01-01' })
      .send();
    await markOutOfDate(kemiren, 'test', new Date());
    expect((await publisher.runOnce())?.villages).toEqual(['kemiren-glagah']);
  });
});

/** The served page of one of Tamansari's products contains `text`. */
async function served(productSlug: string, text: string) {
  return (await (await fetch(`${site}/${SLUG}/produk/${productSlug}/`)).text()).includes(text);
}

const rupiah = (n: number) => n.toLocaleString('id-ID');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('publishing with the loop npm start runs', () => {
  // the budget (≤ 5 s) is measured by bench/sites-live.ts; a loaded CI machine gets twice that here
  const DEADLINE_MS = 10_000;

  it('a change through the API is served within the deadline, a burst of 3 changes is one rebuild, a signal written by another process is polled', async () => {
    const { startPublisher, PUBLISH_POLL_MS, PUBLISH_QUIET_MS } = await import('../../infra/local/publisher');
    const { SiteState } = await import('../../functions/sites/entities');
    const { UpdateItemCommand } = await import('dynamodb-toolbox/entity/actions/update');
    // as the local runtime starts it for npm start (its poll interval), with a quiet time that a burst of
    // three API calls fits in even on a loaded CI machine (npm start: PUBLISH_QUIET_MS; the debounce is
    // the same code, only the window differs)
    const quietMs = Math.max(PUBLISH_QUIET_MS, 1_500);
    const settle = () => sleep(quietMs + PUBLISH_POLL_MS + 1000);
    const rounds: PublishRound[] = [];
    const loop = startPublisher({
      regencyCode: '35.10',
      urls: { apiUrl: runtime.apiUrl, siteUrl: runtime.siteUrl },
      outDir,
      generation: LOCAL_SOURCE.generation,
      quietMs,
      onRound: (round) => rounds.push(round),
    });
    try {
      await settle();
      expect(rounds, 'nothing was out of date').toEqual([]);
      const call = client(runtime.apiUrl);
      const token = await signIn(runtime.apiUrl, 'seller@tamansari-licin');
      // prices above any demo price: a discount stays below its price
      const items = (await call('GET', `/villages/${TAMANSARI}/products`)).data.items.slice(0, 3) as {
        id: string;
        slug: string;
      }[];
      expect(items).toHaveLength(3);
      const version = async (item: { id: string }) =>
        (await call('GET', `/products/${item.id}`, { token })).data.version as number;
      const patch = async (item: { id: string }, price: number, at: number) => {
        const patched = await call('PATCH', `/products/${item.id}`, { token, json: { version: at, price } });
        expect(patched.status, patched.text).toBe(200);
      };
      const change = async (item: { id: string }, price: number) => patch(item, price, await version(item));
      const [first] = items as [{ id: string; slug: string }];

      // one change: served within the deadline, by one rebuild of the village alone
      const started = performance.now();
      await change(first, 970_310);
      await expect
        .poll(() => served(first.slug, rupiah(970_310)), { timeout: DEADLINE_MS, interval: 50 })
        .toBe(true);
      expect(performance.now() - started).toBeLessThan(DEADLINE_MS);
      await settle();
      expect(rounds.map((r) => [r.villages, r.portal])).toEqual([[[SLUG], false]]);

      // a burst: three products changed at once → one rebuild that shows all three
      rounds.length = 0;
      const prices = items.map((_, i) => 980_410 + i * 10);
      // the versions first, then the three writes at once: the burst is the writes alone
      const versions = await Promise.all(items.map(version));
      await Promise.all(items.map((item, i) => patch(item, prices[i] as number, versions[i] as number)));
      await expect
        .poll(
          async () =>
            (await Promise.all(items.map((item, i) => served(item.slug, rupiah(prices[i] as number))))).every(
              Boolean,
            ),
          { timeout: DEADLINE_MS, interval: 50 },
        )
        .toBe(true);
      await settle();
      expect(rounds.map((r) => r.villages)).toEqual([[SLUG]]);

      // the signal written by another process (no in-process wake-up): the poll finds it
      rounds.length = 0;
      await SiteState.build(UpdateItemCommand)
        .item({
          villageCode: KEMIREN,
          regencyCode: '35.10',
          state: 'dirty',
          reason: 'another process',
          lastChangeAt: new Date().toISOString(),
        })
        .send();
      await expect
        .poll(() => rounds.map((r) => r.villages), { timeout: DEADLINE_MS, interval: 50 })
        .toEqual([['kemiren-glagah']]);
    } finally {
      await loop.stop();
    }
  }, 90_000);
});

describe('a newcomer and the links people share', () => {
  it('finds Tamansari (Licin) from the portal and reaches a service form, JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'id-ID' });
    const page = await context.newPage();
    try {
      await page.goto(`${site}/`);
      // open the kecamatan's group (a <details>, no script), then the village listed under it
      await page.locator('summary', { hasText: 'Kecamatan Licin' }).click();
      const licin = page.locator('details', { has: page.locator('h2', { hasText: /Licin/ }) });
      await Promise.all([
        page.waitForURL(`${site}/${SLUG}/`),
        licin.getByRole('link', { name: /Tamansari/ }).click(),
      ]);
      expect(await page.textContent('h1')).toContain('Tamansari');
      await page.click(`a[href="/${SLUG}/layanan/"]`);
      await page.locator(`main a[href^="/${SLUG}/layanan/"]`).first().click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(new RegExp(`^/${SLUG}/layanan/[^/]+/$`));
      expect(await page.locator('main form[method="post"] button[type="submit"]').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('the RSS feed is well-formed RSS 2.0 and lists every article, each linking to its page', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${site}/${SLUG}/berita/rss.xml`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-type']).toMatch(/xml/);
    const xml = (await res?.text()) ?? '';
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        version: doc.documentElement.getAttribute('version'),
        title: doc.querySelector('channel > title')?.textContent ?? '',
        links: [...doc.querySelectorAll('item > link')].map((l) => l.textContent ?? ''),
        dates: [...doc.querySelectorAll('item > pubDate')].map((d) => d.textContent ?? ''),
      };
    }, xml);
    expect(feed.error).toBeNull();
    expect(feed.version).toBe('2.0');
    expect(feed.title).toContain('Tamansari');
    await page.goto(`${site}/${SLUG}/berita/`);
    const listed = await page.$$eval(`main a[href^="/${SLUG}/berita/"]`, (as) =>
      [...new Set(as.map((a) => a.getAttribute('href')))].filter(
        (h) => h && !h.endsWith('/berita/') && !h.endsWith('.xml'),
      ),
    );
    expect(feed.links.length).toBeGreaterThan(0);
    expect(feed.links.map((l) => new URL(l).pathname).sort()).toEqual([...listed].sort());
    for (const d of feed.dates) expect(Number.isNaN(Date.parse(d))).toBe(false);
    for (const link of feed.links) expect((await fetch(`${site}${new URL(link).pathname}`)).status).toBe(200);
    await page.close();
  });

  it('sitemap.xml indexes each village sitemap, whose every URL is a page that exists', async () => {
    const index = await (await fetch(`${site}/sitemap.xml`)).text();
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname);
    expect(sitemaps).toContain(`/${SLUG}/sitemap.xml`);
    expect(sitemaps).toContain('/sitemap-portal.xml');
    const village = await (await fetch(`${site}/${SLUG}/sitemap.xml`)).text();
    const urls = [...village.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname);
    expect(urls).toContain(`/${SLUG}/`);
    expect(urls).toContain(`/${SLUG}/en/layanan/`);
    for (const path of urls) expect((await fetch(`${site}${path}`)).status, path).toBe(200);
  });

  it('an unknown address answers 404 with the not-found page, in both languages', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${site}/${SLUG}/tidak-ada/`);
    expect(res?.status()).toBe(404);
    const text = (await page.textContent('body')) ?? '';
    expect(text).toMatch(/tidak ditemukan/i);
    expect(text).toMatch(/not found/i);
    expect(await page.locator(`a[href="/"], a[href="/${SLUG}/"]`).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('an unknown address inside a village shows that village’s 404 page, linking home in both languages', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${site}/${SLUG}/tidak-ada/`);
    expect(res?.status()).toBe(404);
    expect(await page.textContent('header .brand')).toContain('Desa Tamansari');
    expect(await page.locator(`main a[href="/${SLUG}/"]`).count()).toBe(1);
    expect(await page.locator(`main a[href="/${SLUG}/en/"]`).count()).toBe(1);
    // outside any village: the regency's
    const outside = await page.goto(`${site}/tidak-ada/`);
    expect(outside?.status()).toBe(404);
    expect(await page.textContent('header .brand')).not.toContain('Tamansari');
    await page.close();
  });

  it('robots.txt allows crawling and names the absolute sitemap URL', async () => {
    const res = await fetch(`${site}/robots.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toContain(`Sitemap: ${site}/sitemap.xml`);
  });

  it('pages carry Open Graph tags for WhatsApp previews: absolute URL, title, description, a JPEG share card', async () => {
    const { default: sharp } = await import('sharp');
    const products = (await client(runtime.apiUrl)('GET', `/villages/${TAMANSARI}/products`)).data.items;
    const page = await browser.newPage();
    const cards = new Set<string>();
    for (const path of [
      `/${SLUG}/`,
      `/${SLUG}/en/layanan/sku/`,
      `/${SLUG}/produk/${products[0].slug}/`,
      '/kemiren-glagah/',
      '/',
    ]) {
      await page.goto(`${site}${path}`);
      const og = await page.$$eval('meta[property^="og:"]', (ms) =>
        ms.map((m) => [m.getAttribute('property'), m.getAttribute('content')] as const),
      );
      const first = (name: string) => og.find(([p]) => p === name)?.[1];
      expect(first('og:url'), path).toBe(`${site}${path}`);
      expect(first('og:title'), path).toBeTruthy();
      expect(first('og:description'), path).toBeTruthy();
      expect(first('og:locale'), path).toBe(path.includes('/en/') ? 'en_US' : 'id_ID');
      // the first image (the one WhatsApp shows): the JPEG card of the village, or of the portal
      const image = first('og:image') as string;
      expect(image, path).toMatch(
        new RegExp(`^${site}/${path === '/' ? '' : `${path.split('/')[1]}/`}og-[0-9a-f]{12}\\.jpg$`),
      );
      expect(first('og:image:type'), path).toBe('image/jpeg');
      expect(first('og:image:width'), path).toBe('1200');
      expect(first('og:image:height'), path).toBe('630');
      expect(first('og:image:alt'), path).toBeTruthy();
      const res = await fetch(image);
      expect(res.status, image).toBe(200);
      expect(res.headers.get('content-type'), image).toBe('image/jpeg');
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect([meta.format, meta.width, meta.height], image).toEqual(['jpeg', 1200, 630]);
      cards.add(image);
      // a product page also names its photo, after the card
      if (path.includes('/produk/')) {
        const images = og.filter(([p]) => p === 'og:image').map(([, c]) => c as string);
        expect(images, path).toHaveLength(2);
        expect((await fetch(images[1] as string)).status).toBe(200);
      }
    }
    // one card per village folder (the same for all its pages) and one for the portal
    expect(cards.size).toBe(3);
    await page.close();
  });

  it('the home page’s structured data names the province from the regency’s data; category names match the API’s', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}/${SLUG}/`);
    const ld = JSON.parse((await page.textContent('script[type="application/ld+json"]')) ?? '{}');
    expect(ld.address).toMatchObject({ addressRegion: 'Jawa Timur', addressCountry: 'ID' });
    const found = await client(runtime.apiUrl)('GET', '/products/search?q=batik%20tulis');
    const batik = found.data.items.find(
      (i: { village: { slug: string } }) => i.village.slug === 'kemiren-glagah',
    );
    await page.goto(`${site}/kemiren-glagah/produk/`);
    expect(await page.textContent('main')).toContain(batik.categoryName.id);
    await page.goto(`${site}/kemiren-glagah/en/produk/`);
    expect(await page.textContent('main')).toContain(batik.categoryName.en);
    await page.close();
  });

  it('photos below the fold of a phone screen load lazily, and every photo has its size', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${site}/${SLUG}/produk/`);
    const imgs = await page.$$eval('main img', (els) =>
      els.map((el) => ({
        top: el.getBoundingClientRect().top + window.scrollY,
        loading: el.getAttribute('loading'),
        width: el.getAttribute('width'),
        height: el.getAttribute('height'),
      })),
    );
    expect(imgs.length).toBeGreaterThan(1);
    const below = imgs.filter((i) => i.top > 640);
    expect(below.length).toBeGreaterThan(0);
    for (const img of below) expect(img.loading).toBe('lazy');
    for (const img of imgs) expect(Number(img.width) * Number(img.height)).toBeGreaterThan(0);
    await context.close();
  });
});

/** Uploads SKU's three required documents, then the officer sends the request back with `reason`. */
async function sendBack(id: string, secret: string, reason: string) {
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

describe('the receipt on a small phone (360 × 740)', () => {
  it('never scrolls sideways: the 43-character secret wraps, and so do a long reason and the replacement forms of needs_revision', async () => {
    const api = runtime.apiUrl;
    const call = client(api);
    const filed = await call('POST', `/villages/${TAMANSARI}/requests`, { json: skuBody('Layar Kecil') });
    const { id, secret } = filed.data as { id: string; secret: string };
    expect(secret.length).toBeGreaterThanOrEqual(43);
    const receipt = `${api}/requests/${id}/receipt?secret=${encodeURIComponent(secret)}`;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    /** how far the page and the secret's box reach to the right, in CSS pixels */
    const widths = async () =>
      page.evaluate(() => {
        const code = [...document.querySelectorAll('.code')].at(-1);
        return {
          page: document.documentElement.scrollWidth,
          code: code ? Math.ceil(code.getBoundingClientRect().right) : 0,
        };
      });
    try {
      await page.goto(receipt);
      expect(await page.textContent('body')).toContain(secret); // the first view shows it
      const first = await widths();
      expect(first.page).toBeLessThanOrEqual(360);
      expect(first.code).toBeLessThanOrEqual(360);

      // sent back with a long reason: the page with its replacement and resubmit forms still fits
      await sendBack(
        id,
        secret,
        `KK tidak terbaca: ${'https://contoh.desa.id/'.repeat(4)}unggah-ulang-dengan-resolusi-lebih-tinggi`,
      );
      await page.goto(receipt);
      expect(await page.textContent('body')).toContain('KK tidak terbaca');
      expect(await page.locator('form[action$="/resubmit"]').count()).toBe(1);
      expect((await widths()).page).toBeLessThanOrEqual(360);
    } finally {
      await context.close();
    }
  });
});

describe('quality of the built pages', () => {
  /**
   * axe on a page of the built site (`/…`), any absolute URL (the API's own HTML pages), or the HTML
   * of an answer to a POST (`{ html }`, e.g. the form's error page), shown at the API's origin
   */
  async function axe(path: string | { html: string }) {
    // the API's pages send `default-src 'none'`: let the test inject axe (bypassCSP), nothing else changes
    const context = await browser.newContext({
      bypassCSP: typeof path !== 'string' || path.startsWith('http'),
    });
    const page = await context.newPage();
    if (typeof path !== 'string') await page.setContent(path.html);
    else await page.goto(path.startsWith('http') ? path : `${site}${path}`);
    await page.addScriptTag({ path: join(process.cwd(), 'node_modules/axe-core/axe.min.js') });
    const result = await page.evaluate(async () => {
      type Axe = {
        run(
          ctx: Document,
          opts: object,
        ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
      };
      const r = await (window as unknown as { axe: Axe }).axe.run(document, {
        runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'],
      });
      return r.violations.map(
        (v: { id: string; nodes: { target: string[] }[] }) =>
          `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    });
    await context.close();
    return result;
  }

  it('axe-core finds no violations on home, service, product, tracking and portal pages', async () => {
    const products = (await client(runtime.apiUrl)('GET', `/villages/${TAMANSARI}/products`)).data.items;
    const paths = [
      `/${SLUG}/`,
      `/${SLUG}/en/`,
      `/${SLUG}/layanan/sku/`,
      `/${SLUG}/produk/${products[0].slug}/`,
      `/${SLUG}/lacak/`,
      `/${SLUG}/apbdes/`,
      '/',
    ];
    for (const path of paths) expect(await axe(path), path).toEqual([]);
  });

  it("the API's own HTML pages (receipt, tracking, product search, errors) validate and pass axe", async () => {
    const api = runtime.apiUrl;
    const call = client(api);
    const filed = await call('POST', `/villages/${TAMANSARI}/requests`, { json: skuBody('Dewi Lestari') });
    expect(filed.status).toBe(201);
    const { id, secret, trackingCode } = filed.data as { id: string; secret: string; trackingCode: string };
    const receipt = `${api}/requests/${id}/receipt?secret=${encodeURIComponent(secret)}`;
    const pages: [string, number][] = [
      [receipt, 200], // the first view, with the secret
      [receipt, 200], // later views, without it
      [`${api}/track?code=${trackingCode}`, 200],
      [`${api}/track?code=${trackingCode}&lang=en`, 200],
      [`${api}/products/search?q=kopi&category=`, 200],
      [`${api}/products/search?q=zzzzqqq&lang=en`, 200],
      [`${api}/track?code=XXXXX-XXXXX`, 404],
      [`${api}/requests/${id}/documents/ktp.AAAAAAAAAAAA/confirm?secret=wrong`, 403],
    ];
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    for (const [url, status] of pages) {
      const res = await fetch(url, { headers: { accept: 'text/html' } });
      expect(res.status, url).toBe(status);
      expect(res.headers.get('content-type'), url).toMatch(/^text\/html/);
      const report = await validator.validateString(await res.text());
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
      expect(messages, url).toEqual([]);
    }
    for (const [url] of pages.slice(1, 7)) expect(await axe(url), url).toEqual([]);
    // sent back for a fix: the reason, a replacement form per document and the resubmit form
    await sendBack(id, secret, 'KK tidak terbaca');
    const revision = await fetch(receipt, { headers: { accept: 'text/html' } });
    const revisionHtml = await revision.text();
    expect(revisionHtml).toContain('/resubmit');
    const report = await validator.validateString(revisionHtml);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    expect(await axe(receipt)).toEqual([]);
    // a receipt link with a wrong secret: its own page, leading to the tracking form
    const wrong = `${api}/requests/${id}/receipt?secret=wrong`;
    const wrongPage = await fetch(wrong, { headers: { accept: 'text/html' } });
    expect(wrongPage.status).toBe(403);
    const wrongReport = await validator.validateString(await wrongPage.text());
    expect(wrongReport.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual(
      [],
    );
    expect(await axe(wrong)).toEqual([]);
    // the error page a form with mistakes gets (JavaScript off): valid, accessible
    const errorPage = await formErrorPage();
    const errorReport = await validator.validateString(errorPage);
    expect(errorReport.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual(
      [],
    );
    expect(await axe({ html: errorPage })).toEqual([]);
  });

  /** What the API answers a plain form post with mistakes in the applicant's and the service's fields. */
  async function formErrorPage(): Promise<string> {
    const res = await fetch(`${runtime.apiUrl}/villages/${TAMANSARI}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        serviceCode: 'sku',
        'applicant.name': 'A',
        'applicant.nik': '1234',
        'applicant.whatsapp': '1234',
        lang: 'id',
      }).toString(),
    });
    expect(res.status).toBe(400);
    return res.text();
  }

  it("the API's tracking, search and error pages do not scroll sideways on a 360 px phone", async () => {
    const api = runtime.apiUrl;
    const { data } = await client(api)('POST', `/villages/${TAMANSARI}/requests`, { json: skuBody('Lebar') });
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    const pages: (string | { html: string })[] = [
      `${api}/track/${data.trackingCode}`,
      `${api}/track/${data.trackingCode}?lang=en`,
      `${api}/track?code=XXXXX-XXXXX`,
      `${api}/products/search?q=kopi&category=`,
      `${api}/products/search?q=batik&lang=en`,
      { html: await formErrorPage() },
    ];
    for (const target of pages) {
      if (typeof target === 'string') await page.goto(target);
      else await page.setContent(target.html);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, typeof target === 'string' ? target : 'error page').toBeLessThanOrEqual(360);
    }
    await context.close();
  });

  it('every built page validates (html-validate) and content pages carry no executable script', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const files: string[] = [];
    const walk = async (dir: string) => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.name.endsWith('.html')) files.push(path);
      }
    };
    await walk(outDir);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const report = await validator.validateFile(file);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
      expect(messages, file).toEqual([]);
      const html = await readFile(file, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
      const executable = scripts.filter((attrs) => !/type="?application\/ld\+json/.test(attrs));
      expect(executable, file).toEqual([]);
    }
  });
});

describe('the request form and the service page', () => {
  it('the NIK survives Back from the API’s error page (no autocomplete="off")', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'id-ID' });
    const page = await context.newPage();
    try {
      await page.goto(`${site}/${SLUG}/layanan/domisili/`);
      expect(await page.getAttribute('[name="applicant.nik"]', 'autocomplete')).not.toBe('off');
      await fillRequestForm(page);
      // a date the browser accepts and the API refuses (in the future): its error page, then Back
      await page.fill('[name="fields.tinggal_sejak"]', '2999-01-01');
      await page.click('form[method="post"] button[type="submit"]');
      await page.waitForLoadState();
      expect(new URL(page.url()).pathname).not.toBe(`/${SLUG}/layanan/domisili/`);
      await page.goBack();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/${SLUG}/layanan/domisili/`);
      expect(await page.inputValue('[name="applicant.nik"]')).toBe('3510244107950003');
    } finally {
      await context.close();
    }
  });

  it('number fields take digits or Indonesian thousands groups, as the API reads them: never 1.5 for "1.500"', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}/${SLUG}/layanan/sktm/`);
    const income = page.locator('[name="fields.penghasilan_bulanan"]');
    expect(await income.getAttribute('inputmode')).toBe('numeric');
    expect(await income.getAttribute('type')).not.toBe('number');
    const valid = (value: string) =>
      income.fill(value).then(() => income.evaluate((el) => (el as HTMLInputElement).validity.valid));
    expect(await valid('1.500.000')).toBe(true);
    expect(await valid('1500000')).toBe(true);
    expect(await valid('1.5')).toBe(false);
    expect(await valid('1.50.000')).toBe(false);
    expect(await valid('satu juta')).toBe(false);
    const hint = await page.textContent(`#${await income.getAttribute('aria-describedby')}`);
    expect(hint).toMatch(/1500000 atau 1\.500\.000/);
    await page.goto(`${site}/${SLUG}/en/layanan/sktm/`);
    expect(await page.textContent('#f-penghasilan_bulanan-hint')).toMatch(/1500000 or 1\.500\.000/);
    await page.close();
  });

  it('"Data yang diisi di formulir" lists every field the form asks for', async () => {
    const page = await browser.newPage();
    for (const code of ['domisili', 'sktm', 'sku']) {
      await page.goto(`${site}/${SLUG}/layanan/${code}/`);
      const labels = await page.$$eval(
        'form[method="post"] fieldset fieldset legend, form[method="post"] label[for^="f-"]',
        (els) => els.map((el) => (el.firstChild?.textContent ?? '').replace(/\s+/g, ' ').trim()),
      );
      const heading = page.locator('h3', { hasText: 'Data yang diisi di formulir' });
      const listed = (await heading.locator('xpath=following-sibling::ul[1]/li').allTextContents()).map((t) =>
        t.replace(/\s+/g, ' ').trim(),
      );
      expect(labels.length, code).toBeGreaterThan(0);
      for (const label of labels)
        expect(
          listed.some((li) => li.startsWith(label)),
          `${code}: ${label}`,
        ).toBe(true);
    }
    await page.goto(`${site}/${SLUG}/layanan/domisili/`);
    expect(await page.textContent('main')).toMatch(/Data yang diisi di formulir[\s\S]*Keperluan/);
    await page.close();
  });
});

describe('a kelurahan’s site (Bakungan)', () => {
  it('speaks of the kelurahan, has no APBDes page, menu item or sitemap entry, and no empty head row', async () => {
    const page = await browser.newPage();
    for (const path of ['', 'berita/', 'lacak/', 'layanan/sku/', 'en/']) {
      await page.goto(`${site}/${KELURAHAN}/${path}`);
      expect(await page.locator('nav.nav a', { hasText: /APBDes/ }).count(), path).toBe(0);
      expect(await page.locator(`a[href*="/apbdes/"]`).count(), path).toBe(0);
      // the site's own words (a service's procedure is the catalogue's text, and may say "desa/kelurahan")
      if (!path.includes('layanan') && !path.startsWith('en/'))
        expect((await page.textContent('body')) ?? '', path).not.toMatch(/\bdesa\b(?! dan kelurahan)/i);
    }
    await page.goto(`${site}/${KELURAHAN}/`);
    expect(await page.locator('main dt', { hasText: 'Lurah' }).count()).toBe(0); // no head named: no row
    expect(await page.textContent('main')).toContain('Layanan administrasi kelurahan');
    await page.goto(`${site}/${KELURAHAN}/berita/`);
    expect(await page.textContent('h1')).toBe('Berita kelurahan');
    await page.goto(`${site}/${KELURAHAN}/lacak/`);
    expect(await page.textContent('main')).toContain('Hubungi kantor kelurahan');
    await page.goto(`${site}/${KELURAHAN}/layanan/sku/`);
    expect(await page.textContent('main')).toContain('Ditandatangani Lurah');
    expect(await page.textContent('main')).toContain('Hanya dapat dibaca petugas kelurahan');
    await page.goto(`${site}/${KELURAHAN}/en/`);
    expect(await page.textContent('main')).toContain('is an urban village in');
    expect((await fetch(`${site}/${KELURAHAN}/apbdes/`)).status).toBe(404);
    const sitemap = await (await fetch(`${site}/${KELURAHAN}/sitemap.xml`)).text();
    expect(sitemap).not.toContain('/apbdes/');
    // a desa keeps its APBDes
    await page.goto(`${site}/${SLUG}/`);
    expect(await page.locator('nav.nav a', { hasText: 'APBDes' }).count()).toBe(1);
    await page.close();
  });
});

describe('on a cheap phone (360 × 740)', () => {
  async function phone(deviceScaleFactor = 1) {
    return browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor,
      javaScriptEnabled: true,
    });
  }

  it('no page type scrolls sideways; every menu item, the language link and the APBDes figures are in view', async () => {
    const products = (await client(runtime.apiUrl)('GET', `/villages/${TAMANSARI}/products`)).data.items;
    const context = await phone();
    const page = await context.newPage();
    const paths = [
      '/',
      '/en/',
      '/cari/',
      `/${SLUG}/`,
      `/${SLUG}/en/`,
      `/${SLUG}/layanan/`,
      `/${SLUG}/layanan/sktm/`,
      `/${SLUG}/en/layanan/domisili/`,
      `/${SLUG}/lacak/`,
      `/${SLUG}/produk/`,
      `/${SLUG}/produk/${products[0].slug}/`,
      `/${SLUG}/berita/`,
      `/${SLUG}/apbdes/`,
      `/${SLUG}/en/apbdes/`,
      `/${SLUG}/tidak-ada/`,
      `/${KELURAHAN}/`,
    ];
    try {
      for (const path of paths) {
        await page.goto(`${site}${path}`);
        // the portal's kecamatan groups open, as a villager would open them
        await page.evaluate(() => {
          for (const d of document.querySelectorAll('details')) d.open = true;
        });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, path).toBeLessThanOrEqual(360);
      }
      for (const path of [`/${SLUG}/`, `/${SLUG}/en/apbdes/`]) {
        await page.goto(`${site}${path}`);
        const items = await page.$$eval('nav.nav a', (as) =>
          as.map((a) => {
            const r = a.getBoundingClientRect();
            return { text: a.textContent, left: r.left, right: r.right, width: r.width };
          }),
        );
        expect(items.length, path).toBe(6);
        for (const item of items) {
          expect(item.width, item.text ?? '').toBeGreaterThan(0);
          expect(item.left, item.text ?? '').toBeGreaterThanOrEqual(0);
          expect(item.right, item.text ?? '').toBeLessThanOrEqual(360);
        }
        // the language link beside the village name, not on a row of its own
        const brand = await page.locator('header .brand').boundingBox();
        const lang = await page.locator('header a.lang').boundingBox();
        expect(lang && brand && lang.y < brand.y + brand.height && lang.x > brand.x + 100, path).toBe(true);
      }
      // breadcrumbs: no lone "›", the current page (the heading below) not repeated
      await page.goto(`${site}/${SLUG}/layanan/sktm/`);
      expect(await page.locator('.crumbs [aria-current="page"]').isVisible()).toBe(false);
      // APBDes: every sector's Realisasi and Serapan on screen
      await page.goto(`${site}/${SLUG}/apbdes/`);
      const cells = await page.$$eval('table.budget td', (tds) =>
        tds.map((td) => td.getBoundingClientRect().right),
      );
      expect(cells.length).toBeGreaterThan(0);
      for (const right of cells) expect(right).toBeLessThanOrEqual(360);
      expect(await page.locator('table.budget td', { hasText: '%' }).first().isVisible()).toBe(true);
      // footer: "Surel:" on the line of the address it labels, every contact row the same height
      await page.goto(`${site}/${SLUG}/`);
      const footer = await page.$$eval('footer .plain li', (lis) =>
        lis.map((li) => {
          const range = document.createRange();
          range.selectNodeContents(li.firstChild as Node);
          const label = range.getBoundingClientRect();
          const text = li.querySelector('a')?.firstChild;
          if (!text) return { text: li.textContent ?? '', sameLine: false };
          const linkRange = document.createRange();
          linkRange.selectNodeContents(text);
          const link = linkRange.getClientRects()[0];
          return { text: li.textContent ?? '', sameLine: !!link && Math.abs(label.top - link.top) < 4 };
        }),
      );
      expect(footer.length).toBeGreaterThan(0);
      for (const row of footer) expect(row.sameLine, row.text).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('the portal is compact: kecamatan groups, villages in two columns', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    try {
      await page.goto(`${site}/`);
      const links = await page.locator('.kec li').count();
      expect(links).toBeGreaterThan(200);
      const closed = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(closed).toBeLessThan(3000);
      await page.locator('summary', { hasText: 'Kecamatan Licin' }).click();
      const items = await page
        .locator('details[open] .kec li')
        .evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().left)));
      expect(new Set(items).size).toBe(2);
    } finally {
      await context.close();
    }
  });

  it('product cards on a 2x phone fetch the 320 px photo, not the 640 px one', async () => {
    const context = await phone(2);
    const page = await context.newPage();
    try {
      await page.goto(`${site}/${SLUG}/produk/`);
      const img = page.locator('.cards img').first();
      await img.scrollIntoViewIfNeeded();
      await expect
        .poll(() =>
          img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).currentSrc),
        )
        .toMatch(/-320\.webp$/);
    } finally {
      await context.close();
    }
  });
});

describe('English pages', () => {
  it('name the regency in English, translate common units and mark untranslated news', async () => {
    const page = await browser.newPage();
    await page.goto(`${site}/${SLUG}/en/`);
    expect(await page.textContent('header')).toContain('Banyuwangi Regency');
    expect(await page.textContent('body')).not.toContain('Kabupaten');
    const products = (await client(runtime.apiUrl)('GET', `/villages/${TAMANSARI}/products`)).data.items as {
      slug: string;
      unit: string;
    }[];
    const packed = products.find((p) => p.unit === 'bungkus');
    expect(packed).toBeDefined();
    await page.goto(`${site}/${SLUG}/en/produk/${packed?.slug}/`);
    expect(await page.textContent('main')).toContain('per pack');
    expect(await page.textContent('main')).not.toContain('per bungkus');
    // the office hours table's caption does not repeat its heading
    await page.goto(`${site}/${SLUG}/en/`);
    const caption = await page.textContent('#hours ~ table caption');
    expect(caption).not.toBe(await page.textContent('#hours'));
    await page.close();
  });

  it('an article without an English text says so in the English list and feed', async () => {
    // the fixtures' Tamansari has one (kerja-bakti-jalur-paltuding, Indonesian only)
    const out = await mkdtemp(join(tmpdir(), 'sk-e2e-fixtures-'));
    try {
      const { buildSites } = await import('../../site/build');
      const source = { source: 'snapshot:site/fixtures', regencyCode: '35.10' };
      await buildSites({ dataDir: 'site/fixtures', outDir: out, source, onLog: () => {} });
      const list = await readFile(join(out, SLUG, 'en/berita/index.html'), 'utf8');
      const item = /<li>(?:(?!<\/li>)[\s\S])*kerja-bakti-jalur-paltuding(?:(?!<\/li>)[\s\S])*<\/li>/.exec(
        list,
      )?.[0];
      expect(item).toContain('(in Bahasa Indonesia)');
      expect(list.match(/\(in Bahasa Indonesia\)/g)?.length).toBe(1);
      const rss = await readFile(join(out, SLUG, 'en/berita/rss.xml'), 'utf8');
      expect(rss.match(/<title>[^<]*\(in Bahasa Indonesia\)<\/title>/g)?.length).toBe(1);
      expect(await readFile(join(out, SLUG, 'berita/index.html'), 'utf8')).not.toContain(
        '(in Bahasa Indonesia)',
      );
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});
