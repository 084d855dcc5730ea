/**
 * Property tests of sellers and products: registration, transitions, photos and listings (the
 * runtime, checks and arbitraries: test/support/properties.ts).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  countTable,
  expectWellFormed,
  headerValue,
  jsonBody,
  junk,
  officer,
  pathSegment,
  RUNS,
  raw,
  runtime,
  text,
  usePropertiesRuntime,
} from '../support/properties';
import { KEMIREN, signIn, TAMANSARI } from '../support/runtime';

usePropertiesRuntime();

describe('sellers and products (issue 3)', () => {
  let sellerToken = '';
  let productId = '';
  beforeAll(async () => {
    sellerToken = await signIn(runtime.apiUrl, 'seller@tamansari-licin');
    const created = await call('POST', `/villages/${TAMANSARI}/products`, {
      token: sellerToken,
      json: {
        name: 'Properti Kopi',
        description: { id: 'uji' },
        category: 'coffee',
        price: 1000,
        unit: 'bungkus',
      },
    });
    expect(created.status, created.text).toBe(201);
    productId = created.data.id;
  });

  const sellerBody = fc.oneof(
    jsonBody,
    fc
      .record(
        {
          businessName: fc.oneof(text, junk),
          ownerName: fc.oneof(text, junk),
          whatsapp: fc.oneof(fc.constantFrom('081234567890', '+6281234567890', '12'), text, junk),
          kind: fc.oneof(fc.constantFrom('umkm', 'ikm'), text, junk),
          description: fc.oneof(text, junk),
          password: fc.oneof(fc.constantFrom('Kopi-Ijen-2026!', 'short'), text, junk),
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o)),
  );

  it('random seller registrations never 5xx; rejected ones write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(sellerBody, async (body) => {
        const before = await countTable();
        const res = await raw('POST', `/villages/${TAMANSARI}/sellers`, {
          body,
          contentType: 'application/json',
        });
        expectWellFormed(res, body);
        if (res.status >= 400) expect(await countTable()).toBe(before);
      }),
      { numRuns: Math.min(RUNS, 60) },
    );
  });

  const productBody = fc.oneof(
    jsonBody,
    fc
      .record(
        {
          version: fc.oneof(fc.integer(), fc.double(), text),
          name: fc.oneof(text, junk),
          description: fc.oneof(fc.record({ id: text }), junk),
          category: fc.oneof(fc.constantFrom('coffee', 'crafts', 'weapons'), text, junk),
          price: fc.oneof(fc.integer(), fc.double(), text, junk),
          discountPrice: fc.oneof(fc.integer(), fc.constant(null), junk),
          unit: fc.oneof(text, junk),
          status: fc.oneof(fc.constantFrom('draft', 'published', 'hidden', 'taken_down'), text),
          reason: fc.oneof(text, junk),
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o)),
  );

  it('random product bodies (create and patch) never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(productBody, fc.boolean(), async (body, create) => {
        const res = create
          ? await raw('POST', `/villages/${TAMANSARI}/products`, {
              body,
              contentType: 'application/json',
              token: sellerToken,
            })
          : await raw('PATCH', `/products/${productId}`, {
              body,
              contentType: 'application/json',
              token: sellerToken,
            });
        expectWellFormed(res, body);
      }),
      { numRuns: RUNS },
    );
  });

  it('random search queries, categories and cursors never 5xx; random product ids and tokens neither', async () => {
    await fc.assert(
      fc.asyncProperty(
        // bounded: a URL over the HTTP server's header limit is refused before any handler (431)
        fc.oneof(text, fc.constantFrom('kopi', 'batik gajah', '')).map((v) => String(v).slice(0, 300)),
        fc.oneof(fc.constantFrom('coffee', 'crafts', ''), text).map((v) => String(v).slice(0, 300)),
        fc.oneof(fc.constant(undefined), text, fc.base64String()).map((v) => v?.slice(0, 600)),
        pathSegment,
        fc.oneof(fc.constant(undefined), headerValue),
        async (q, category, cursor, id, auth) => {
          const params = new URLSearchParams({ q, category, ...(cursor !== undefined ? { cursor } : {}) });
          expectWellFormed(await raw('GET', `/products/search?${params}`), { q, category, cursor });
          const res = await raw('GET', `/products/${id}`, auth ? { headers: { authorization: auth } } : {});
          expectWellFormed(res, { id, auth });
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('seller transitions, photos and listings (issue 3)', () => {
  let sellerToken = '';
  let productId = '';
  let pendingId = '';
  beforeAll(async () => {
    sellerToken = await signIn(runtime.apiUrl, 'seller@tamansari-licin');
    const created = await call('POST', `/villages/${TAMANSARI}/products`, {
      token: sellerToken,
      json: {
        name: 'Properti Foto',
        description: { id: 'uji' },
        category: 'crafts',
        price: 1000,
        unit: 'buah',
      },
    });
    expect(created.status, created.text).toBe(201);
    productId = created.data.id;
    // through the domain: the public route's per-address limit is for the random registrations above
    const { SellerRegisterBody } = await import('../../functions/sellers/schemas');
    const { registerSeller } = await import('../../functions/sellers/store');
    const { getVillage } = await import('../../functions/villages/store');
    const reg = await registerSeller(
      await getVillage(TAMANSARI),
      SellerRegisterBody.parse({
        businessName: 'Properti Penjual',
        ownerName: 'Properti',
        whatsapp: '081399988877',
        kind: 'ikm',
        description: 'uji',
        password: 'Properti-Sandi-2026!',
      }),
      new Date(),
    );
    pendingId = reg.id;
  });

  const transitionBody = fc.oneof(
    jsonBody,
    fc
      .record(
        {
          to: fc.oneof(
            fc.constantFrom('approved', 'rejected', 'suspended', 'pending', 'deleted'),
            text,
            junk,
          ),
          reason: fc.oneof(fc.constantFrom('Dokumen kurang lengkap'), text, junk),
          version: fc.oneof(fc.integer(), fc.double(), text, junk),
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o)),
  );

  it('sellers.transition: random bodies never 5xx; a refused one changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(transitionBody, async (body) => {
        const before = await call('GET', `/sellers/${pendingId}`, { token: officer });
        const count = await countTable();
        const res = await raw('POST', `/sellers/${pendingId}/transitions`, {
          body,
          contentType: 'application/json',
          token: officer,
        });
        expectWellFormed(res, body);
        if (res.status >= 400) {
          const after = await call('GET', `/sellers/${pendingId}`, { token: officer });
          expect(after.data, body).toEqual(before.data);
          expect(await countTable()).toBe(count);
        }
      }),
      { numRuns: Math.min(RUNS, 40) },
    );
  });

  const photoBody = fc.oneof(
    jsonBody,
    fc
      .record(
        {
          contentType: fc.oneof(
            fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'image/svg+xml', 'text/html'),
            text,
            junk,
          ),
          size: fc.oneof(
            fc.integer(),
            fc.double(),
            fc.constantFrom(0, 1, 8 * 1024 * 1024, 8 * 1024 * 1024 + 1),
            text,
            junk,
          ),
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o)),
  );

  it('photos.create: random bodies never 5xx; a refused one adds no photo slot', async () => {
    await fc.assert(
      fc.asyncProperty(photoBody, async (body) => {
        const before = await call('GET', `/products/${productId}`, { token: sellerToken });
        const res = await raw('POST', `/products/${productId}/photos`, {
          body,
          contentType: 'application/json',
          token: sellerToken,
        });
        expectWellFormed(res, body);
        const after = await call('GET', `/products/${productId}`, { token: sellerToken });
        if (res.status >= 400) expect(after.data.photos, body).toEqual(before.data.photos);
        else {
          expect(res.status).toBe(201);
          // keep the product under the 5-photo limit: the slot just made goes again
          const gone = await call('DELETE', `/products/${productId}/photos/${res.data.photoId}`, {
            token: sellerToken,
          });
          expect(gone.status, gone.text).toBe(200);
        }
      }),
      { numRuns: Math.min(RUNS, 40) },
    );
  });

  it('photos.confirm and photos.delete: random photo ids never 5xx, and delete nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(pathSegment, fc.boolean(), async (photoId, confirm) => {
        const before = await call('GET', `/products/${productId}`, { token: sellerToken });
        const res = confirm
          ? await raw('POST', `/products/${productId}/photos/${photoId}/confirm`, { token: sellerToken })
          : await raw('DELETE', `/products/${productId}/photos/${photoId}`, { token: sellerToken });
        expectWellFormed(res, { photoId, confirm });
        expect(res.status).toBeGreaterThanOrEqual(400);
        const after = await call('GET', `/products/${productId}`, { token: sellerToken });
        expect(after.data.photos).toEqual(before.data.photos);
      }),
      { numRuns: Math.min(RUNS, 40) },
    );
  });

  it('products.list: random categories, limits and cursors never 5xx, and list only public products', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .oneof(fc.constantFrom('coffee', 'crafts', '', 'weapons'), text)
          .map((v) => String(v).slice(0, 300)),
        fc
          .oneof(fc.constantFrom('1', '25', '100', '0', '101', '-1', '1e2', ''), text)
          .map((v) => String(v).slice(0, 50)),
        fc.oneof(fc.constant(undefined), text, fc.base64String()).map((v) => v?.slice(0, 600)),
        fc.constantFrom(TAMANSARI, KEMIREN),
        async (category, limit, cursor, village) => {
          const params = new URLSearchParams({
            category,
            limit,
            ...(cursor !== undefined ? { cursor } : {}),
          });
          const res = await raw('GET', `/villages/${village}/products?${params}`);
          expectWellFormed(res, { category, limit, cursor });
          if (res.status === 200)
            for (const item of res.data.items) {
              expect(item.village.code).toBe(village);
              expect(item.status).toBe('published');
              if (category) expect(item.category).toBe(category);
            }
        },
      ),
      { numRuns: Math.min(RUNS, 60) },
    );
  });
});
