/**
 * Publishing the village sites: a product published through the API appears, a failing village
 * does not hold the others back, the loop npm start runs; and the request form and service page
 * (the built sites, runtime and browser: test/support/sites.ts).
 */
import { describe, expect, it } from 'vitest';
import type { PublishRound } from '../../infra/local/publisher';
import { jpegWithGps } from '../fixtures/images';
import { client, KEMIREN, signIn, TAMANSARI } from '../support/runtime';
import {
  browser,
  fillRequestForm,
  LOCAL_SOURCE,
  outDir,
  publisher,
  runtime,
  rupiah,
  SLUG,
  served,
  site,
  sleep,
  useSitesWorld,
} from '../support/sites';

useSitesWorld();

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
    const { markOutOfDate } = await import('../../functions/publish/signal');
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

describe('publishing with the loop npm start runs', () => {
  // the budget (≤ 5 s) is measured by bench/sites-live.ts; a loaded CI machine gets twice that here
  const DEADLINE_MS = 10_000;

  it('a change through the API is served within the deadline, a burst of 3 changes is one rebuild, a signal written by another process is polled', async () => {
    const { startPublisher, PUBLISH_POLL_MS, PUBLISH_QUIET_MS } = await import('../../infra/local/publisher');
    const { SiteState } = await import('../../functions/publish/entities');
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
