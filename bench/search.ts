/**
 * Regency-wide product search budget (issue 3): p99 of `GET /products/search` through the local
 * adapter (HTTP → API Gateway event → the Lambda handler → DynamoDB Local) ≤ 2× the p99 of the single
 * DynamoDB Query that answers it, sent raw by the SDK to the same server in the same run.
 *
 * The index holds the demo products plus 240 generated public products over 24 villages.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { startLocalRuntime } from '../infra/local/runtime';
import { rawHttpClient, stats } from './lib';

const BUDGET = 2;
const N = Number(process.env.BENCH_N ?? 1500);
const WARMUP = 50;

process.env.LOG_LEVEL = 'silent';
const rt = await startLocalRuntime({ port: 0, seed: true, onProgress: () => {} });
try {
  const documentClient = (await import('../functions/lib/aws')).documentClient();
  const { Village, villageByRegency } = await import('../functions/villages/entities');
  const { Seller } = await import('../functions/sellers/entities');
  const { getItem, queryPage } = await import('../functions/lib/table');
  const { PutItemCommand } = await import('dynamodb-toolbox/entity/actions/put');
  const { createProduct, getProduct, newId } = await import('../functions/products/store');
  const { saveProduct } = await import('../functions/products/save');
  const { searchQuery } = await import('../functions/products/search');
  const { config } = await import('../functions/lib/config');

  // ---- a realistic index: 24 villages × 10 products (coffee, batik, snacks …)
  const villages = (
    await queryPage(Village, villageByRegency, { regencyCode: '35.10' }, { all: true })
  ).items.slice(0, 24);
  const names = [
    ['Kopi Robusta', 'coffee'],
    ['Kopi Arabika', 'coffee'],
    ['Batik Tulis', 'batik_textiles'],
    ['Keripik Singkong', 'food_drink'],
    ['Gula Aren', 'food_drink'],
    ['Madu Hutan', 'produce'],
    ['Anyaman Bambu', 'crafts'],
    ['Sale Pisang', 'food_drink'],
    ['Jasa Pemandu Wisata', 'services'],
    ['Beras Organik', 'produce'],
  ] as const;
  const now = new Date();
  const setupStarted = performance.now();
  for (const village of villages) {
    const sellerId = newId();
    await Seller.build(PutItemCommand)
      .item({
        id: sellerId,
        villageCode: village.code,
        kecamatanCode: village.kecamatanCode,
        regencyCode: village.regencyCode,
        businessName: `UMKM ${village.name}`,
        ownerName: 'Bench',
        whatsapp: `+62812${Math.floor(Math.random() * 1e8)}`,
        kind: 'umkm',
        description: 'bench',
        status: 'approved',
        version: 1,
        history: [],
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .options({ condition: { attr: 'id', exists: false } })
      .send();
    const seller = (await getItem(Seller, { id: sellerId })).Item;
    if (!seller) throw new Error('seller');
    for (const [name, category] of names) {
      const draft = await createProduct(
        village,
        seller,
        {
          name: `${name} ${village.name}`,
          description: { id: `${name} khas Desa ${village.name}, hasil UMKM setempat.` },
          category,
          price: 25000,
          unit: 'bungkus',
          availability: 'available',
        },
        { now },
      );
      const prev = await getProduct(draft.id);
      await saveProduct(
        prev,
        {
          ...prev,
          status: 'published',
          photos: [
            {
              id: 'bench',
              status: 'ready',
              declaredType: 'image/jpeg',
              declaredSize: 1,
              width: 1280,
              height: 960,
              variants: [{ width: 320, height: 240, key: `photos/products/${draft.id}/bench-320.webp` }],
              placeholder: 'data:image/webp;base64,',
              createdAt: now.toISOString(),
            },
          ],
          version: prev.version + 1,
        },
        'approved',
        now,
        'bench',
      );
    }
  }
  const setupMs = performance.now() - setupStarted;

  // A through the adapter, B the one Query it makes, raw, on the same server — interleaved request by
  // request (this VM's speed drifts), A on the same keep-alive HTTP client as the API bench
  const url = `${rt.apiUrl.replace('//localhost:', '//127.0.0.1:')}/products/search?q=kopi&limit=25`;
  const http = rawHttpClient();
  const first = JSON.parse((await http.request(url)).text) as { items: unknown[] };
  // exactly the Query the handler sends for `?q=kopi&limit=25` (its own builder, toolbox `.params()`)
  const params = searchQuery(config().REGENCY_CODE, { q: 'kopi', limit: 25 }).params() as QueryCommandInput;
  const adapter: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < WARMUP + N; i++) {
    const order = i % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const);
    for (const path of order) {
      const t = performance.now();
      if (path === 'A') {
        const res = await http.request(url);
        if (res.status !== 200) throw new Error(`search answered ${res.status}`);
      } else await documentClient.send(new QueryCommand(params));
      if (i >= WARMUP) (path === 'A' ? adapter : raw).push(performance.now() - t);
    }
  }
  http.close();

  const a = stats(adapter);
  const b = stats(raw);
  const fmt = (n: number) => n.toFixed(2).padStart(7);
  console.log(
    `\nRegency-wide search, "kopi" (${first.items.length} results per page; ${villages.length * names.length} generated products, setup ${(setupMs / 1000).toFixed(1)} s)`,
  );
  console.log(`                               p50      p99     mean   (ms, n=${N})`);
  console.log(`  A search via adapter     ${fmt(a.p50)}  ${fmt(a.p99)}  ${fmt(a.mean)}`);
  console.log(`  B one raw Query          ${fmt(b.p50)}  ${fmt(b.p99)}  ${fmt(b.mean)}`);
  const ratio99 = a.p99 / b.p99;
  const ratio50 = a.p50 / b.p50;
  console.log(
    `search p99 A/B = ${ratio99.toFixed(2)}× (budget ${BUDGET}×) ${ratio99 <= BUDGET ? 'PASS' : 'OVER'}; p50 A/B = ${ratio50.toFixed(2)}×`,
  );
} finally {
  await rt.stop();
}
