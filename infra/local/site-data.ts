/**
 * Snapshots for the site build (`npm run sites:build`, the publisher): the regency and each village's
 * public data, exported through the domain layer into a folder the Astro project reads. The CLI's way
 * to reach the data (through a running `npm start`, or its own embedded runtime) is
 * ./export-site-data.ts: the publisher, which runs inside the runtime, only writes snapshots.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ExportUrls, exportRegency, exportVillage } from '../../functions/sites/export';

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
