/**
 * `npm run bench:workspace` (in `npm run bench`): builds the workspace app (site/kerja) and prints the
 * JavaScript each screen downloads — the page's entry, the chunks it imports, and the screen's own
 * chunk with its imports: Preact, the sign-in code and oauth4webapi included — gzip-compressed, against
 * the budget of issue #15 (≤ 60 KB per screen), and the CSS (≤ 20 KB). Exits 1 over budget.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWorkspace } from '../site/kerja/build';
import { allPages } from '../site/kerja/src/client/routes';

const JS_BUDGET = 60 * 1024;
const CSS_BUDGET = 20 * 1024;
/** the chunk each screen's component is (main.tsx loads it by import()) */
const SCREEN_CHUNK = {
  queue: 'Queue',
  request: 'Request',
  walkin: 'WalkIn',
  accounts: 'Accounts',
  callback: 'Callback',
};

const root = await mkdtemp(join(tmpdir(), 'sk-bench-kerja-'));
try {
  const out = join(root, 'kerja');
  const { ms } = await buildWorkspace({ outDir: out, quiet: true });
  const file = (url: string) => join(out, url.replace(/^\/kerja\//, ''));
  const gz = new Map<string, number>();
  const gzipped = async (url: string) => {
    if (!gz.has(url)) gz.set(url, gzipSync(await readFile(file(url)), { level: 9 }).length);
    return gz.get(url) as number;
  };
  /** a module and everything it imports statically (what the browser fetches before it runs) */
  async function closure(url: string, seen = new Set<string>()): Promise<Set<string>> {
    if (seen.has(url)) return seen;
    seen.add(url);
    const text = await readFile(file(url), 'utf8');
    for (const m of text.matchAll(/(?:import|from)\s*["'`](\.\/[^"'`]+\.js)["'`]/g))
      await closure(new URL(m[1] as string, `http://x${url}`).pathname, seen);
    return seen;
  }
  const sum = async (urls: Iterable<string>) => {
    let total = 0;
    for (const u of urls) total += await gzipped(u);
    return total;
  };

  console.log(`workspace: built in ${(ms / 1000).toFixed(1)} s\n`);
  console.log(
    `${'screen'.padEnd(28)}${'JS gzip'.padStart(10)}${'ratio'.padStart(8)}${'CSS gzip'.padStart(10)}${'ratio'.padStart(8)}`,
  );
  let over = false;
  for (const p of allPages().filter((x) => x.lang === 'id')) {
    const html = await readFile(join(out, p.path, 'index.html'), 'utf8');
    const entries = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] as string);
    const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    const urls = new Set<string>();
    for (const e of entries) for (const u of await closure(e)) urls.add(u);
    // the screen's chunk, named by main.tsx's import(): loaded once signed in
    for (const e of entries) {
      const text = await readFile(file(e), 'utf8');
      const chunk = [...text.matchAll(/["'`](\.\/([A-Za-z]+)\.[\w-]+\.js)["'`]/g)].find(
        (m) => m[2] === SCREEN_CHUNK[p.screen],
      );
      if (chunk)
        for (const u of await closure(new URL(chunk[1] as string, `http://x${e}`).pathname)) urls.add(u);
    }
    const js = await sum(urls);
    const styles = await sum(css);
    over ||= js > JS_BUDGET || styles > CSS_BUDGET;
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `${`/kerja/${p.path} (${p.screen})`.padEnd(28)}${kb(js).padStart(10)}${`${(js / JS_BUDGET).toFixed(2)}×`.padStart(8)}${kb(styles).padStart(10)}${`${(styles / CSS_BUDGET).toFixed(2)}×`.padStart(8)}`,
    );
  }
  // "Amankan akun Anda" (decision 0030): loaded on any page in the screen's place for staff without
  // TOTP, with everything it imports, the QR library's chunk (a dynamic import) included
  {
    const html = await readFile(join(out, 'index.html'), 'utf8');
    const entries = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] as string);
    const urls = new Set<string>();
    for (const e of entries) {
      for (const u of await closure(e)) urls.add(u);
      const text = await readFile(file(e), 'utf8');
      const chunk = text.match(/["'`](\.\/SecureAccount\.[\w-]+\.js)["'`]/)?.[1];
      if (!chunk) continue;
      const screen = new URL(chunk, `http://x${e}`).pathname;
      for (const u of await closure(screen)) urls.add(u);
      const own = await readFile(file(screen), 'utf8');
      for (const m of own.matchAll(/["'`](\.\/[\w.-]+\.js)["'`]/g))
        for (const u of await closure(new URL(m[1] as string, `http://x${screen}`).pathname)) urls.add(u);
    }
    const js = await sum(urls);
    over ||= js > JS_BUDGET;
    console.log(
      `${'(any page: secure account)'.padEnd(28)}${`${(js / 1024).toFixed(1)} KB`.padStart(10)}${`${(js / JS_BUDGET).toFixed(2)}×`.padStart(8)}`,
    );
  }
  console.log(
    `\nbudgets: JS ≤ ${JS_BUDGET / 1024} KB gzip per screen, CSS ≤ ${CSS_BUDGET / 1024} KB gzip${over ? ' — OVER' : ' — within'}`,
  );
  if (over) process.exitCode = 1;
} finally {
  await rm(root, { recursive: true, force: true });
}
