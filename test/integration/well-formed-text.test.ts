/**
 * Every text the API accepts is well-formed Unicode (issue 13, defect 1): a lone UTF-16 surrogate in
 * a JSON string, or a form post whose percent-encoding is not UTF-8, is a 400 naming the field, and
 * nothing is written. And no read throws on text stored before that rule: lists, search, the product
 * page, the seller's lists and the site export still answer when a product or seller holds such text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { client, signIn, skuBody, startRuntime, TAMANSARI } from '../support/runtime';

let runtime: LocalRuntime;
let call: ReturnType<typeof client>;
let seller: string;
let officer: string;

/** A lone high surrogate: JSON.stringify sends it as the escape `\ud800`, as the review's client did. */
const LONE = '\ud800';

beforeAll(async () => {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  seller = await signIn(runtime.apiUrl, 'seller@tamansari-licin');
  officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
}, 120_000);
afterAll(async () => {
  await runtime?.stop();
});

const paths = (res: { data: { error?: { fields?: { path: string }[] } } }) =>
  (res.data.error?.fields ?? []).map((f) => f.path).sort();

/** One of the demo seller's published products, read as its owner. */
async function ownProduct() {
  const list = await call('GET', `/villages/${TAMANSARI}/products`);
  expect(list.status, list.text).toBe(200);
  const own = await call('GET', `/products/${list.data.items[0].id}`, { token: seller });
  expect(own.status, own.text).toBe(200);
  return own.data as { id: string; version: number; name: string; seller: { id: string } };
}

/** Every read that shows the product: all must answer 2xx, whatever the product holds. */
async function everyReadOf(product: { id: string; seller: { id: string } }) {
  const reads = [
    await call('GET', `/villages/${TAMANSARI}/products`),
    await call('GET', '/products/search'),
    await call('GET', '/products/search?q=gula'),
    await call('GET', '/products/search?q=gula', { headers: { accept: 'text/html' } }),
    await call('GET', `/products/${product.id}`),
    await call('GET', `/products/${product.id}`, { token: seller }),
    await call('GET', `/sellers/${product.seller.id}/products`, { token: seller }),
    await call('GET', `/sellers/${product.seller.id}`, { token: officer }),
    await call('GET', `/villages/${TAMANSARI}/sellers`, { token: officer }),
  ];
  return reads.map((r) => r.status);
}

