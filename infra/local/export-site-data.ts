/**
 * For the CLI (`npm run sites:build`): the site snapshots exported into a fresh temporary folder. It
 * reads through the running `npm start`'s servers when it is up, and otherwise starts the embedded
 * runtime itself on the same data folder (onboarding and seeding it if empty) — two processes never
 * open the same database files.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { config } from '../../functions/lib/config';
import type { ExportUrls } from '../../functions/sites/export';
import { attachLocal, dataGeneration, waitForDataDir } from './attach';
import { startLocalRuntime } from './runtime';
import { writeSnapshots } from './site-data';

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
    const dataDir = await mkdtemp(join(tmpdir(), 'sk-site-data-'));
    const villages = await writeSnapshots({
      outDir: dataDir,
      regencyCode: config().REGENCY_CODE,
      urls,
      ...(opts.villages ? { villages: opts.villages } : {}),
      onProgress: say,
    });
    return { dataDir, villages, generation: dataGeneration(localDir) };
  } finally {
    await release();
  }
}
