/**
 * The live half of the site budgets (issue 4), on the local runtime:
 *  - one village republished ≤ 5 s after its data changed, end to end through the publisher
 *    (a product published through the API → export → Astro build → served folder);
 *  - Lighthouse mobile (default: Moto G Power emulation, simulated Slow 4G) on the home page and a
 *    product page in Debian's Chromium: performance, accessibility, best practices, SEO ≥ 95.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startLocalRuntime } from '../infra/local/runtime';

const SLUG = 'tamansari-licin';
const TAMANSARI = '35.10.24.2008';
process.env.LOG_LEVEL = 'silent';
const outDir = await mkdtemp(join(tmpdir(), 'sk-bench-sites-'));
const rt = await startLocalRuntime({ port: 0, sitePort: 0, seed: true, sitesDir: outDir });
const rows: string[] = [];
const row = (name: string, value: number, unit: string, budget: number, higherIsBetter = false) => {
  const ok = higherIsBetter ? value >= budget : value <= budget;
  const ratio = higherIsBetter ? budget / value : value / budget;
  rows.push(
    `${name.padEnd(38)} ${value.toFixed(unit === 's' ? 2 : 0).padStart(7)} ${unit.padEnd(3)} budget ${higherIsBetter ? '≥' : '≤'} ${budget} ${unit}  ${ratio.toFixed(2)}×  ${ok ? 'PASS' : 'OVER'}`,
  );
};
try {
  const { writeSnapshots } = await import('../infra/local/site-data');
  const { buildSites } = await import('../site/build');
  const { createPublisher } = await import('../infra/local/publisher');
  const { pendingSites, markPublished } = await import('../functions/sites/signal');
  const urls = { apiUrl: rt.apiUrl, siteUrl: rt.siteUrl };
  const seeded = await pendingSites('35.10', new Date(), 0);
  const dataDir = await mkdtemp(join(tmpdir(), 'sk-bench-data-'));
  await buildSites({
    dataDir,
    outDir,
    villages: await writeSnapshots({ outDir: dataDir, regencyCode: '35.10', urls, villages: [SLUG] }),
    portal: true,
  });
  await rm(dataDir, { recursive: true, force: true });
  for (const p of seeded)
    await markPublished({ code: p.villageCode, regencyCode: '35.10' }, p.lastChangeAt, new Date());

  // ---- publish latency: a product published through the API, until its page is served
  const api = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(rt.apiUrl + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return (await res.json()) as Record<string, never>;
  };
  const { idToken } = await api('POST', '/local/token', undefined, {
    username: 'seller@tamansari-licin',
    password: 'smartkampung',
  });
  const products = (await api('GET', `/villages/${TAMANSARI}/products`)) as unknown as {
    items: { id: string; slug: string; discountPrice: number | null }[];
  };
  // a product without a discount: the new prices below must stay valid (a discount must be below the price)
  const target = products.items.find((p) => p.discountPrice === null);
  if (!target) throw new Error('no demo product without a discount');
  const publisher = createPublisher({ regencyCode: '35.10', urls, outDir, quietMs: 0 });
  const latencies: number[] = [];
  for (let i = 0; i < 3; i++) {
    const current = await api('GET', `/products/${target.id}`, idToken);
    const changed = performance.now();
    const patched = await api('PATCH', `/products/${target.id}`, idToken, {
      version: current.version,
      price: 45000 + i * 1000,
    });
    if ((patched as { price?: number }).price !== 45000 + i * 1000)
      throw new Error(`the price change was refused: ${JSON.stringify(patched).slice(0, 200)}`);
    await publisher.runOnce();
    const page = await (await fetch(`${rt.siteUrl}/${SLUG}/produk/${target.slug}/`)).text();
    if (!page.includes(`${45 + i}.000`)) throw new Error('the new price is not on the page');
    latencies.push((performance.now() - changed) / 1000);
  }
  row('one village republished after a change', Math.max(...latencies), 's', 5);

  // ---- Lighthouse, mobile defaults
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    for (const [label, path] of [
      ['home', `/${SLUG}/`],
      ['product', `/${SLUG}/produk/${target.slug}/`],
    ] as const) {
      const result = await lighthouse(`${rt.siteUrl}${path}`, {
        port: chrome.port,
        logLevel: 'error',
        output: 'json',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const categories = result?.lhr.categories ?? {};
      for (const [id, c] of Object.entries(categories))
        row(`lighthouse ${label} ${id}`, Math.round((c.score ?? 0) * 100), '', 95, true);
      const failing = Object.values(result?.lhr.audits ?? {})
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 0.9 &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'notApplicable',
        )
        .map((a) => a.id);
      if (failing.length) rows.push(`  ${label}: audits below 0.9: ${failing.join(', ')}`);
    }
  } finally {
    chrome.kill();
  }
} finally {
  await rt.stop();
  await rm(outDir, { recursive: true, force: true });
}
console.log('\nVillage sites, live (local runtime)');
for (const r of rows) console.log(`  ${r}`);
