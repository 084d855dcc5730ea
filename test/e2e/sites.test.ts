/**
 * The village sites in Chromium: a villager files and tracks a request, the regency-wide search, a
 * newcomer and the links people share, a kelurahan's site, English pages (the built sites, runtime and
 * browser: test/support/sites.ts).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { client, TAMANSARI } from '../support/runtime';
import {
  browser,
  fileAndTrack,
  KELURAHAN,
  runtime,
  SLUG,
  searchFromPortal,
  site,
  useSitesWorld,
} from '../support/sites';

useSitesWorld();

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