describe('text the API accepts is well-formed Unicode', () => {
  it('a product edit with a lone surrogate in its name answers 400 naming `name` and leaves the product readable', async () => {
    const product = await ownProduct();
    const res = await call('PATCH', `/products/${product.id}`, {
      token: seller,
      json: { version: product.version, name: `Gula Aren ${LONE} Asli` },
    });
    expect(res.status, res.text).toBe(400);
    expect(paths(res)).toEqual(['name']);
    expect(res.data.error.fields[0].message).toMatch(/Unicode/);
    const after = await call('GET', `/products/${product.id}`, { token: seller });
    expect(after.status).toBe(200);
    expect(after.data).toMatchObject({ name: product.name, version: product.version });
    expect(await everyReadOf(product)).toEqual(Array(9).fill(200));
  });

  it('the message is in Bahasa Indonesia first and in English when asked', async () => {
    const product = await ownProduct();
    const body = { version: product.version, unit: `bung${LONE}kus` };
    const id = await call('PATCH', `/products/${product.id}`, { token: seller, json: body });
    const en = await call('PATCH', `/products/${product.id}`, {
      token: seller,
      json: body,
      headers: { 'accept-language': 'en' },
    });
    expect([id.status, en.status]).toEqual([400, 400]);
    expect(id.data.error.fields).toEqual([{ path: 'unit', message: expect.stringMatching(/karakter/) }]);
    expect(en.data.error.fields).toEqual([{ path: 'unit', message: expect.stringMatching(/character/) }]);
  });

  it('a new product, a seller registration and a village news article with a lone surrogate are refused field by field', async () => {
    const product = await call('POST', `/villages/${TAMANSARI}/products`, {
      token: seller,
      json: {
        name: `Gula Aren ${LONE}`,
        description: { id: `Manis ${LONE}`, en: 'Sweet' },
        category: 'food_drink',
        price: 15000,
        unit: `kg${LONE}`,
      },
    });
    expect(product.status, product.text).toBe(400);
    expect(paths(product)).toEqual(['description.id', 'name', 'unit']);

    const registration = await call('POST', `/villages/${TAMANSARI}/sellers`, {
      json: {
        businessName: `Keripik ${LONE} Bu Sri`,
        ownerName: 'Sri Wahyuni',
        whatsapp: '081355509999',
        kind: 'umkm',
        description: 'Keripik pisang agung khas Licin',
        password: 'Kopi-Ijen-2026!',
      },
    });
    expect(registration.status, registration.text).toBe(400);
    expect(paths(registration)).toEqual(['businessName']);

    const news = await call('POST', `/villages/${TAMANSARI}/news`, {
      token: officer,
      json: {
        slug: 'kabar-desa',
        date: '2026-11-24',
        title: { id: `Kabar ${LONE}` },
        summary: { id: 'Ringkas' },
        body: { id: ['Isi', `Isi ${LONE}`] },
      },
    });
    expect(news.status, news.text).toBe(400);
    expect(paths(news)).toEqual(['body.id.1', 'title.id']);
  });

  it('a request with a lone surrogate in the applicant or a service field answers 400 naming each, and files nothing', async () => {
    const queue = () => call('GET', `/villages/${TAMANSARI}/requests?limit=100`, { token: officer });
    const before = await queue();
    expect(before.status, before.text).toBe(200);
    const body = skuBody(`Siti ${LONE} Aminah`);
    const res = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: { ...body, fields: { ...body.fields, nama_usaha: `Kopi ${LONE}`, [`x${LONE}`]: 'y' } },
    });
    expect(res.status, res.text).toBe(400);
    expect(paths(res)).toEqual(
      expect.arrayContaining(['applicant.name', 'fields.nama_usaha', `fields.x\ufffd`]),
    );
    const open311 = await fetch(`${runtime.apiUrl}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        jurisdiction_id: TAMANSARI,
        service_code: 'sku',
        'attribute[applicant_name]': 'Siti Aminah',
        'attribute[applicant_nik]': '3510241508900001',
        'attribute[nama_usaha]': `Kopi ${LONE}`,
      }),
    });
    expect(open311.status).toBe(400);
    expect(JSON.stringify(await open311.json())).toContain('attribute[nama_usaha]');
    expect((await queue()).data.items).toHaveLength(before.data.items.length);
  });

  it('a form post whose percent-encoding is not UTF-8 answers 400 naming the field instead of storing U+FFFD', async () => {
    const form = new URLSearchParams({ serviceCode: 'sku', 'applicant.nik': '3510241508900001' });
    for (const [k, v] of Object.entries(skuBody().fields)) form.set(`fields.${k}`, v);
    // %ED%A0%80 is U+D800 encoded as if it were a character: not UTF-8 (URLSearchParams reads U+FFFD)
    const body = `${form}&applicant.name=Siti%ED%A0%80Aminah`;
    const res = await fetch(`${runtime.apiUrl}/villages/${TAMANSARI}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Nama lengkap');
    expect(page).toMatch(/Unicode/);
  });
});

describe('reads never throw on text stored before the rule', () => {
  it('every list, search, product page, seller list and the site export still answer when a product and its seller already hold ill-formed text', async () => {
    const product = await ownProduct();
    // what the defect committed: the edit written through the domain, past the schema
    const { patchProduct } = await import('../../functions/products/store');
    await patchProduct(
      product.id,
      {
        version: product.version,
        name: `Gula Aren ${LONE} Asli`,
        unit: `kg${LONE}`,
        sellerName: `Kopi ${LONE}`,
      } as never,
      { role: 'seller', username: 'seller@tamansari-licin' },
      new Date(),
    );
    const { UpdateItemCommand } = await import('dynamodb-toolbox/entity/actions/update');
    const { Seller } = await import('../../functions/sellers/entities');
    await Seller.build(UpdateItemCommand)
      .item({ id: product.seller.id, businessName: `Kopi Lereng ${LONE} Ijen` } as never)
      .send();

    expect(await everyReadOf(product)).toEqual(Array(9).fill(200));
    const shown = await call('GET', `/products/${product.id}`);
    expect(shown.data.name).toBe(`Gula Aren ${LONE} Asli`);
    expect(new URL(shown.data.whatsappUrl).searchParams.get('text')).toContain('Gula Aren \ufffd Asli');

    const { exportVillage } = await import('../../functions/sites/export');
    const snapshot = await exportVillage(TAMANSARI, { apiUrl: 'http://a', siteUrl: 'http://s' });
    const onSite = snapshot.products.find((p) => p.id === product.id);
    expect(onSite?.name).toBe('Gula Aren \ufffd Asli');
    expect(JSON.stringify(snapshot).isWellFormed()).toBe(true);
  });
});
