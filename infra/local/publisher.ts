/**
 * The local site publisher behind `npm start`: consumes the "site out of date" signal (SiteState in
 * the table), rebuilds only the affected villages with the same Astro build as `npm run sites:build`,
 * and publishes them into the folder the site server serves — so a product published through the API
 * appears on http://localhost:4321/<slug>/ within seconds, without a restart. On AWS the same signal
 * drives CodeBuild (infra/stacks/publish-stack.ts, scripts/publish-site.ts).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportUrls } from '../../functions/sites/export';

export interface PublisherOptions {
  regencyCode: string;
  urls: ExportUrls;
  /** the served folder (dist/sites) */
  outDir: string;
  /** a village is rebuilt once no change arrived for this long (a burst = one rebuild) */
  quietMs?: number;
  pollMs?: number;
  say?: (message: string) => void;
}

export interface PublishRound {
  villages: string[];
  pages: number;
  ms: number;
}

export interface Publisher {
  /** one round now: rebuild what is pending (and the whole regency if nothing was ever built) */
  runOnce(): Promise<PublishRound | undefined>;
  stop(): Promise<void>;
}

export function createPublisher(opts: PublisherOptions): Publisher {
  const say = opts.say ?? (() => {});
  const quietMs = opts.quietMs ?? 300;
  let running: Promise<PublishRound | undefined> = Promise.resolve(undefined);

  async function round(): Promise<PublishRound | undefined> {
    const { pendingSites, markPublished } = await import('../../functions/sites/signal');
    const { writeSnapshots } = await import('./site-data');
    const { buildSites } = await import('../../site/build');
    const started = performance.now();
    const firstBuild = !existsSync(join(opts.outDir, 'index.html'));
    // read the signal before exporting: a change during the build keeps its village dirty
    const pending = await pendingSites(opts.regencyCode, new Date(), firstBuild ? 0 : quietMs);
    if (!firstBuild && pending.length === 0) return undefined;
    const dataDir = await mkdtemp(join(tmpdir(), 'sk-publish-'));
    try {
      const villages = await writeSnapshots({
        outDir: dataDir,
        regencyCode: opts.regencyCode,
        urls: opts.urls,
        ...(firstBuild ? {} : { villages: pending.map((p) => p.villageCode) }),
      });
      if (firstBuild) say(`building the sites of all ${villages.length} villages (first start) …`);
      let lastTenth = -1;
      const result = await buildSites({
        dataDir,
        outDir: opts.outDir,
        villages,
        portal: firstBuild,
        onProgress: (done, total) => {
          const tenth = Math.floor((done / total) * 10);
          if (firstBuild && tenth !== lastTenth) {
            lastTenth = tenth;
            say(`sites: ${done}/${total} pages`);
          }
        },
      });
      const now = new Date();
      for (const p of pending)
        await markPublished({ code: p.villageCode, regencyCode: opts.regencyCode }, p.lastChangeAt, now);
      const ms = Math.round(performance.now() - started);
      say(
        firstBuild
          ? `sites: ${villages.length} villages, ${result.pages} pages published in ${(ms / 1000).toFixed(1)} s`
          : `sites: republished ${villages.join(', ')} in ${(ms / 1000).toFixed(1)} s`,
      );
      return { villages, pages: result.pages, ms };
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }

  return {
    runOnce() {
      running = running.then(round, round);
      return running;
    },
    async stop() {
      await running.catch(() => undefined);
    },
  };
}

/** Polls for out-of-date villages until stopped; a failed round is reported and retried later. */
export function startPublisher(opts: PublisherOptions): Publisher {
  const publisher = createPublisher(opts);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await publisher.runOnce();
    } catch (error) {
      opts.say?.(`sites: publishing failed — ${(error as Error).message} (retrying)`);
    }
    if (!stopped) timer = setTimeout(tick, opts.pollMs ?? 1000);
  };
  void tick();
  return {
    runOnce: () => publisher.runOnce(),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await publisher.stop();
    },
  };
}
