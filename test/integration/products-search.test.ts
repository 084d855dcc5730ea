/**
 * Publishing, listings and the regency-wide search: what the search index keeps and when it changes.
 */
import { describe, expect, it, vi } from 'vitest';
import { jpegWithGps } from '../fixtures/images';
import {
  approvedSeller,
  call,
  createProduct,
  officer,
  productBody,
  publish,
  uploadPhoto,
  useProductsRuntime,
} from '../support/products';
import { KEMIREN, TAMANSARI } from '../support/runtime';

useProductsRuntime();

describe('publishing, listings and regency-wide search', () => {
  it('publishes with a photo; search finds it from any village; hiding removes it everywhere', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, {
      name: 'Madu Hutan Raung Tamansari',
      category: 'produce',
    });
    const noPhoto = await publish(seller.token, product);
    expect(noPhoto.status).toBe(422);
    expect(noPhoto.data.error.code).toBe('photo_required');
    await uploadPhoto(seller.token, product.id, await jpegWithGps());
    const published = await publish(seller.token, product);
    expect(published.status, published.text).toBe(200);
    expect(published.data).toMatchObject({ status: 'published', visibility: 'public' });
    expect(decodeURIComponent(published.data.whatsappUrl)).toMatch(
      /^https:\/\/wa\.me\/62813\d+\?text=.*Madu Hutan Raung Tamansari.*Desa Tamansari/,
    );

    const anonymous = await call('GET', `/products/${product.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.data).not.toHaveProperty('version');
    const list = await call('GET', `/villages/${TAMANSARI}/products?category=produce`);
    expect(list.data.items.map((p: { id: string }) => p.id)).toContain(product.id);

    // regency-wide: a prefix of one word and another word, any village's product
    const found = await call('GET', '/products/search?q=madu%20rau');
    expect(found.status).toBe(200);
    expect(found.data.items).toEqual([
      expect.objectContaining({
        id: product.id,
        village: expect.objectContaining({ code: TAMANSARI, name: 'Tamansari', slug: 'tamansari-licin' }),
      }),
    ]);
    const kopi = await call('GET', '/products/search?q=kopi&category=coffee');
    const villages = new Set(kopi.data.items.map((i: { village: { code: string } }) => i.village.code));
    expect(villages).toEqual(new Set([TAMANSARI, KEMIREN]));
    // a browser gets the results page under the portal's header, with the portal's full-width inputs
    const page = await call('GET', '/products/search?q=madu&category=', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Madu Hutan Raung Tamansari');
    expect(page.text).toMatch(
      /<header class="top"><div><a class="brand" href="http[^"]+\/"><b>[^<]*Banyuwangi<\/b>/,
    );
    expect(page.text).toContain('<link rel="icon" href="data:,">');
    expect(page.text).toMatch(/input\[type=search\],[^{]*select\{display:block;width:100%;min-height:48px/);
    const otherCategory = await call('GET', '/products/search?q=madu&category=crafts');
    expect(otherCategory.data.items).toEqual([]);

    const hidden = await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: published.data.version, status: 'hidden' },
    });
    expect(hidden.status).toBe(200);
    expect((await call('GET', '/products/search?q=madu')).data.items).toEqual([]);
    const after = await call('GET', `/villages/${TAMANSARI}/products?category=produce`);
    expect(after.data.items.map((p: { id: string }) => p.id)).not.toContain(product.id);
    expect((await call('GET', `/products/${product.id}`)).status).toBe(404);
    // the owner still sees it, with its photo states
    const own = await call('GET', `/products/${product.id}`, { token: seller.token });
    expect(own.data).toMatchObject({
      status: 'hidden',
      photos: [expect.objectContaining({ status: 'ready' })],
    });
  });

  it('a suspended seller vanishes from every public list until reinstated', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Tape Singkong Licin' });
    const { confirmed } = await uploadPhoto(seller.token, product.id, await jpegWithGps());
    const urls: string[] = confirmed.data.photos[0].variants.map((v: { url: string }) => v.url);
    const statuses = async () => Promise.all(urls.map(async (url) => (await fetch(url)).status));
    expect((await publish(seller.token, product)).status).toBe(200);
    expect((await call('GET', '/products/search?q=tape')).data.items).toHaveLength(1);
    expect(await statuses()).toEqual([200, 200, 200]);

    const suspended = await call('POST', `/sellers/${seller.id}/transitions`, {
      token: officer,
      json: { to: 'suspended', reason: 'Keluhan pembeli sedang diperiksa' },
    });
    expect(suspended.status, suspended.text).toBe(200);
    expect((await call('GET', '/products/search?q=tape')).data.items).toEqual([]);
    expect((await call('GET', `/products/${product.id}`)).status).toBe(404);
    // its photos too (the variant URLs, what CloudFront serves on AWS)
    expect(await statuses()).toEqual([404, 404, 404]);
    const blocked = await call('POST', `/villages/${TAMANSARI}/products`, {
      token: seller.token,
      json: productBody(),
    });
    expect(blocked.status).toBe(409);

    await call('POST', `/sellers/${seller.id}/transitions`, { token: officer, json: { to: 'approved' } });
    expect((await call('GET', '/products/search?q=tape')).data.items).toHaveLength(1);
    expect(await statuses()).toEqual([200, 200, 200]);
  });

  it('the officer takes a product down with a reason; the seller cannot put it back', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Jamu Kunyit Asam' });
    const { confirmed } = await uploadPhoto(seller.token, product.id, await jpegWithGps());
    const urls: string[] = confirmed.data.photos[0].variants.map((v: { url: string }) => v.url);
    const statuses = async () => Promise.all(urls.map(async (url) => (await fetch(url)).status));
    expect(await statuses()).toEqual([200, 200, 200]);
    const published = await publish(seller.token, product);
    const down = await call('PATCH', `/products/${product.id}`, {
      token: officer,
      json: { version: published.data.version, status: 'taken_down', reason: 'Izin PIRT belum ada' },
    });
    expect(down.status, down.text).toBe(200);
    expect(down.data).toMatchObject({
      status: 'taken_down',
      reason: 'Izin PIRT belum ada',
      visibility: 'private',
    });
    const back = await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: down.data.version, status: 'published' },
    });
    expect(back.status).toBe(409);
    expect(back.data.error.code).toBe('product_taken_down');
    // its photos left the public with it (the variant URLs, what CloudFront serves on AWS)
    expect(await statuses()).toEqual([404, 404, 404]);

    // reinstated by the officer (taken_down → hidden): the variants come back, the seller republishes
    const reinstated = await call('PATCH', `/products/${product.id}`, {
      token: officer,
      json: { version: down.data.version, status: 'hidden' },
    });
    expect(reinstated.status, reinstated.text).toBe(200);
    expect(await statuses()).toEqual([200, 200, 200]);
    const again = await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: reinstated.data.version, status: 'published' },
    });
    expect(again.status, again.text).toBe(200);
  });

  it('on AWS (mocked AWS: CloudFront answered in-process) a take-down invalidates the edges’ copies, a reinstatement does not; a failed invalidation is logged and the take-down stands', async () => {
    const cloudfront = (await import('../../functions/lib/cdn-invalidation')).cloudfront();
    const { config } = await import('../../functions/lib/config');
    const { logOutput } = await import('../../functions/lib/log');
    // the functions' CloudFront client, its requests answered here (never sent) and signed with these
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
    const transport = cloudfront.config.requestHandler as unknown as {
      handle(request: { hostname: string; method: string; path: string; body?: unknown }): Promise<unknown>;
    };
    const original = transport.handle;
    const sent: { hostname: string; method: string; path: string; body: string }[] = [];
    let answer = 201;
    transport.handle = async (request) => {
      sent.push({
        hostname: request.hostname,
        method: request.method,
        path: request.path,
        body: String(request.body),
      });
      const xml =
        answer === 201
          ? '<Invalidation><Id>I1</Id><Status>InProgress</Status></Invalidation>'
          : '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code></Error></ErrorResponse>';
      return { response: { statusCode: answer, headers: {}, body: new TextEncoder().encode(xml) } };
    };
    const lines: string[] = [];
    const { level, write } = logOutput;
    Object.assign(logOutput, { level: 'error', write: (_: string, line: string) => lines.push(line) });
    Object.assign(config(), { DISTRIBUTION_ID: 'EPRODUCTSTEST1' });
    try {
      const seller = await approvedSeller();
      const product = await createProduct(seller.token, { name: 'Kopi Lanang' });
      await uploadPhoto(seller.token, product.id, await jpegWithGps());
      const published = await publish(seller.token, product);
      expect(sent).toEqual([]);
      const down = await call('PATCH', `/products/${product.id}`, {
        token: officer,
        json: { version: published.data.version, status: 'taken_down', reason: 'Audit' },
      });
      expect(down.status, down.text).toBe(200);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.hostname).toBe('cloudfront.amazonaws.com');
      expect(sent[0]?.method).toBe('POST');
      expect(sent[0]?.path).toBe('/2020-05-31/distribution/EPRODUCTSTEST1/invalidation');
      // every variant of its photo by its own path (no wildcard: CloudFront runs only 15 of those at once)
      const paths = [...(sent[0]?.body ?? '').matchAll(/<Path>([^<]*)<\/Path>/g)].map((m) => m[1]);
      expect(paths.length).toBeGreaterThanOrEqual(3);
      for (const path of paths)
        expect(path).toMatch(new RegExp(`^/photos/products/${product.id}/[^*]+\\.webp$`));
      expect(sent[0]?.body).toContain(`<Quantity>${paths.length}</Quantity>`);
      const reinstated = await call('PATCH', `/products/${product.id}`, {
        token: officer,
        json: { version: down.data.version, status: 'hidden' },
      });
      expect(reinstated.status, reinstated.text).toBe(200);
      expect(sent).toHaveLength(1);
      // CloudFront refuses (not retried): the take-down is still the answer, the failure a log line
      answer = 403;
      const again = await call('PATCH', `/products/${product.id}`, {
        token: officer,
        json: { version: reinstated.data.version, status: 'taken_down', reason: 'Audit' },
      });
      expect(again.status, again.text).toBe(200);
      expect(again.data.status).toBe('taken_down');
      expect(sent).toHaveLength(2);
      const failed = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'photos.invalidation_failed');
      expect(failed).toEqual([
        expect.objectContaining({ level: 'error', productId: product.id, error: 'AccessDenied' }),
      ]);
      expect(Object.keys(failed[0]).sort()).toEqual(['error', 'level', 'msg', 'productId', 'time']);
    } finally {
      transport.handle = original;
      Object.assign(config(), { DISTRIBUTION_ID: undefined });
      Object.assign(logOutput, { level, write });
      vi.unstubAllEnvs();
    }
  });
});

describe('empty query values are absent (a plain form sends `category=` for "all")', () => {
  it('search and the village listing answer 200 to `category=`, like no category at all', async () => {
    const search = await call('GET', '/products/search?q=kopi&category=&cursor=');
    expect(search.status, search.text).toBe(200);
    const all = await call('GET', '/products/search?q=kopi');
    expect(search.data.items.map((i: { id: string }) => i.id)).toEqual(
      all.data.items.map((i: { id: string }) => i.id),
    );
    expect(search.data.items.length).toBeGreaterThan(0);
    const list = await call('GET', `/villages/${TAMANSARI}/products?category=&cursor=&limit=`);
    expect(list.status, list.text).toBe(200);
    const plain = await call('GET', `/villages/${TAMANSARI}/products`);
    expect(list.data.items.map((i: { id: string }) => i.id)).toEqual(
      plain.data.items.map((i: { id: string }) => i.id),
    );
    // a value that is there is still checked
    expect((await call('GET', '/products/search?q=kopi&category=weapons')).status).toBe(400);
  });
});

describe('search index: what it keeps, and when it changes', () => {
  const ids = (res: { data: { items: { id: string }[] } }) => res.data.items.map((i) => i.id);

  it('a 45-word description does not push category, seller or village out of the index', async () => {
    const seller = await approvedSeller();
    const words = Array.from({ length: 45 }, (_, i) => `kata${String.fromCharCode(97 + (i % 26))}${i}`);
    const product = await createProduct(seller.token, {
      name: 'Bubuk Arjasari Robusta',
      category: 'coffee',
      description: { id: words.join(' '), en: 'Ground robusta.' },
    });
    await uploadPhoto(seller.token, product.id, await jpegWithGps());
    expect((await publish(seller.token, product)).status).toBe(200);
    // category label (id and en), village and seller name are each a key word of the search
    for (const q of ['kopi', 'coffee', 'tamansari', 'keripik']) {
      const found = await call('GET', `/products/search?q=${q}&limit=100`);
      expect(ids(found), q).toContain(product.id);
    }
    // each result carries the order link, naming the product and the village by its kind
    const result = (await call('GET', '/products/search?q=arjasari')).data.items[0];
    expect(result.id).toBe(product.id);
    expect(decodeURIComponent(result.whatsappUrl)).toMatch(
      /^https:\/\/wa\.me\/62813\d+\?text=.*Bubuk Arjasari Robusta.*dari Desa Tamansari\./,
    );
    // the description still counts, while room is left
    expect(ids(await call('GET', '/products/search?q=kataa0&limit=100'))).toContain(product.id);
  });

  it('a seller transition that committed answers 200 even when the relist keeps conflicting; repeating it repairs', async () => {
    const { saveHooks } = await import('../../functions/products/save');
    const { Conflict } = await import('../../functions/lib/errors');
    const { logOutput } = await import('../../functions/lib/log');
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Gula Aren Wonorejo' });
    await uploadPhoto(seller.token, product.id, await jpegWithGps());
    expect((await publish(seller.token, product)).status).toBe(200);
    const findable = async () =>
      (await call('GET', '/products/search?q=wonorejo')).data.items.some(
        (i: { id: string }) => i.id === product.id,
      );
    expect(await findable()).toBe(true);
    // every relist write of this seller's product loses to a concurrent change
    saveHooks.beforeWrite = async (next) => {
      if (next.sellerId === seller.id) throw new Conflict('error.version_conflict', 'version_conflict');
    };
    const lines: string[] = [];
    const { level, write } = logOutput;
    Object.assign(logOutput, { level: 'error', write: (_: string, line: string) => lines.push(line) });
    try {
      const suspended = await call('POST', `/sellers/${seller.id}/transitions`, {
        token: officer,
        json: { to: 'suspended', reason: 'Laporan pembeli' },
      });
      expect(suspended.status, suspended.text).toBe(200);
      expect(suspended.data).toMatchObject({ status: 'suspended' });
    } finally {
      saveHooks.beforeWrite = undefined;
      Object.assign(logOutput, { level, write });
    }
    expect(lines.join('\n')).toMatch(/seller\.relist_incomplete/);
    const stored = await call('GET', `/sellers/${seller.id}`, { token: officer });
    expect(stored.data.status).toBe('suspended');
    // left for the repair path: the same transition again relists
    const again = await call('POST', `/sellers/${seller.id}/transitions`, {
      token: officer,
      json: { to: 'suspended', reason: 'Laporan pembeli' },
    });
    expect(again.status, again.text).toBe(200);
    expect(await findable()).toBe(false);
  });

  it('a refused write (409) leaves a public product findable', async () => {
    const { patchProduct } = await import('../../functions/products/store');
    const { saveHooks } = await import('../../functions/products/save');
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Sambal Pecel Gandrung' });
    await uploadPhoto(seller.token, product.id, await jpegWithGps());
    const published = await publish(seller.token, product);
    expect(published.status).toBe(200);
    // a photo slot is taken between the hide's read and its write (the photo list's revision moves)
    saveHooks.beforeWrite = async () => {
      saveHooks.beforeWrite = undefined;
      const slot = await call('POST', `/products/${product.id}/photos`, {
        token: seller.token,
        json: { contentType: 'image/jpeg', size: 1000 },
      });
      expect(slot.status, slot.text).toBe(201);
    };
    try {
      await expect(
        patchProduct(
          product.id,
          { version: published.data.version, status: 'hidden' },
          { role: 'seller', username: 'test' },
          new Date(),
        ),
      ).rejects.toMatchObject({ code: 'version_conflict' });
    } finally {
      saveHooks.beforeWrite = undefined;
    }
    expect(ids(await call('GET', '/products/search?q=gandrung'))).toEqual([product.id]);
    expect((await call('GET', `/products/${product.id}`)).data.status).toBe('published');
  });
});
