/**
 * Snapshots for the site build (`npm run sites:build`, the publisher): the regency and each village's
 * public data, exported through the domain layer into a folder the Astro project reads.
 *
 * From a CLI it reads through the running `npm start`'s servers when it is up, and otherwise starts
 * the embedded runtime itself on the same data folder (onboarding and seeding it if empty) — two
 * processes never open the same database files.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ExportUrls } from '../../functions/sites/export';
import { attachLocal, dataGeneration, waitForDataDir } from './attach';

/** Writes regency.json and villages/<slug>.json (the chosen villages, or all); returns their slugs. */
export async function writeSnapshots(opts: {
  outDir: string;
  regencyCode: string;
  urls: ExportUrls;
  /** codes or slugs; all villages when absent */
  villages?: string[];
  /**
   * the villages (slugs) that have a site in the served folder, when more than those exported (the
   * publisher rebuilding a few): written as regency.json's `villagesWithSite`, the portal's links
   */
  villagesWithSite?: string[];
  onProgress?: (message: string) => void;
}): Promise<string[]> {
  const { exportRegency, exportVillage } = await import('../../functions/sites/export');
  const regency = await exportRegency(opts.regencyCode, opts.urls);
  const all = regency.kecamatan.flatMap((k) => k.villages);
  const wanted = opts.villages?.length
    ? opts.villages.map((v) => {
        const found = all.find((x) => x.code === v || x.slug === v);
        if (!found)
          throw new Error(`unknown village ${v}; try npm run sites:build -- --village tamansari-licin`);
        return found;
      })
    : all;
  await mkdir(join(opts.outDir, 'villages'), { recursive: true });
  await writeFile(
    join(opts.outDir, 'regency.json'),
    JSON.stringify(
      opts.villagesWithSite
        ? {
            ...regency,
            // the regency's villages among those given, and those exported now (built next)
            villagesWithSite: all
              .map((v) => v.slug)
              .filter((s) => opts.villagesWithSite?.includes(s) || wanted.some((w) => w.slug === s)),
          }
        : regency,
    ),
  );
  let done = 0;
  const queue = [...wanted];
  const worker = async () => {
    for (let v = queue.shift(); v; v = queue.shift()) {
      const snapshot = await exportVillage(v.code, opts.urls);
      await writeFile(join(opts.outDir, 'villages', `${v.slug}.json`), JSON.stringify(snapshot));
      done++;
      if (done % 25 === 0 || done === wanted.length)
        opts.onProgress?.(`exported ${done}/${wanted.length} villages`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return wanted.map((v) => v.slug);
}

/** For the CLI: export into a fresh temporary folder, from `npm start`'s data or the embedded runtime. */
export async function exportSiteData(
  opts: { villages?: string[]; onProgress?: (message: string) => void; dataDir?: string } = {},
): Promise<{ dataDir: string; villages: string[]; generation: string }> {
  const localDir = resolve(opts.dataDir ?? '.local');
  const say = opts.onProgress ?? (() => {});
  // npm start's (or another command's) servers when they run; wait for them while they are starting
  const running = await waitForDataDir(localDir, { say });
  let release = async () => {};
  let urls: ExportUrls;
  if (running) {
    await attachLocal(localDir);
    // another command's servers: read through them, but point the pages at npm start's defaults
    urls = running.viaLock
      ? { apiUrl: 'http://localhost:3000', siteUrl: 'http://localhost:4321' }
      : { apiUrl: running.apiUrl, siteUrl: running.siteUrl ?? 'http://localhost:4321' };
    say(
      running.viaLock
        ? `reading through the servers of process ${running.pid}, which uses the same data folder`
        : `reading from the running npm start (${running.apiUrl})`,
    );
  } else {
    say('npm start is not running: starting the embedded servers on .local/ …');
    process.env.LOG_LEVEL ??= 'warn';
    const { startLocalRuntime } = await import('./runtime');
    const rt = await startLocalRuntime({
      dataDir: localDir,
      port: 0,
      sitePort: 0,
      seed: true,
      onProgress: say,
    });
    release = () => rt.stop();
    // the URLs the pages will be served at: npm start's defaults
    urls = { apiUrl: 'http://localhost:3000', siteUrl: 'http://localhost:4321' };
  }
  try {
    const { config } = await import('../../functions/lib/config');
    const dataDir = await mkdtemp(join(tmpdir(), 'sk-site-data-'));
    const villages = await writeSnapshots({
      outDir: dataDir,
      regencyCode: config.REGENCY_CODE,
      urls,
      ...(opts.villages ? { villages: opts.villages } : {}),
      onProgress: say,
    });
    return { dataDir, villages, generation: dataGeneration(localDir) };
  } finally {
    await release();
  }
}
