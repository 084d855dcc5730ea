/**
 * The regency-wide search index against crashes, over the embedded servers through the real SDK. A
 * crash is simulated by a middleware on the functions' own DynamoDB client that throws around one
 * TransactWriteItems call of one product — after DynamoDB committed it (the function dies before
 * anything that would follow), or before it is sent. Whatever is cut short, a public product must
 * stay findable and a hidden one must not be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { jpegWithGps } from '../fixtures/images';
import { client, signIn, startRuntime, TAMANSARI } from '../support/runtime';

let runtime: LocalRuntime;
let call: ReturnType<typeof client>;
let officer: string;

const PASSWORD = 'Kopi-Ijen-2026!';
let n = 0;

beforeAll(async () => {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
}, 120_000);
afterAll(async () => {
  await runtime?.stop();
});

/** A registered (through the domain) and approved (through the route) seller of Tamansari. */
async function approvedSeller() {
  n++;
  const body = {
    businessName: `Usaha Indeks ${n}`,
    ownerName: 'Sri Wahyuni',
    whatsapp: `08135551${String(1000 + n)}`,
    kind: 'umkm',
    description: 'Usaha rumahan di Licin.',
    location: 'Dusun Krajan',
    password: PASSWORD,
  };
  const { SellerRegisterBody } = await import('../../functions/sellers/schemas');
  const { registerSeller } = await import('../../functions/sellers/store');
  const { getVillage } = await import('../../functions/villages/store');
  const seller = await registerSeller(
    await getVillage(TAMANSARI),
    SellerRegisterBody.parse(body),
    new Date(),
  );
  const ok = await call('POST', `/sellers/${seller.id}/transitions`, {
    token: officer,
    json: { to: 'approved' },
  });
  expect(ok.status, ok.text).toBe(200);
  const token = await call('POST', '/local/token', {
    json: { username: `+62${body.whatsapp.slice(1)}`, password: PASSWORD },
  });
  expect(token.status, token.text).toBe(200);
  return { id: seller.id, token: token.data.idToken as string };
}

