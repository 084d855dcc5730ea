/**
 * The site build itself, from the fixture snapshots (no servers): its progress adds up, and two pages
 * on one path stop it instead of one silently overwriting the other.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSites, folderPortalDigest, portalDigest, readBuildMarker } from '../../site/build';

const dirs: string[] = [];
const tempDir = async (prefix: string) => {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
const leftover = join(process.cwd(), '.astro', '.prerender');
const hadLeftover = existsSync(leftover);
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('building the sites', () => {
  it('a complete build records its data source; building one village from other data clears it; progress adds up', async () => {
    const outDir = await tempDir('sk-build-one-');
    const fixtures = { source: `snapshot:${resolve('site/fixtures')}`, regencyCode: '35.10' };
    await buildSites({ dataDir: 'site/fixtures', outDir, source: fixtures, onLog: () => {} });
    const marker = readBuildMarker(outDir);
    expect(marker).toMatchObject({ ...fixtures, complete: true, portalDigest: expect.any(String) });
    expect(marker?.portalDigest).toBe(await folderPortalDigest('site/fixtures'));

    const events: [number, number, string][] = [];
    const result = await buildSites({
      dataDir: 'site/fixtures',
      outDir,
      villages: ['tamansari-licin'],
      source: { source: 'local', regencyCode: '35.10', generation: 'other' },
      onProgress: (done, total, label) => events.push([done, total, label]),
      onLog: () => {},
    });
    // the folder now mixes two sources: no marker, so npm start's publisher rebuilds everything
    expect(readBuildMarker(outDir)).toBeUndefined();
    const pages = events.filter(([, , label]) => label !== 'preparing' && label !== 'done');
    const last = pages.at(-1);
    expect(last?.[0]).toBe(last?.[1]);
    expect(last?.[0]).toBe(result.pages);
    // the total was right from the first page
    expect(new Set(pages.map(([, total]) => total))).toEqual(new Set([result.pages]));
  }, 120_000);

  it('the portal digest changes with what the portal shows, not with the snapshot time', async () => {
    const regency = JSON.parse(await readFile('site/fixtures/regency.json', 'utf8'));
    const slugs = ['kemiren-glagah', 'tamansari-licin'];
    const base = portalDigest(regency, slugs);
    expect(portalDigest({ ...regency, generatedAt: '2000-01-01T00:00:00Z' }, [...slugs].reverse())).toBe(
      base,
    );
    expect(portalDigest(regency, slugs.slice(0, 1))).not.toBe(base);
    const renamed = structuredClone(regency);
    renamed.kecamatan[0].villages[0].name = 'Desa Baru';
    expect(portalDigest(renamed, slugs)).not.toBe(base);
  });

  it('two news articles of a village with one slug fail the build, naming the path', async () => {
    const dataDir = await tempDir('sk-build-dup-');
    await cp('site/fixtures', dataDir, { recursive: true });
    const file = join(dataDir, 'villages', 'tamansari-licin.json');
    const snapshot = JSON.parse(await readFile(file, 'utf8'));
    const [first] = snapshot.news;
    snapshot.news.push({ ...first, date: '2020-01-01', title: { id: 'Berita lain, slug sama' } });
    await writeFile(file, JSON.stringify(snapshot));
    const outDir = await tempDir('sk-build-dup-out-');
    await expect(
      buildSites({ dataDir, outDir, villages: ['tamansari-licin'], onLog: () => {} }),
    ).rejects.toThrow(new RegExp(`duplicate page paths.*article=${first.slug}`));
    // and leaves no Astro leftovers in the working folder
    if (!hadLeftover) expect(existsSync(leftover)).toBe(false);
  }, 120_000);
});
