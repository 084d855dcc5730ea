/**
 * Builds the village websites: ONE Astro build (programmatic `build()` from 'astro') of the villages
 * asked for, into a private temporary folder, then each village folder is swapped into
 * `<outDir>/<slug>/` (old one renamed away, new one renamed in, old one deleted) and, when the portal
 * was built, the portal files into `<outDir>/`. Building one village never touches the others, and
 * two builds (processes) never share a temporary or cache folder.
 *
 * Used by scripts/sites-build.ts (npm run sites:build) and bench/sites.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RegencySnapshot, type VillageSnapshot } from '../functions/sites/snapshot';
import { withBuildLock } from './build-lock';
import { missingStrings } from './src/i18n';
import { cardFile, cardPixels, isCardFile, OG_CARD, portalCardSeed } from './src/lib/og';
import { portalFileCount, villageFileCount } from './src/lib/paths';

export const siteDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(siteDir, '..');
export const defaultOutDir = join(repoRoot, 'dist', 'sites');

export interface BuildSitesOptions {
  /** snapshot folder: regency.json + villages/<slug>.json */
  dataDir: string;
  /** @default <repo>/dist/sites */
  outDir?: string;
  /** village slugs; all villages of the data folder when absent */
  villages?: string[];
  /** build the regency portal (/, /en/, /cari/, root sitemaps, 404); @default true when building all */
  portal?: boolean;
  /** called for every generated file; `total` is known before the first page */
  onProgress?: (done: number, total: number, label: string) => void;
  /** warnings and errors from Astro; @default written to stderr */
  onLog?: (level: 'warn' | 'error', message: string) => void;
  /**
   * where the data came from, recorded in `<outDir>/.build.json` (see BuildMarker); a build without
   * it (or from another source than the folder's) marks the output as mixed by removing the marker
   */
  source?: BuildSource;
}

/** What a site folder was built from: the publisher rebuilds everything when it does not match. */
export interface BuildSource {
  /** `local` (the local runtime's data) or `snapshot:<absolute folder>` (e.g. the fixtures) */
  source: string;
  regencyCode: string;
  /** the local data's generation (a new one after `npm start -- --fresh`) */
  generation?: string;
}

export interface BuildMarker extends BuildSource {
  /** every village of the data and the portal were built from this source */
  complete: true;
  /** digest of what the portal shows (portalDigest): the portal is rebuilt when it changes */
  portalDigest?: string;
  /** villages whose last build failed (the publisher retries them) */
  failed?: string[];
  builtAt: string;
}

export const MARKER_FILE = '.build.json';

export function readBuildMarker(outDir: string): BuildMarker | undefined {
  try {
    const m = JSON.parse(readFileSync(join(outDir, MARKER_FILE), 'utf8')) as BuildMarker;
    return m?.complete === true && typeof m.source === 'string' ? m : undefined;
  } catch {
    return undefined;
  }
}

export async function writeBuildMarker(outDir: string, marker: BuildMarker): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const tmp = join(outDir, `${MARKER_FILE}.${process.pid}.tmp`);
  await writeFile(tmp, JSON.stringify(marker, null, 2));
  await rename(tmp, join(outDir, MARKER_FILE));
}

export const sameSource = (a: BuildSource | undefined, b: BuildSource | undefined): boolean =>
  !!a &&
  !!b &&
  a.source === b.source &&
  a.regencyCode === b.regencyCode &&
  (a.generation ?? '') === (b.generation ?? '');

/**
 * What the portal shows — the regency, its kecamatan and villages, which of them have a site, the
 * URLs — as a digest (the snapshot's generation time left out): equal digests, equal portal.
 */
export function portalDigest(regencyJson: unknown, villagesWithSite: string[]): string {
  const { generatedAt: _at, villagesWithSite: _listed, ...shown } = regencyJson as Record<string, unknown>;
  return createHash('sha256')
    .update(JSON.stringify({ ...shown, villagesWithSite: [...villagesWithSite].sort() }))
    .digest('hex')
    .slice(0, 32);
}

/** The portal digest of a snapshot folder, as its build will see it. */
export async function folderPortalDigest(dataDir: string): Promise<string> {
  const raw = (await readJson(join(dataDir, 'regency.json'))) as { villagesWithSite?: string[] };
  const available = (await readdir(join(dataDir, 'villages')).catch(() => []))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length));
  return portalDigest(raw, raw.villagesWithSite ?? available);
}

export interface BuildSitesResult {
  /** slugs of the villages built */
  villages: string[];
  /** files generated (HTML pages, RSS feeds, sitemaps) */
  pages: number;
  ms: number;
}

/** A problem the person running the build can fix (bad village, bad data folder): no stack trace needed. */
export class SiteBuildError extends Error {
  override name = 'SiteBuildError';
}