/** A published product of a new seller (with a processed photo). */
async function publishedProduct(fields: Record<string, unknown>) {
  const seller = await approvedSeller();
  const created = await call('POST', `/villages/${TAMANSARI}/products`, {
    token: seller.token,
    json: {
      description: { id: 'Buatan rumah.' },
      category: 'food_drink',
      price: 15000,
      unit: 'bungkus',
      ...fields,
    },
  });
  expect(created.status, created.text).toBe(201);
  const photo = await jpegWithGps();
  const slot = await call('POST', `/products/${created.data.id}/photos`, {
    token: seller.token,
    json: { contentType: 'image/jpeg', size: photo.length },
  });
  expect(slot.status, slot.text).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(slot.data.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
  expect((await fetch(slot.data.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  const confirmed = await call('POST', `/products/${created.data.id}/photos/${slot.data.photoId}/confirm`, {
    token: seller.token,
  });
  expect(confirmed.status, confirmed.text).toBeLessThan(300);
  const current = await call('GET', `/products/${created.data.id}`, { token: seller.token });
  const published = await call('PATCH', `/products/${created.data.id}`, {
    token: seller.token,
    json: { version: current.data.version, status: 'published' },
  });
  expect(published.status, published.text).toBe(200);
  return { seller, product: published.data as { id: string; version: number } };
}

/**
 * The next TransactWriteItems naming `productId` (after `skip` of them) throws: after DynamoDB
 * answered (`after`: committed, then the function dies) or before sending (`before`: dies first).
 * Returns how many it threw (0 or 1) when disarmed.
 */
async function crashing(productId: string, opts: { at: 'after' | 'before'; skip?: number }) {
  const dynamo = (await import('../../functions/lib/aws')).dynamo();
  const name = `crash-${productId}`;
  let skip = opts.skip ?? 0;
  let thrown = 0;
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const mine =
        !thrown &&
        /^TransactWrite/.test(context.commandName ?? '') &&
        JSON.stringify(args.input).includes(productId);
      if (!mine) return next(args);
      if (skip-- > 0) return next(args);
      thrown++;
      if (opts.at === 'before') throw new Error('simulated crash before the transaction');
      await next(args);
      throw new Error('simulated crash after the transaction committed');
    },
    { step: 'initialize', name },
  );
  return () => {
    dynamo.middlewareStack.remove(name);
    return thrown;
  };
}

const found = async (q: string, id: string, category?: string) => {
  const res = await call(
    'GET',
    `/products/search?q=${encodeURIComponent(q)}&limit=100${category ? `&category=${category}` : ''}`,
  );
  expect(res.status, res.text).toBe(200);
  return res.data.items.some((i: { id: string }) => i.id === id);
};

/** The search entries of a product stored under any of `terms` (`scope|term`), read by key. */
async function storedEntries(productId: string, regencyCode: string, terms: string[]) {
  const { getItem } = await import('../../functions/lib/table');
  const { SearchEntry } = await import('../../functions/products/entities');
  const present: string[] = [];
  for (const t of terms) {
    const [scope = '', term = ''] = t.split('|');
    const { Item } = await getItem(
      SearchEntry,
      { regencyCode, scope, term, productId },
      { consistent: true },
    );
    if (Item) present.push(t);
  }
  return present;
}

describe('search index: a crash or a throttle loses nothing', () => {
  it('a PATCH that dies right after its transaction commits (mocked crash: the SDK throws once DynamoDB answered) leaves the product findable by its new name; the retry answers 409', async () => {
    const { product, seller } = await publishedProduct({ name: 'Dodol Nangka Wlingi' });
    expect(await found('wlingi', product.id)).toBe(true);
    const body = { version: product.version, name: 'Dodol Zirzakindah Wlingi' };
    const disarm = await crashing(product.id, { at: 'after' });
    let first: Awaited<ReturnType<typeof call>>;
    try {
      first = await call('PATCH', `/products/${product.id}`, { token: seller.token, json: body });
    } finally {
      expect(disarm()).toBe(1);
    }
    expect(first.status).toBe(500);
    // the client retries: the edit already committed, so its version is stale
    const retry = await call('PATCH', `/products/${product.id}`, { token: seller.token, json: body });
    expect(retry.status).toBe(409);
    const now = await call('GET', `/products/${product.id}`);
    expect(now.data).toMatchObject({ name: 'Dodol Zirzakindah Wlingi', status: 'published' });
    // public, and findable by the new word, in scope all and in its category
    expect(await found('zirzakindah', product.id)).toBe(true);
    expect(await found('zirzakindah', product.id, 'food_drink')).toBe(true);
    expect(await found('wlingi', product.id)).toBe(true);
  });

  it('a seller reinstatement whose relist dies right after the product’s transaction (mocked crash) leaves the product findable; repeating it changes nothing', async () => {
    const { product, seller } = await publishedProduct({ name: 'Bagiak Kenari Kabat' });
    const suspended = await call('POST', `/sellers/${seller.id}/transitions`, {
      token: officer,
      json: { to: 'suspended', reason: 'Diperiksa dulu' },
    });
    expect(suspended.status, suspended.text).toBe(200);
    expect(await found('kenari', product.id)).toBe(false);
    const disarm = await crashing(product.id, { at: 'after' });
    try {
      const approved = await call('POST', `/sellers/${seller.id}/transitions`, {
        token: officer,
        json: { to: 'approved' },
      });
      // committed: the transition stands whatever the relist met
      expect(approved.status, approved.text).toBe(200);
    } finally {
      expect(disarm()).toBe(1);
    }
    expect((await call('GET', `/products/${product.id}`)).status).toBe(200);
    expect(await found('kenari', product.id)).toBe(true);
    // the repair path (the same transition again) has nothing left to do
    const again = await call('POST', `/sellers/${seller.id}/transitions`, {
      token: officer,
      json: { to: 'approved' },
    });
    expect(again.status, again.text).toBe(200);
    expect(await found('kenari', product.id)).toBe(true);
  });

  it('a change of most of the index at once (more deletes than one transaction holds) whose cleanup dies (mocked crash): findable by the new words at once; the next save drops the old ones; a take-down leaves no entry', async () => {
    const { getProduct } = await import('../../functions/products/store');
    const old = Array.from({ length: 45 }, (_, i) => `lawasx${i}`);
    const fresh = Array.from({ length: 45 }, (_, i) => `anyarx${i}`);
    const { product, seller } = await publishedProduct({
      name: 'Tikar Pandan Lawasan',
      category: 'food_drink',
      description: { id: old.join(' ') },
    });
    const before = await getProduct(product.id);
    expect(before.indexedTerms.length).toBeGreaterThan(70);
    // the save commits; the function dies before deleting the entries that did not fit
    const disarm = await crashing(product.id, { at: 'before', skip: 1 });
    let edited: Awaited<ReturnType<typeof call>>;
    try {
      edited = await call('PATCH', `/products/${product.id}`, {
        token: seller.token,
        json: {
          version: product.version,
          name: 'Tampah Bambu Anyaran',
          category: 'crafts',
          description: { id: fresh.join(' ') },
        },
      });
    } finally {
      expect(disarm()).toBe(1);
    }
    // the edit committed (its cleanup's failure is logged, not the client's)
    expect(edited.status, edited.text).toBe(200);
    expect(await found('anyaran', product.id)).toBe(true);
    expect(await found('anyaran', product.id, 'crafts')).toBe(true);
    expect(await found('anyarx0', product.id, 'crafts')).toBe(true);
    const mid = await getProduct(product.id);
    // every entry that may exist is recorded: the new ones and the old ones left over
    const left = (await storedEntries(product.id, mid.regencyCode, before.indexedTerms)).filter(
      (t) => !mid.indexedTerms.includes(t),
    );
    expect(left).toEqual([]);
    expect(mid.indexedTerms.length).toBeGreaterThan(82);

    // the next save (a price change) drops the old words
    const priced = await call('PATCH', `/products/${product.id}`, {
      token: seller.token,
      json: { version: edited.data.version, price: 17000 },
    });
    expect(priced.status, priced.text).toBe(200);
    expect(await found('lawasan', product.id)).toBe(false);
    expect(await found('lawasx3', product.id, 'food_drink')).toBe(false);
    expect(await found('anyaran', product.id)).toBe(true);
    const after = await getProduct(product.id);
    expect(after.indexedTerms.length).toBeLessThanOrEqual(82);
    expect(
      await storedEntries(
        product.id,
        after.regencyCode,
        before.indexedTerms.filter((t) => !after.indexedTerms.includes(t)),
      ),
    ).toEqual([]);

    // the same crash again, then a take-down: nothing of it stays findable
    const again = await crashing(product.id, { at: 'before', skip: 1 });
    let back: Awaited<ReturnType<typeof call>>;
    try {
      back = await call('PATCH', `/products/${product.id}`, {
        token: seller.token,
        json: {
          version: priced.data.version,
          name: 'Tikar Pandan Lawasan',
          category: 'food_drink',
          description: { id: old.join(' ') },
        },
      });
    } finally {
      expect(again()).toBe(1);
    }
    expect(back.status, back.text).toBe(200);
    const recorded = (await getProduct(product.id)).indexedTerms;
    expect(recorded.length).toBeGreaterThan(98);
    const down = await call('PATCH', `/products/${product.id}`, {
      token: officer,
      json: { version: back.data.version, status: 'taken_down', reason: 'Foto menyesatkan' },
    });
    expect(down.status, down.text).toBe(200);
    for (const q of ['lawasan', 'anyaran', 'tikar', 'tampah'])
      expect(await found(q, product.id), q).toBe(false);
    expect(await storedEntries(product.id, after.regencyCode, [...recorded, ...after.indexedTerms])).toEqual(
      [],
    );
    expect((await getProduct(product.id)).indexedTerms).toEqual([]);
  });
});
