/**
 * The snapshot a village site is built from, exported through the domain layer from the embedded
 * DynamoDB: it validates against the contract, carries what the pages need, and nothing personal.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

  it('news and APBDes published by the officer reach the snapshot and mark the site out of date', async () => {
    const call = client(runtime.apiUrl);
    const officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
    const bad = await call('POST', `/villages/${TAMANSARI}/news`, {
      token: officer,
      json: {
        slug: 'Bukan Slug!',
        date: '25-11-2026',
        title: { id: '' },
        summary: { id: 'x' },
        body: { id: [] },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.data.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.id',
      'date',
      'slug',
      'title.id',
    ]);
    const news = await call('POST', `/villages/${TAMANSARI}/news`, {
      token: officer,
      json: {
        slug: 'kerja-bakti-saluran-irigasi',
        date: '2026-11-24',
        title: { id: 'Kerja bakti saluran irigasi', en: 'Community work on the irrigation channel' },
        summary: { id: 'Warga membersihkan saluran irigasi Dusun Krajan.' },
        body: { id: ['Ratusan warga bergotong royong membersihkan saluran irigasi.'] },
      },
    });
    expect(news.status, news.text).toBe(201);
    const budget = await call('PUT', `/villages/${TAMANSARI}/apbdes/2027`, {
      token: officer,
      json: {
        income: 2_300_000_000,
        sectors: [
          {
            code: '1',
            name: { id: 'Penyelenggaraan Pemerintahan Desa', en: 'Administration' },
            budget: 800_000_000,
            realisation: 0,
          },
        ],
      },
    });
    expect(budget.status, budget.text).toBe(200);
    const { pendingSites } = await import('../../functions/publish/signal');
    expect((await pendingSites('35.10', new Date(Date.now() + 1000), 0)).map((p) => p.villageCode)).toContain(
      TAMANSARI,
    );
    const { exportVillage } = await import('../../functions/sites/export');
    const snapshot = await exportVillage(TAMANSARI, { apiUrl: 'http://a', siteUrl: 'http://s' });
    expect(snapshot.news[0]).toMatchObject({ slug: 'kerja-bakti-saluran-irigasi', date: '2026-11-24' });
    expect(snapshot.apbdes).toMatchObject({ year: 2027, income: 2_300_000_000 });
  });

  it('a news slug names one article per village: same slug and date corrects it, another date is a 409', async () => {
    const call = client(runtime.apiUrl);
    const officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
    const article = (date: string, title: string) => ({
      slug: 'musyawarah-desa-2027',
      date,
      title: { id: title },
      summary: { id: 'Musyawarah desa membahas RKP Desa.' },
      body: { id: ['Musyawarah desa digelar di balai desa.'] },
    });
    const post = (json: unknown) => call('POST', `/villages/${TAMANSARI}/news`, { token: officer, json });
    expect((await post(article('2026-11-20', 'Musyawarah desa'))).status).toBe(201);
    // a correction of the same article (same slug, same date) replaces it
    expect((await post(article('2026-11-20', 'Musyawarah desa (diperbarui)'))).status).toBe(201);
    const clash = await post(article('2026-11-22', 'Berita lain dengan alamat yang sama'));
    expect(clash.status, clash.text).toBe(409);
    expect(clash.data.error).toMatchObject({ code: 'news_slug_taken', fields: [{ path: 'slug' }] });
    // the seeded articles' slugs are taken too
    const { exportVillage } = await import('../../functions/sites/export');
    const before = await exportVillage(TAMANSARI, { apiUrl: 'http://a', siteUrl: 'http://s' });
    const seeded = before.news.find(
      (n) => n.slug !== 'musyawarah-desa-2027' && n.slug !== 'kerja-bakti-saluran-irigasi',
    );
    expect(seeded).toBeDefined();
    {
      const again = await post({ ...article('2001-01-01', 'Lain'), slug: seeded?.slug });
      expect(again.status, again.text).toBe(409);
    }
    const snapshot = await exportVillage(TAMANSARI, { apiUrl: 'http://a', siteUrl: 'http://s' });
    const mine = snapshot.news.filter((n) => n.slug === 'musyawarah-desa-2027');
    expect(mine).toHaveLength(1);
    expect(mine[0]?.title.id).toBe('Musyawarah desa (diperbarui)');
  });

  it('most used services: the requests of the last 90 days in every queue band, read by key and bounded', async () => {
    const { exportVillage, recentRequestServices } = await import('../../functions/sites/export');
    const { ServiceRequest } = await import('../../functions/requests/entities');
    const { queueSort } = await import('../../functions/requests/store');
    const documentClient = (await import('../../functions/lib/aws')).documentClient();
    const { PutItemCommand } = await import('dynamodb-toolbox/entity/actions/put');
    const { randomUUID } = await import('node:crypto');
    const VILLAGE = '35.10.24.2002';
    const urls = { apiUrl: 'http://a', siteUrl: 'http://s' };
    const now = new Date();
    const before = await exportVillage(VILLAGE, urls, now);
    expect(before.services.every((s) => s.popularity === 0)).toBe(true);
    const [a, b, c, d, e, f] = before.services.map((s) => s.code) as [string, ...string[]];
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
    const put = async (
      serviceCode: string,
      status: 'submitted' | 'needs_revision' | 'completed' | 'rejected',
      createdAt: string,
      at?: { dueAt?: string; closedAt?: string },
    ) => {
      const request = { status, createdAt, ...at };
      await ServiceRequest.build(PutItemCommand)
        .item({
          id: randomUUID(),
          trackingCode: randomUUID().slice(0, 11),
          secretHash: 'x',
          villageCode: VILLAGE,
          kecamatanCode: '35.10.24',
          regencyCode: '35.10',
          serviceCode,
          serviceLevel: 'desa',
          serviceName: { id: serviceCode, en: serviceCode },
          duration: 'P1D',
          applicant: { name: 'Uji', nik: '3510240000000001' },
          version: 1,
          source: 'web',
          updatedAt: createdAt,
          queueSort: queueSort(request),
          ...request,
        })
        .send();
    };
    // in the window, one band each: closed, open with a promise, open awaiting documents
    for (let i = 0; i < 3; i++)
      await put(a as string, 'completed', daysAgo(20 + i), { closedAt: daysAgo(10) });
    for (let i = 0; i < 2; i++) await put(b as string, 'submitted', daysAgo(1), { dueAt: daysAgo(-2) });
    await put(c as string, 'needs_revision', daysAgo(5));
    // outside: closed long ago, filed before the window but closed in it, overdue since before it
    for (let i = 0; i < 6; i++) await put(d as string, 'rejected', daysAgo(200), { closedAt: daysAgo(150) });
    for (let i = 0; i < 4; i++) await put(e as string, 'completed', daysAgo(120), { closedAt: daysAgo(5) });
    for (let i = 0; i < 5; i++) await put(f as string, 'submitted', daysAgo(100), { dueAt: daysAgo(95) });
    await put(f as string, 'needs_revision', daysAgo(91));

    // count what the Queries read: the bands' ranges, not the village's 24 requests
    let scanned = 0;
    const send = documentClient.send.bind(documentClient);
    const spy = vi.spyOn(documentClient, 'send').mockImplementation((async (command: { input: object }) => {
      const out = (await send(command as never)) as { ScannedCount?: number };
      if ((command.input as { IndexName?: string }).IndexName === 'gsi2') scanned += out.ScannedCount ?? 0;
      return out;
    }) as never);
    let after: Awaited<ReturnType<typeof exportVillage>>;
    try {
      after = await exportVillage(VILLAGE, urls, now);
    } finally {
      spy.mockRestore();
    }
    const popularity = Object.fromEntries(after.services.map((s) => [s.code, s.popularity]));
    expect(popularity).toMatchObject({
      [a]: 3,
      [b as string]: 2,
      [c as string]: 1,
      [d as string]: 0,
      [e as string]: 0,
      [f as string]: 0,
    });
    const ranked = [...after.services].sort((x, y) => y.popularity - x.popularity).map((s) => s.code);
    expect(ranked.slice(0, 3)).toEqual([a, b, c]);
    // read: the 6 in the window and the 4 closed in it (filed before it); never the 14 others
    expect(scanned).toBe(10);

    // the cap per band, newest first: the 2 latest closed were filed before the window, so with a cap
    // of 2 none of the closed band counts (the documented trade-off of a bounded read)
    const capped = await recentRequestServices(VILLAGE, new Date(now.getTime() - 90 * 86_400_000), 2);
    expect(capped.sort()).toEqual([b, b, c].sort());
  });

  it('a village with no profile yet still gets a complete snapshot', async () => {
    const { exportVillage } = await import('../../functions/sites/export');
    const snapshot = await exportVillage('35.10.24.2001', { apiUrl: 'http://a', siteUrl: 'http://s' });
    expect(snapshot.village.profile.about.id).toContain(snapshot.village.name);
    expect(snapshot.village.profile.contact.address).toContain('Kecamatan Licin');
    expect(snapshot.services.length).toBeGreaterThan(0);
    expect(snapshot.products).toEqual([]);
    expect(snapshot.apbdes).toBeNull();
    // no head named yet: an empty name (the page leaves the row out), not a dash
    expect(snapshot.village.profile.head.name).toBe('');
  });

  it('a kelurahan without a profile is described as a kelurahan, in good English', async () => {
    const { exportVillage } = await import('../../functions/sites/export');
    // Bakungan (Glagah): code 35.10.15.1002, a kelurahan
    const snapshot = await exportVillage('35.10.15.1002', { apiUrl: 'http://a', siteUrl: 'http://s' });
    expect(snapshot.village.kind).toBe('kelurahan');
    expect(snapshot.village.profile.about.id).toContain('Layanan administrasi kelurahan');
    expect(snapshot.village.profile.about.id).not.toMatch(/\bdesa\b/);
    expect(snapshot.village.profile.about.en).toContain('is an urban village in');
    expect(snapshot.village.profile.head.title.id).toBe('Lurah');
  });
});
