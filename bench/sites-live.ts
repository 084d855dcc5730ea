/**
 * The live half of the site budgets (issue 4), on the local runtime:
 *  - one village republished ≤ 5 s after its data changed, end to end through the publisher: the
 *    local runtime runs its publisher exactly as `npm start` does (publish: true — the same poll
 *    interval and quiet time, woken by in-process changes), and each sample runs from the API write
 *    (a product's price changed through PATCH /products/{id}) until the page served at the site URL
 *    shows it (HTTP GETs to the site server every 25 ms). Five samples: p50, max, ratio to the budget;
 *  - Lighthouse mobile (default: Moto G Power emulation, simulated Slow 4G) on the home page and a
 *    product page in Debian's Chromium: performance, accessibility, best practices, SEO ≥ 95.
 *
 * Like a second `npm start` on a data folder whose sites were built before: a child process (this file
 * with --prepare) onboards and seeds a temporary data folder and builds Tamansari's site into the served
 * folder with the build marker of that data, so the publisher starts with nothing to do rather than
 * with the first build of all 217 villages (bench/sites.ts measures that).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { PublishRound } from '../infra/local/publisher';
import { startLocalRuntime } from '../infra/local/runtime';
import { stats } from './lib';

const SLUG = 'tamansari-licin';
const TAMANSARI = '35.10.24.2008';
const SAMPLES = 5;
process.env.LOG_LEVEL = 'silent';

/** The child: data folder onboarded and seeded, Tamansari built into the served folder, signal consumed. */
async function prepare(dataDir: string, outDir: string, port: number, sitePort: number) {
  const rt = await startLocalRuntime({ dataDir, port, sitePort, seed: true, sitesDir: outDir });
  try {
    const { writeSnapshots } = await import('../infra/local/site-data');
    const { dataGeneration } = await import('../infra/local/attach');
    const { buildSites } = await import('../site/build');
    const { pendingSites, markPublished } = await import('../functions/publish/signal');
    const seeded = await pendingSites('35.10', new Date(), 0);
    const snapshots = await mkdtemp(join(tmpdir(), 'sk-bench-data-'));
    await writeSnapshots({
      outDir: snapshots,
      regencyCode: '35.10',
      urls: { apiUrl: rt.apiUrl, siteUrl: rt.siteUrl },
      villages: [SLUG],
    });
    // a complete build of this data (the folder holds one village): npm start's publisher trusts it
    await buildSites({
      dataDir: snapshots,
      outDir,
      portal: true,
      source: { source: 'local', regencyCode: '35.10', generation: dataGeneration(dataDir) },
      onLog: () => {},
    });
    await rm(snapshots, { recursive: true, force: true });
    for (const p of seeded)
      await markPublished({ code: p.villageCode, regencyCode: '35.10' }, p.lastChangeAt, new Date());
  } finally {
    await rt.stop();
  }
}

if (process.argv[2] === '--prepare') {
  const [dataDir, outDir, port, sitePort] = process.argv.slice(3);
  await prepare(dataDir as string, outDir as string, Number(port), Number(sitePort));
  process.exit(0);
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dataDir = await mkdtemp(join(tmpdir(), 'sk-bench-local-'));
const outDir = await mkdtemp(join(tmpdir(), 'sk-bench-sites-'));
// the same ports in both processes, as npm start's fixed 3000/4321: the built pages' URLs stay valid
const port = await freePort();
const sitePort = await freePort();
execFileSync(
  process.execPath,
  [
    ...process.execArgv,
    new URL(import.meta.url).pathname,
    '--prepare',
    dataDir,
    outDir,
    `${port}`,
    `${sitePort}`,
  ],
  { stdio: 'inherit' },
);
const rounds: PublishRound[] = [];
const rt = await startLocalRuntime({
  dataDir,
  port,
  sitePort,
  seed: true,
  sitesDir: outDir,
  publish: true,
  onPublish: (round) => rounds.push(round),
});
const rows: string[] = [];
const row = (name: string, value: number, unit: string, budget: number, higherIsBetter = false) => {
  const ok = higherIsBetter ? value >= budget : value <= budget;
  const ratio = higherIsBetter ? budget / value : value / budget;
  rows.push(
    `${name.padEnd(38)} ${value.toFixed(unit === 's' ? 2 : 0).padStart(7)} ${unit.padEnd(3)} budget ${higherIsBetter ? '≥' : '≤'} ${budget} ${unit}  ${ratio.toFixed(2)}×  ${ok ? 'PASS' : 'OVER'}`,
  );
};
try {
  const { pendingSites } = await import('../functions/publish/signal');
  // the publisher's first rounds: nothing should be left to publish before measuring
  for (let waited = 0; (await pendingSites('35.10', new Date(), 0)).length > 0; waited += 100) {
    if (waited > 120_000) throw new Error('the publisher did not catch up within 2 minutes');
    await sleep(100);
  }
  await sleep(2000);
  const idleRounds = rounds.length;

  // ---- publish latency: a product's change through the API, until the served page shows it
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
  const pageUrl = `${rt.siteUrl}/${SLUG}/produk/${target.slug}/`;
  if ((await fetch(pageUrl)).status !== 200) throw new Error(`${pageUrl} is not served`);
  const latencies: number[] = [];
  const roundsPerChange: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const price = 41_730 + i * 100;
    const shown = `${Math.floor(price / 1000)}.${String(price % 1000).padStart(3, '0')}`;
    const before = rounds.length;
    const current = await api('GET', `/products/${target.id}`, idToken);
    const changed = performance.now();
    const patched = await api('PATCH', `/products/${target.id}`, idToken, {
      version: current.version,
      price,
    });
    if ((patched as { price?: number }).price !== price)
      throw new Error(`the price change was refused: ${JSON.stringify(patched).slice(0, 200)}`);
    for (;;) {
      const page = await (await fetch(pageUrl)).text();
      if (page.includes(shown)) break;
      if (performance.now() - changed > 60_000) throw new Error(`Rp ${shown} not on ${pageUrl} after 60 s`);
      await sleep(25);
    }
    latencies.push((performance.now() - changed) / 1000);
    // let the publisher settle: any further round for this change would show here
    await sleep(1500);
    roundsPerChange.push(rounds.length - before);
  }
  const s = stats(latencies);
  row(`publish, API write → served page (p50)`, s.p50, 's', 5);
  row(`publish, API write → served page (max)`, s.max, 's', 5);
  rows.push(
    `  ${SAMPLES} samples (s): ${latencies.map((l) => l.toFixed(2)).join(', ')}; publisher rounds per change: ${roundsPerChange.join(', ')}; rounds while idle: ${idleRounds}; build time per round (s): ${rounds
      .slice(idleRounds)
      .map((r) => (r.ms / 1000).toFixed(2))
      .join(', ')}`,
  );

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
  await rm(dataDir, { recursive: true, force: true });
}
console.log('\nVillage sites, live (local runtime)');
for (const r of rows) console.log(`  ${r}`);
