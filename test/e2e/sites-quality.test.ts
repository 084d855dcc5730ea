/**
 * Quality of the built pages and the API's pages: html-validate, axe-core, no sideways scrolling on a
 * cheap phone (360 × 740), the receipt on a small phone (the built sites, runtime and browser:
 * test/support/sites.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { client, skuBody, TAMANSARI } from '../support/runtime';
import { browser, KELURAHAN, outDir, runtime, SLUG, sendBack, site, useSitesWorld } from '../support/sites';

useSitesWorld();

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