const REGISTRY = Symbol.for('smart-kampung.sites.progress');
type Listener = { page: (path: string) => void; log: (level: string, message: string) => void };

function registry(): Map<string, Listener> {
  const g = globalThis as { [REGISTRY]?: Map<string, Listener> };
  g[REGISTRY] ??= new Map();
  return g[REGISTRY];
}

/** Astro's build reads the environment (SITE_*) and process-wide state: one build at a time per process. */
let queue: Promise<unknown> = Promise.resolve();

export function buildSites(opts: BuildSitesOptions): Promise<BuildSitesResult> {
  const run = queue.then(() => buildOnce(opts));
  queue = run.catch(() => undefined);
  return run;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new SiteBuildError(`cannot read ${file}: ${(e as Error).message}`);
  }
}

async function buildOnce(opts: BuildSitesOptions): Promise<BuildSitesResult> {
  const started = performance.now();
  const missing = missingStrings();
  if (missing.length) throw new SiteBuildError(`i18n: strings missing in ${missing.join(', ')}`);

  const dataDir = resolve(opts.dataDir);
  const regencyFile = join(dataDir, 'regency.json');
  if (!existsSync(regencyFile)) {
    throw new SiteBuildError(
      `no regency.json in ${dataDir}: not a site data folder (try --data site/fixtures)`,
    );
  }
  const regency = RegencySnapshot.safeParse(await readJson(regencyFile));
  if (!regency.success)
    throw new SiteBuildError(`${regencyFile} does not match RegencySnapshot: ${regency.error.message}`);
  const available = (await readdir(join(dataDir, 'villages')).catch(() => []))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
  const slugs = opts.villages ? [...new Set(opts.villages)] : available;
  for (const slug of slugs) {
    if (!available.includes(slug)) {
      throw new SiteBuildError(`no snapshot for village ${slug} in ${join(dataDir, 'villages')}`);
    }
  }
  if (slugs.length === 0) throw new SiteBuildError(`no village snapshots in ${join(dataDir, 'villages')}`);
  const portal = opts.portal ?? opts.villages === undefined;

  // Pages to expect, from the same page list the routes and sitemaps use: progress has a total from the start.
  let total = portalFileCount(portal);
  const codes = new Map<string, string>();
  for (const slug of slugs) {
    const snapshot = (await readJson(join(dataDir, 'villages', `${slug}.json`))) as VillageSnapshot;
    total += villageFileCount(snapshot);
    codes.set(slug, snapshot.village.code);
  }

  const outDir = resolve(opts.outDir ?? defaultOutDir);
  const tmpRoot = join(dirname(outDir), '.tmp');
  await mkdir(tmpRoot, { recursive: true });
  // Same filesystem as outDir, so the final moves are renames.
  const tmp = await mkdtemp(join(tmpRoot, 'sites-'));
  const buildOut = join(tmp, 'out');
  const channel = randomUUID();
  const slugSet = new Set(slugs);
  let done = 0;
  const onLog = opts.onLog ?? ((level, message) => process.stderr.write(`${level}: ${message}\n`));
  registry().set(channel, {
    page(path) {
      // rendered by every build, published only with the portal (countFiles): not a page of this build
      if (!portal && /^\/?404(\.html|\/index\.html)?$/.test(path)) return;
      done++;
      if (done > total) total = done;
      const first = path.split('/')[1] ?? '';
      opts.onProgress?.(done, total, slugSet.has(first) ? first : 'portal');
    },
    log: (level, message) => onLog(level === 'error' ? 'error' : 'warn', message),
  });

  const env = {
    SITE_DATA_DIR: dataDir,
    SITE_VILLAGES: slugs.join(','),
    SITE_PORTAL: portal ? '1' : '0',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    opts.onProgress?.(0, total, 'preparing');
    const { build } = await import('astro');
    // with an outDir outside the working folder Astro puts its prerender chunks in <cwd>/.astro/,
    // and a failed build leaves them there: remove them if this build made them
    const leftover = join(process.cwd(), '.astro', '.prerender');
    const hadLeftover = existsSync(leftover);
    const hadAstroDir = existsSync(dirname(leftover));
    await withBuildLock(() =>
      build({
        root: siteDir,
        outDir: buildOut,
        cacheDir: join(tmp, 'cache'),
        logLevel: 'info',
        logger: { entrypoint: join(siteDir, 'progress-logger.mjs'), config: { channel } },
      }),
    )
      .catch(async (e: unknown) => {
        if (!hadLeftover) await rm(leftover, { recursive: true, force: true });
        throw new SiteBuildError(`astro build failed: ${e instanceof Error ? e.message : String(e)}`, {
          cause: e,
        });
      })
      // and the folder itself, if it was not there before and is empty now
      .finally(() => (hadAstroDir ? undefined : rmdir(dirname(leftover)).catch(() => {})));

    // Astro names only the root 404 page 404.html: a village's is /<slug>/404/index.html, moved to
    // /<slug>/404.html where the site server looks for it (and where it is no page of its own)
    for (const slug of slugs) {
      const dir = join(buildOut, slug, '404');
      if (!existsSync(join(dir, 'index.html'))) continue;
      await rename(join(dir, 'index.html'), join(buildOut, slug, '404.html'));
      await rmdir(dir);
    }
    await writeCards(buildOut, outDir, [
      ...slugs.map((slug) => ({ dir: slug, seed: codes.get(slug) as string })),
      ...(portal ? [{ dir: '', seed: portalCardSeed(regency.data.regency.name) }] : []),
    ]);
    await mkdir(outDir, { recursive: true });
    const trash = join(tmp, 'trash');
    await mkdir(trash);
    for (const entry of await readdir(buildOut)) {
      if (slugSet.has(entry) || portal) await swapIn(join(buildOut, entry), join(outDir, entry), trash);
    }
    await recordSource(outDir, opts.source, {
      // every village of the data folder and the portal: only a build not limited to villages
      complete: portal && opts.villages === undefined,
      ...(portal ? { portalDigest: await folderPortalDigest(dataDir) } : {}),
    });
    const pages = await countFiles(outDir, slugs, portal);
    opts.onProgress?.(pages, pages, 'done');
    return { villages: slugs, pages, ms: performance.now() - started };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    registry().delete(channel);
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Keeps `<outDir>/.build.json` true: a complete build writes it; a partial build from the same source
 * keeps it (with the new portal digest when the portal was built); anything else removes it, so the
 * publisher sees a folder it cannot trust and rebuilds everything.
 */
async function recordSource(
  outDir: string,
  source: BuildSource | undefined,
  built: { complete: boolean; portalDigest?: string },
): Promise<void> {
  const existing = readBuildMarker(outDir);
  if (source && built.complete) {
    await writeBuildMarker(outDir, {
      ...source,
      complete: true,
      ...(built.portalDigest ? { portalDigest: built.portalDigest } : {}),
      builtAt: new Date().toISOString(),
    });
  } else if (source && existing && sameSource(existing, source)) {
    if (built.portalDigest) await writeBuildMarker(outDir, { ...existing, portalDigest: built.portalDigest });
  } else {
    await rm(join(outDir, MARKER_FILE), { force: true });
  }
}

/**
 * The share cards (src/lib/og.ts) into the built folders: the served folder's copy when it has the
 * same file (same drawing), otherwise rendered once per drawing by sharp (a few distinct colours).
 */
async function writeCards(buildOut: string, outDir: string, cards: { dir: string; seed: string }[]) {
  const rendered = new Map<string, Promise<Buffer>>();
  const render = async (seed: string, file: string) => {
    let jpeg = rendered.get(file);
    if (!jpeg) {
      const { default: sharp } = await import('sharp');
      jpeg = sharp(cardPixels(seed), { raw: { width: OG_CARD.width, height: OG_CARD.height, channels: 3 } })
        .jpeg({ quality: 80, mozjpeg: true })
        .toBuffer();
      rendered.set(file, jpeg);
    }
    return jpeg;
  };
  for (const { dir, seed } of cards) {
    const file = cardFile(seed);
    const dest = join(buildOut, dir, file);
    const served = join(outDir, dir, file);
    if (existsSync(served)) await copyFile(served, dest);
    else await writeFile(dest, await render(seed, file));
  }
}

/** Puts `src` at `dest`: the old `dest` is renamed away first and deleted after the new one is in. */
async function swapIn(src: string, dest: string, trash: string): Promise<void> {
  const old = join(trash, randomUUID());
  let hadOld = true;
  try {
    await rename(dest, old);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    hadOld = false;
  }
  await rename(src, dest);
  if (hadOld) await rm(old, { recursive: true, force: true });
}

/** Files now in outDir for what was built (the villages' folders, and the portal's files). */
async function countFiles(outDir: string, slugs: string[], portal: boolean): Promise<number> {
  const count = async (dir: string): Promise<number> => {
    let n = 0;
    for (const e of await readdir(dir, { withFileTypes: true })) {
      n += e.isDirectory() ? await count(join(dir, e.name)) : isCardFile(e.name) ? 0 : 1;
    }
    return n;
  };
  let n = 0;
  for (const slug of slugs) n += await count(join(outDir, slug));
  if (portal) {
    for (const f of [
      'index.html',
      'en',
      'cari',
      'sitemap.xml',
      'sitemap-portal.xml',
      '404.html',
      'robots.txt',
    ]) {
      const p = join(outDir, f);
      if (!existsSync(p)) continue;
      n += f.includes('.') ? 1 : await count(p);
    }
  }
  return n;
}
