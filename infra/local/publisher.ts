/**
 * The local site publisher behind `npm start`: consumes the "site out of date" signal (SiteState in
 * the table), rebuilds only the affected villages with the same Astro build as `npm run sites:build`,
 * and publishes them into the folder the site server serves — so a product published through the API
 * appears on http://localhost:4321/<slug>/ within seconds, without a restart. On AWS the same signal
 * drives CodeBuild (infra/stacks/publish-stack.ts, scripts/publish-site.ts).
 *
 * - Everything (every village and the portal) is rebuilt when the served folder was not built from
 *   this data: its `.build.json` marker is missing or names another source, regency or data
 *   generation (e.g. an old `sites:build -- --data site/fixtures` into dist/sites, or `--fresh`).
 * - The portal is rebuilt when what it shows (the regency's villages, names, URLs) changed.
 * - A failing build is split in halves until the failing villages are found: the others publish,
 *   the failing ones are retried with a growing delay (and recorded in the marker across restarts).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markPublished, onOutOfDate, pendingSites } from '../../functions/publish/signal';
import type { ExportUrls } from '../../functions/sites/export';
import type { BuildSource } from '../../site/build';
import { writeSnapshots } from './site-data';

export interface PublisherOptions {
  regencyCode: string;
  urls: ExportUrls;
  /** the served folder (dist/sites) */
  outDir: string;
  /**
   * the local data's generation (a new one when the data folder is wiped); the served folder is
   * rebuilt from scratch when its marker names another
   * @default a new one per publisher (in-memory data)
   */
  generation?: string;
  /** a village is rebuilt once no change arrived for this long (a burst = one rebuild); @default PUBLISH_QUIET_MS */
  quietMs?: number;
  /** startPublisher: how often the signal is read when no in-process change woke it; @default PUBLISH_POLL_MS */
  pollMs?: number;
  /** longest wait between retries of a failing round or village; @default 60 s */
  maxBackoffMs?: number;
  say?: (message: string) => void;
  /** after every round that rebuilt or tried something (tests and benchmarks count rebuilds with it) */
  onRound?: (round: PublishRound) => void;
}

/**
 * What `npm start` runs with. The publisher wakes on every in-process change (the API's handlers run in
 * the same process: functions/publish/signal.ts onOutOfDate) and rebuilds once the village has been
 * quiet for PUBLISH_QUIET_MS; the poll is the fallback for changes written by other processes
 * (`npm run villages:onboard`, a script on the DynamoDB endpoint) and for villages edited without pause.
 */
export const PUBLISH_QUIET_MS = 300;
export const PUBLISH_POLL_MS = 1000;
/** a woken round runs this long after the quiet time, so the change that woke it counts as quiet */
const WAKE_MARGIN_MS = 30;

export interface PublishRound {
  villages: string[];
  pages: number;
  ms: number;
  /** whether the portal was rebuilt in this round */
  portal: boolean;
  /** villages whose build failed (retried later) */
  failed: string[];
}

export interface Publisher {
  /** one round now: rebuild what is pending (and the whole regency if nothing was ever built) */
  runOnce(): Promise<PublishRound | undefined>;
  stop(): Promise<void>;
}

/** Folders of the served folder that hold a site (an index.html): candidates for the portal's links. */
async function servedVillages(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && e.name !== 'en' && e.name !== 'cari' && !e.name.startsWith('.'))
    .filter((e) => existsSync(join(outDir, e.name, 'index.html')))
    .map((e) => e.name);
}

/** 1, 2, 4 … × base, at most max. */
export const backoff = (failures: number, baseMs: number, maxMs: number): number =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));

