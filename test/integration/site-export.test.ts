/**
 * The snapshot a village site is built from, exported through the domain layer from the embedded
 * DynamoDB: it validates against the contract, carries what the pages need, and nothing personal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { client, signIn, skuBody, startRuntime, TAMANSARI } from '../support/runtime';

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startRuntime();
}, 120_000);
afterAll(async () => {
  await runtime?.stop();
});

describe('site snapshot export', () => {
  it('has the village, its services with popularity, public products only, news and APBDes — and no personal data', async () => {
    const call = client(runtime.apiUrl);
    const nik = '3510246203880004';
    const applicant = 'Rahasia Pemohon Ekspor';
    const filed = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: { ...skuBody(applicant), applicant: { name: applicant, nik, whatsapp: '081299988877' } },
    });
    expect(filed.status, filed.text).toBe(201);
    // a product the seller hid must not be on the site
    const seller = await signIn(runtime.apiUrl, 'seller@tamansari-licin');
    const own = await call('GET', `/villages/${TAMANSARI}/products`);
    const hidden = own.data.items[0];
    const current = await call('GET', `/products/${hidden.id}`, { token: seller });
    expect(
      (
        await call('PATCH', `/products/${hidden.id}`, {
          token: seller,
          json: { version: current.data.version, status: 'hidden' },
        })
      ).status,
    ).toBe(200);

    const { exportVillage, exportRegency } = await import('../../functions/sites/export');
    const urls = { apiUrl: 'http://localhost:3000', siteUrl: 'http://localhost:4321' };
    const snapshot = await exportVillage(TAMANSARI, urls);
    expect(snapshot.village).toMatchObject({ code: TAMANSARI, slug: 'tamansari-licin', name: 'Tamansari' });
    expect(snapshot.village.profile.head.name).not.toBe('—');
    expect(snapshot.services.find((s) => s.code === 'sku')?.popularity).toBeGreaterThanOrEqual(1);
    expect(snapshot.products.length).toBeGreaterThan(0);
    expect(snapshot.products.map((p) => p.id)).not.toContain(hidden.id);
    for (const p of snapshot.products) {
      expect(p.photos[0]?.variants[0]?.url).toMatch(/^http:\/\/localhost:4321\/photos\/products\//);
      expect(p.whatsappUrl).toMatch(/^https:\/\/wa\.me\/62/);
    }
    expect(snapshot.news.length).toBeGreaterThan(0);
    expect(snapshot.apbdes?.sectors.length).toBeGreaterThan(0);

    const text = JSON.stringify(snapshot);
    for (const secret of [nik, applicant, '081299988877', filed.data.trackingCode, filed.data.secret])
      expect(text).not.toContain(secret);

    const regency = await exportRegency('35.10', urls);
    expect(regency.kecamatan).toHaveLength(25);
    expect(regency.kecamatan.flatMap((k) => k.villages)).toHaveLength(217);
  });

  it('a village with no profile yet still gets a complete snapshot', async () => {
    const { exportVillage } = await import('../../functions/sites/export');
    const snapshot = await exportVillage('35.10.24.2001', { apiUrl: 'http://a', siteUrl: 'http://s' });
    expect(snapshot.village.profile.about.id).toContain(snapshot.village.name);
    expect(snapshot.village.profile.contact.address).toContain('Kecamatan Licin');
    expect(snapshot.services.length).toBeGreaterThan(0);
    expect(snapshot.products).toEqual([]);
    expect(snapshot.apbdes).toBeNull();
  });
});
