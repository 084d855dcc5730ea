/**
 * Sellers and their products: registration and moderation, photos, ownership, concurrency and
 * retries, suspension races, and the site signal (test/support/products.ts starts the runtime).
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { GPS_FIXTURE, htmlBytes, jpegWithGps, pngBytes, svgBytes } from '../fixtures/images';
import {
  approvedSeller,
  call,
  createProduct,
  kemirenOfficer,
  kemirenSeller,
  officer,
  PASSWORD,
  productBody,
  publish,
  registration,
  runtime,
  signInAs,
  uploadPhoto,
  useProductsRuntime,
} from '../support/products';
import { KEMIREN, TAMANSARI } from '../support/runtime';

useProductsRuntime();

describe('seller registration and moderation', () => {
  it('registers pending, signs in, prepares drafts, but cannot publish until approved', async () => {
    const body = registration();
    const reg = await call('POST', `/villages/${TAMANSARI}/sellers`, { json: body });
    expect(reg.status, reg.text).toBe(201);
    expect(reg.data).toEqual({ id: expect.any(String), status: 'pending' });
    // the username is the WhatsApp number, normalised; typed as villagers type it, it signs in too
    const token = await signInAs(`+62${String(body.whatsapp).slice(1)}`, PASSWORD);
    const local = String(body.whatsapp);
    for (const typed of [
      local,
      `62${local.slice(1)}`,
      `${local.slice(0, 4)}-${local.slice(4, 8)} ${local.slice(8)}`,
    ]) {
      const again = JSON.parse(
        Buffer.from((await signInAs(typed, PASSWORD)).split('.')[1] ?? '', 'base64url').toString(),
      );
      expect(again['cognito:username'], typed).toBe(`+62${local.slice(1)}`);
    }
    const wrong = await call('POST', '/local/token', {
      json: { username: local, password: 'Salah-Sandi-1' },
    });
    expect(wrong.status).toBe(401);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({
      'cognito:groups': ['seller'],
      'custom:village': TAMANSARI,
      'custom:seller': reg.data.id,
    });
    const draft = await createProduct(token);
    expect(draft).toMatchObject({ status: 'draft', version: 1, visibility: 'private' });
    const refused = await call('PATCH', `/products/${draft.id}`, {
      token,
      json: { version: 1, status: 'published' },
    });
    expect(refused.status).toBe(409);
    expect(refused.data.error.code).toBe('seller_not_approved');

    // the officer of another village cannot decide; the village's own can
    const foreign = await call('POST', `/sellers/${reg.data.id}/transitions`, {
      token: kemirenOfficer,
      json: { to: 'approved' },
    });
    expect(foreign.status).toBe(403);
    const noReason = await call('POST', `/sellers/${reg.data.id}/transitions`, {
      token: officer,
      json: { to: 'rejected' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.data.error.fields).toEqual([{ path: 'reason', message: expect.any(String) }]);
    const approved = await call('POST', `/sellers/${reg.data.id}/transitions`, {
      token: officer,
      json: { to: 'approved' },
    });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.data).toMatchObject({ status: 'approved', version: 2 });
    const queue = await call('GET', `/villages/${TAMANSARI}/sellers?status=approved`, { token: officer });
    expect(queue.data.items.map((s: { id: string }) => s.id)).toContain(reg.data.id);
  });

  it('a retry answers the same seller; another business with the same number gets 409; bad input names the field', async () => {
    const body = registration();
    const first = await call('POST', `/villages/${TAMANSARI}/sellers`, { json: body });
    const retry = await call('POST', `/villages/${TAMANSARI}/sellers`, { json: body });
    expect(retry.status).toBe(201);
    expect(retry.data.id).toBe(first.data.id);
    const taken = await call('POST', `/villages/${TAMANSARI}/sellers`, {
      json: { ...body, businessName: 'Usaha Lain' },
    });
    expect(taken.status).toBe(409);
    expect(taken.data.error.code).toBe('seller_exists');

    const bad = await call('POST', `/villages/${TAMANSARI}/sellers`, {
      json: registration({ whatsapp: '12345', password: 'pendek', kind: 'pt' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.data.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'kind',
      'password',
      'whatsapp',
    ]);
    // the password is never echoed back
    expect(bad.text).not.toContain('pendek');
  });
});

describe('photos', () => {
  it('strips EXIF GPS, auto-rotates, and serves WebP variants of the promised widths', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token);
    const original = await jpegWithGps({ width: 1600, height: 1200, orientation: 6 });
    expect(original.includes(Buffer.from('GPS'))).toBe(true);
    const { confirmed, photoId } = await uploadPhoto(seller.token, product.id, original);
    expect(confirmed.status, confirmed.text).toBe(200);
    const photo = confirmed.data.photos.find((p: { id: string }) => p.id === photoId);
    expect(photo.status).toBe('ready');
    expect(photo.variants.map((v: { width: number }) => v.width)).toEqual([320, 640, 1200]);
    for (const v of photo.variants) {
      const res = await fetch(v.url);
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.width).toBe(v.width);
      // the orientation-6 landscape comes out portrait
      expect(meta.height).toBeGreaterThan(meta.width ?? 0);
      expect(meta.exif).toBeUndefined();
      expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
      expect(bytes.toString('latin1')).not.toContain(String(GPS_FIXTURE.latitude).slice(0, 5));
    }
    expect(photo.placeholder).toMatch(/^data:image\/webp;base64,/);
    // confirming again is harmless
    const again = await call('POST', `/products/${product.id}/photos/${photoId}/confirm`, {
      token: seller.token,
    });
    expect(again.data.photos).toEqual(confirmed.data.photos);
  });

  it('handles a PNG declared as JPEG by its real type, and refuses SVG and HTML whatever they claim', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token);
    const png = await uploadPhoto(seller.token, product.id, await pngBytes({ width: 900, height: 600 }));
    expect(png.confirmed.data.photos.find((p: { id: string }) => p.id === png.photoId)).toMatchObject({
      status: 'ready',
    });
    for (const bytes of [svgBytes(), htmlBytes()]) {
      const bad = await uploadPhoto(seller.token, product.id, bytes);
      expect(bad.confirmed.data.photos.find((p: { id: string }) => p.id === bad.photoId)).toEqual({
        id: bad.photoId,
        status: 'failed',
        reason: 'unsupported_type',
      });
    }
    // a browser uploading with fetch() from the site's origin: the presigned URL answers CORS
    const form = await call('POST', `/products/${product.id}/photos`, {
      token: seller.token,
      json: { contentType: 'image/png', size: 1000 },
    });
    const preflight = await fetch(form.data.url, {
      method: 'OPTIONS',
      headers: { origin: runtime.siteUrl, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBeTruthy();
    const svgDeclared = await call('POST', `/products/${product.id}/photos`, {
      token: seller.token,
      json: { contentType: 'image/svg+xml', size: 100 },
    });
    expect(svgDeclared.status).toBe(400);
    expect(svgDeclared.data.error.fields[0].path).toBe('contentType');
    // a photo is never a PDF: the message lists what a photo may be (documents may be PDFs)
    expect(svgDeclared.data.error.fields[0].message).toBe('hanya foto JPEG, PNG atau WebP');
    const pdfDeclared = await call('POST', `/products/${product.id}/photos`, {
      token: seller.token,
      json: { contentType: 'application/pdf', size: 100 },
      headers: { 'accept-language': 'en' },
    });
    expect(pdfDeclared.status).toBe(400);
    expect(pdfDeclared.data.error.fields).toEqual([
      { path: 'contentType', message: 'only JPEG, PNG or WebP photos' },
    ]);
    const tooBig = await call('POST', `/products/${product.id}/photos`, {
      token: seller.token,
      json: { contentType: 'image/jpeg', size: 9 * 1024 * 1024 },
    });
    expect(tooBig.status).toBe(400);
  });
});

describe('ownership, concurrency, retries', () => {
  it('a seller of village A cannot list in village B nor touch another seller’s product', async () => {
    const seller = await approvedSeller();
    const other = await call('POST', `/villages/${KEMIREN}/products`, {
      token: seller.token,
      json: productBody(),
    });
    expect(other.status).toBe(403);
    const product = await createProduct(seller.token);
    const foreign = await call('PATCH', `/products/${product.id}`, {
      token: kemirenSeller,
      json: { version: 1, name: 'Dibajak' },
    });
    expect(foreign.status).toBe(403);
    const sameVillage = await approvedSeller();
    const notMine = await call('PATCH', `/products/${product.id}`, {
      token: sameVillage.token,
      json: { version: 1, name: 'Dibajak' },
    });
    expect(notMine.status).toBe(403);
    const photo = await call('POST', `/products/${product.id}/photos`, {
      token: sameVillage.token,
      json: { contentType: 'image/jpeg', size: 1000 },
    });
    expect(photo.status).toBe(403);
    expect((await call('GET', `/products/${product.id}`, { token: sameVillage.token })).status).toBe(404);
  });

  it('a stale version gets 409 and changes nothing; an Idempotency-Key retry creates one product', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token);
    const first = await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: 1, price: 17000 },
    });
    expect(first.status).toBe(200);
    const stale = await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: 1, price: 1 },
    });
    expect(stale.status).toBe(409);
    const now = await call('GET', `/products/${product.id}`, { token: seller.token });
    expect(now.data).toMatchObject({ price: 17000, version: 2 });

    const headers = { 'idempotency-key': `create-${Date.now()}` };
    const a = await call('POST', `/villages/${TAMANSARI}/products`, {
      token: seller.token,
      json: productBody(),
      headers,
    });
    const b = await call('POST', `/villages/${TAMANSARI}/products`, {
      token: seller.token,
      json: productBody(),
      headers,
    });
    expect(a.status).toBe(201);
    expect(b.data.id).toBe(a.data.id);
    const mine = await call('GET', `/sellers/${seller.id}/products`, { token: seller.token });
    expect(mine.data.items).toHaveLength(2);
  });

  it('bad product input names the field and writes nothing', async () => {
    const seller = await approvedSeller();
    const bad = await call('POST', `/villages/${TAMANSARI}/products`, {
      token: seller.token,
      json: productBody({ price: 12.5, category: 'weapons', discountPrice: 20000 }),
    });
    expect(bad.status).toBe(400);
    expect(bad.data.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['category', 'price']);
    const discount = await call('POST', `/villages/${TAMANSARI}/products`, {
      token: seller.token,
      json: productBody({ discountPrice: 20000 }),
    });
    expect(discount.status).toBe(400);
    expect(discount.data.error.fields[0].path).toBe('discountPrice');
    expect((await call('GET', `/sellers/${seller.id}/products`, { token: seller.token })).data.items).toEqual(
      [],
    );
  });
});

describe('the site signal', () => {
  it('a publish marks the village out of date; a burst is one pending rebuild', async () => {
    const { pendingSites, markPublished } = await import('../../functions/publish/signal');
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Gula Semut Tamansari' });
    await uploadPhoto(seller.token, product.id, await jpegWithGps());
    await publish(seller.token, product);
    const pending = await pendingSites('35.10', new Date(Date.now() + 1000), 0);
    const tamansari = pending.filter((p) => p.villageCode === TAMANSARI);
    expect(tamansari).toHaveLength(1);
    // a change after the publisher read the signal keeps the village dirty
    const seen = tamansari[0]?.lastChangeAt ?? '';
    const current = await call('GET', `/products/${product.id}`, { token: seller.token });
    await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: current.data.version, price: 9000 },
    });
    expect(await markPublished({ code: TAMANSARI, regencyCode: '35.10' }, seen, new Date())).toBe(false);
    const still = await pendingSites('35.10', new Date(Date.now() + 1000), 0);
    const latest = still.find((p) => p.villageCode === TAMANSARI);
    expect(latest).toBeDefined();
    expect(
      await markPublished({ code: TAMANSARI, regencyCode: '35.10' }, latest?.lastChangeAt ?? '', new Date()),
    ).toBe(true);
    expect(
      (await pendingSites('35.10', new Date(Date.now() + 1000), 0)).some((p) => p.villageCode === TAMANSARI),
    ).toBe(false);
  });
});

describe('suspension races', () => {
  it('a seller suspended between a PATCH’s read and its write: the product is not republished', async () => {
    const { patchProduct } = await import('../../functions/products/store');
    const { saveHooks } = await import('../../functions/products/save');
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Pia Osing Suspensi' });
    await uploadPhoto(seller.token, product.id, await jpegWithGps());
    const published = await publish(seller.token, product);
    const hidden = await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: published.data.version, status: 'hidden' },
    });
    expect(hidden.status).toBe(200);
    saveHooks.beforeWrite = async () => {
      saveHooks.beforeWrite = undefined;
      const suspend = await call('POST', `/sellers/${seller.id}/transitions`, {
        token: officer,
        json: { to: 'suspended', reason: 'Diperiksa dulu' },
      });
      expect(suspend.status, suspend.text).toBe(200);
    };
    try {
      await expect(
        patchProduct(
          product.id,
          { version: hidden.data.version, status: 'published' },
          { role: 'seller', username: 'test' },
          new Date(),
        ),
      ).rejects.toMatchObject({ code: 'seller_not_approved' });
    } finally {
      saveHooks.beforeWrite = undefined;
    }
    const own = await call('GET', `/products/${product.id}`, { token: officer });
    expect(own.data).toMatchObject({ status: 'hidden', visibility: 'private', version: hidden.data.version });
    expect((await call('GET', '/products/search?q=suspensi')).data.items).toEqual([]);
  });

  it('relisting on suspension bumps the version, so an edit read before it cannot write visibility back', async () => {
    const seller = await approvedSeller();
    const product = await createProduct(seller.token, { name: 'Kue Bagiak Relist' });
    await uploadPhoto(seller.token, product.id, await jpegWithGps());
    const published = await publish(seller.token, product);
    const suspend = await call('POST', `/sellers/${seller.id}/transitions`, {
      token: officer,
      json: { to: 'suspended', reason: 'Diperiksa dulu' },
    });
    expect(suspend.status).toBe(200);
    const after = await call('GET', `/products/${product.id}`, { token: officer });
    expect(after.data).toMatchObject({ visibility: 'private' });
    expect(after.data.version).toBe(published.data.version + 1);
    // reinstated: public again, findable again, one more version
    await call('POST', `/sellers/${seller.id}/transitions`, { token: officer, json: { to: 'approved' } });
    const back = await call('GET', `/products/${product.id}`, { token: officer });
    expect(back.data).toMatchObject({ visibility: 'public', version: published.data.version + 2 });
    expect((await call('GET', '/products/search?q=bagiak')).data.items).toHaveLength(1);
  });
});
