/**
 * Content collections: the snapshot folder written by the domain export (functions/sites/export.ts)
 * or the fixtures. The collection schemas ARE the contract's zod schemas (functions/sites/snapshot.ts);
 * Astro validates every entry with them while loading, so a bad snapshot fails the build with the
 * file and the field.
 *
 *   villages  one entry per village snapshot (id = slug), only the villages being built (SITE_VILLAGES)
 *   regency   one entry (id "regency"): the portal's list of villages, plus which of them have a
 *             website to link to (regency.json's `villagesWithSite`, else those with a snapshot)
 */

import { defineCollection } from 'astro:content';
import { readdir, readFile } from 'node:fs/promises';
import type { Loader } from 'astro/loaders';
import { RegencySnapshot, VillageSnapshot } from '../../functions/sites/snapshot';
import { buildEnv, dataDir } from './lib/env';

async function readJson(file: URL): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read snapshot ${file.pathname}: ${(e as Error).message}`);
  }
}

/** slugs of every `villages/<slug>.json` in the data folder */
async function snapshotSlugs(dir: URL): Promise<string[]> {
  const files = await readdir(new URL('villages/', dir)).catch(() => []);
  return files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));
}

const villagesLoader: Loader = {
  name: 'smart-kampung-villages',
  async load({ store, parseData, generateDigest, config, logger }) {
    const dir = dataDir(config.root);
    const available = await snapshotSlugs(dir);
    const wanted = buildEnv.villages ?? available;
    const missing = wanted.filter((s) => !available.includes(s));
    if (missing.length) {
      throw new Error(
        `no snapshot for village ${missing.join(', ')} in ${new URL('villages/', dir).pathname}`,
      );
    }
    store.clear();
    await Promise.all(
      wanted.map(async (slug) => {
        const file = new URL(`villages/${slug}.json`, dir);
        const data = await parseData({ id: slug, data: await readJson(file), filePath: file.pathname });
        store.set({ id: slug, data, digest: generateDigest(data) });
      }),
    );
    logger.info(`${wanted.length} village snapshot(s) from ${dir.pathname}`);
  },
};

const regencyLoader: Loader = {
  name: 'smart-kampung-regency',
  async load({ store, parseData, generateDigest, config }) {
    const dir = dataDir(config.root);
    const file = new URL('regency.json', dir);
    const raw = await readJson(file);
    const data = await parseData({
      id: 'regency',
      // regency.json may list them itself (the publisher: every village has a site, few are rebuilt)
      data: { villagesWithSite: await snapshotSlugs(dir), ...raw },
      filePath: file.pathname,
    });
    store.clear();
    store.set({ id: 'regency', data, digest: generateDigest(data) });
  },
};

export const collections = {
  villages: defineCollection({ loader: villagesLoader, schema: VillageSnapshot }),
  regency: defineCollection({
    loader: regencyLoader,
    schema: RegencySnapshot.extend({
      /** slugs of the villages that have a snapshot (a website) in this data folder */
      villagesWithSite: VillageSnapshot.shape.village.shape.slug.array(),
    }),
  }),
};