export function createPublisher(opts: PublisherOptions): Publisher {
  const say = opts.say ?? (() => {});
  const quietMs = opts.quietMs ?? PUBLISH_QUIET_MS;
  const source: BuildSource = {
    source: 'local',
    regencyCode: opts.regencyCode,
    generation: opts.generation ?? randomUUID(),
  };
  /** per village slug: failures in a row and when to try again */
  const failing = new Map<string, { count: number; next: number }>();
  const due = (slug: string, now: number) => (failing.get(slug)?.next ?? 0) <= now;
  let running: Promise<PublishRound | undefined> = Promise.resolve(undefined);

  async function round(): Promise<PublishRound | undefined> {
    // Astro loads with the first build (about a second), not with the runtime
    const { buildSites, folderPortalDigest, readBuildMarker, sameSource, writeBuildMarker } = await import(
      '../../site/build'
    );
    const started = performance.now();
    const nowMs = Date.now();
    const marker = readBuildMarker(opts.outDir);
    const firstBuild = !sameSource(marker, source);
    // read the signal before exporting: a change during the build keeps its village dirty
    const pending = await pendingSites(opts.regencyCode, new Date(), firstBuild ? 0 : quietMs);
    const retry = firstBuild ? [] : (marker?.failed ?? []).filter((slug) => due(slug, nowMs));
    const wanted = firstBuild ? [] : [...pending.map((p) => p.villageCode), ...retry];
    if (!firstBuild && wanted.length === 0) return undefined;
    const dataDir = await mkdtemp(join(tmpdir(), 'sk-publish-'));
    try {
      const exported = await writeSnapshots({
        outDir: dataDir,
        regencyCode: opts.regencyCode,
        urls: opts.urls,
        // a partial round: the portal links the villages already served, not only those rebuilt
        ...(firstBuild ? {} : { villages: wanted, villagesWithSite: await servedVillages(opts.outDir) }),
      });
      const regency = JSON.parse(await readFile(join(dataDir, 'regency.json'), 'utf8')) as {
        kecamatan: { villages: { code: string; slug: string }[] }[];
      };
      const slugOf = new Map(regency.kecamatan.flatMap((k) => k.villages.map((v) => [v.code, v.slug])));
      // a village still waiting out its retry delay is exported but not built this round
      const villages = [...new Set(exported)].filter((slug) => firstBuild || due(slug, nowMs));
      if (!firstBuild && villages.length === 0) return undefined;
      const digest = await folderPortalDigest(dataDir);
      const portal = firstBuild || digest !== marker?.portalDigest;
      if (firstBuild)
        say(
          `building the sites of all ${villages.length} villages (${marker ? 'the served folder was built from other data' : 'first start'}) …`,
        );
      else if (portal) say('the regency’s village list changed: rebuilding the portal too');

      let lastTenth = -1;
      const built: string[] = [];
      const failed: { slug: string; error: Error }[] = [];
      let pages = 0;
      let portalBuilt = false;
      let portalFailed = false;
      const build = async (group: string[], withPortal: boolean, all: boolean) => {
        const result = await buildSites({
          dataDir,
          outDir: opts.outDir,
          ...(all ? {} : { villages: group }),
          portal: withPortal,
          source,
          onLog: () => {},
          onProgress: (done, total) => {
            const tenth = Math.floor((done / total) * 10);
            if (firstBuild && all && tenth !== lastTenth) {
              lastTenth = tenth;
              say(`sites: ${done}/${total} pages`);
            }
          },
        });
        pages += result.pages;
        built.push(...group);
        if (withPortal) portalBuilt = true;
      };
      /** build a group; when it fails, its halves, down to the villages that fail on their own */
      const attempt = async (group: string[], withPortal: boolean, all = false): Promise<void> => {
        try {
          await build(group, withPortal, all);
        } catch (error) {
          if (group.length > 1) {
            const mid = Math.ceil(group.length / 2);
            await attempt(group.slice(0, mid), withPortal);
            await attempt(group.slice(mid), withPortal && !portalBuilt && !portalFailed);
            return;
          }
          if (withPortal) {
            // one village with the portal: which of the two fails?
            portalFailed = true;
            try {
              await build(group, false, false);
              say(`sites: the portal failed to build — ${(error as Error).message}`);
              return;
            } catch (alone) {
              failed.push({ slug: group[0] as string, error: alone as Error });
              return;
            }
          }
          failed.push({ slug: group[0] as string, error: error as Error });
        }
      };
      await attempt(villages, portal, firstBuild);

      const now = new Date();
      const ok = new Set(built);
      for (const p of pending) {
        const slug = slugOf.get(p.villageCode);
        if (slug && ok.has(slug))
          await markPublished({ code: p.villageCode, regencyCode: opts.regencyCode }, p.lastChangeAt, now);
      }
      for (const slug of built) failing.delete(slug);
      for (const { slug, error } of failed) {
        const count = (failing.get(slug)?.count ?? 0) + 1;
        const wait = backoff(count, opts.pollMs ?? PUBLISH_POLL_MS, opts.maxBackoffMs ?? 60_000);
        failing.set(slug, { count, next: Date.now() + wait });
        say(`sites: ${slug} failed to build (retry in ${Math.round(wait / 1000)} s) — ${error.message}`);
      }
      const stillFailing = new Set([
        ...(firstBuild ? [] : (marker?.failed ?? [])),
        ...failed.map((f) => f.slug),
      ]);
      for (const slug of built) stillFailing.delete(slug);
      const portalDigest = portalBuilt ? digest : firstBuild ? undefined : marker?.portalDigest;
      await writeBuildMarker(opts.outDir, {
        ...source,
        complete: true,
        ...(portalDigest ? { portalDigest } : {}),
        ...(stillFailing.size ? { failed: [...stillFailing].sort() } : {}),
        builtAt: (firstBuild ? now : new Date(marker?.builtAt ?? now)).toISOString(),
      });
      const ms = Math.round(performance.now() - started);
      if (built.length)
        say(
          firstBuild
            ? `sites: ${built.length} villages, ${pages} pages published in ${(ms / 1000).toFixed(1)} s`
            : `sites: republished ${built.join(', ')}${portalBuilt ? ' and the portal' : ''} in ${(ms / 1000).toFixed(1)} s`,
        );
      const result = { villages: built, pages, ms, portal: portalBuilt, failed: failed.map((f) => f.slug) };
      opts.onRound?.(result);
      return result;
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

/**
 * Rebuilds out-of-date villages until stopped: woken by in-process changes (a round once the change
 * is PUBLISH_QUIET_MS old; every further change of a burst pushes it back, and the quiet time of the
 * signal itself keeps a burst to one rebuild), and polling every `pollMs` for the rest. A round that
 * fails as a whole (the data cannot be read, the disk is full…) is reported and retried after a
 * growing delay, not every second; wake-ups wait for that retry too.
 */
export function startPublisher(opts: PublisherOptions): Publisher {
  const publisher = createPublisher(opts);
  const pollMs = opts.pollMs ?? PUBLISH_POLL_MS;
  const quietMs = opts.quietMs ?? PUBLISH_QUIET_MS;
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let wakeTimer: NodeJS.Timeout | undefined;
  const tick = async () => {
    let wait = pollMs;
    try {
      await publisher.runOnce();
      failures = 0;
    } catch (error) {
      failures++;
      wait = backoff(failures, pollMs, opts.maxBackoffMs ?? 60_000);
      opts.say?.(
        `sites: publishing failed — ${(error as Error).message} (retrying in ${Math.round(wait / 1000)} s)`,
      );
    }
    if (!stopped) timer = setTimeout(tick, wait);
  };
  const woken = async () => {
    wakeTimer = undefined;
    // a failing publisher retries on its own schedule (tick), not on every change
    if (stopped || failures > 0) return;
    // errors are the polling loop's to report and back off from
    await publisher.runOnce().catch(() => undefined);
  };
  const unsubscribe = onOutOfDate(() => {
    if (stopped) return;
    clearTimeout(wakeTimer);
    wakeTimer = setTimeout(woken, quietMs + WAKE_MARGIN_MS);
  });
  // Astro itself loads on the first rebuild (about a second): load it now, so the first change
  // after a start is published as fast as the next ones
  void tick().then(() => (stopped ? undefined : import('astro').catch(() => undefined)));
  return {
    runOnce: () => publisher.runOnce(),
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      clearTimeout(wakeTimer);
      await publisher.stop();
    },
  };
}
