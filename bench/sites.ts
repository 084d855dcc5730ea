/**
 * Village website budgets (issue 4), on a synthetic regency: the 217 real villages of Kabupaten
 * Banyuwangi (idn-area-data), each a copy of the fixture villages (site/fixtures) under its own name,
 * code and slug, with 8 services, 6 products and 4 news articles.
 *
 *   full build (217 villages + portal)       ≤ 60 s      (and pages/s)
 *   one-village rebuild                      ≤ 5 s
 *   home page / product page, gzip + brotli  ≤ 50 KB each (HTML only: product photos excluded)
 *
 * Output under dist/bench-sites/ (data/ and out/). BENCH_SITES_VILLAGES=n builds only the first n.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { RegencySnapshot, type SiteProduct, VillageSnapshot } from '../functions/sites/snapshot';
import { regencyVillages } from '../functions/villages/onboard-data';
import { buildSites, repoRoot, siteDir } from '../site/build';
import { ratio, table } from './lib';

const root = join(repoRoot, 'dist', 'bench-sites');
const dataDir = join(root, 'data');
const outDir = join(root, 'out');
const KB = 1024;

const fixture = (slug: string) =>
  VillageSnapshot.parse(
    JSON.parse(readFileSync(join(siteDir, 'fixtures', 'villages', `${slug}.json`), 'utf8')),
  );

/** Writes regency.json and one snapshot per village; returns the slugs. */
async function generate(limit?: number): Promise<string[]> {
  const tamansari = fixture('tamansari-licin');
  const kemiren = fixture('kemiren-glagah');
  const reg = await regencyVillages('35.10');
  const villages = limit ? reg.villages.slice(0, limit) : reg.villages;
  if (limit && !villages.some((v) => v.slug === 'tamansari-licin')) {
    const t = reg.villages.find((v) => v.slug === 'tamansari-licin');
    if (t) villages.push(t);
  }

  // 8 services: the two fixtures' catalogues together
  const services = [...tamansari.services, ...kemiren.services].filter(
    (s, i, all) => all.findIndex((x) => x.code === s.code) === i,
  );
  // 4 news: Tamansari's three and one of Kemiren's
  const news = [...tamansari.news, ...kemiren.news.slice(0, 1)];

  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(dataDir, 'villages'), { recursive: true });
  const regency = RegencySnapshot.parse({
    generatedAt: tamansari.generatedAt,
    apiUrl: tamansari.apiUrl,
    siteUrl: tamansari.siteUrl,
    regency: reg.regency,
    kecamatan: reg.kecamatan
      .map((k) => ({
        code: k.code,
        name: k.name,
        villages: villages
          .filter((v) => v.kecamatanCode === k.code)
          .map((v) => ({ code: v.code, slug: v.slug, name: v.name, kind: v.kind })),
      }))
      .filter((k) => k.villages.length > 0),
  });
  writeFileSync(join(dataDir, 'regency.json'), JSON.stringify(regency));

  villages.forEach((v, i) => {
    const rename = (s: string) => s.replaceAll('Tamansari', v.name).replaceAll('Licin', v.kecamatanName);
    // 6 products, a different selection and order per village (the fixtures have 11)
    const pool = [...tamansari.products, ...kemiren.products];
    const products: SiteProduct[] = Array.from({ length: 6 }, (_, j) => {
      const p = pool[(i + j * 2) % pool.length] as SiteProduct;
      const id = `${p.id}-${v.code.replaceAll('.', '')}`;
      return {
        ...p,
        id,
        price: p.price + (i % 5) * 1000,
        photos: p.photos.map((ph) => ({
          ...ph,
          variants: ph.variants.map((x) => ({ ...x, url: x.url.replace(`/${p.id}/`, `/${id}/`) })),
        })),
      };
    });
    const snapshot: VillageSnapshot = {
      ...tamansari,
      village: {
        ...tamansari.village,
        code: v.code,
        slug: v.slug,
        name: v.name,
        kind: v.kind,
        kecamatan: { code: v.kecamatanCode, name: v.kecamatanName },
        profile: {
          ...tamansari.village.profile,
          about: {
            id: rename(tamansari.village.profile.about.id),
            en: rename(tamansari.village.profile.about.en ?? ''),
          },
          contact: {
            ...tamansari.village.profile.contact,
            address: `Kantor ${v.kind} ${v.name}, ${v.kecamatanName}`,
          },
        },
      },
      services: services.map((s, j) => ({ ...s, popularity: (i * 7 + j * 13) % 60 })),
      products,
      news,
    };
    writeFileSync(join(dataDir, 'villages', `${v.slug}.json`), JSON.stringify(snapshot));
  });
  return villages.map((v) => v.slug);
}

function sizes(file: string) {
  const html = readFileSync(file);
  return {
    raw: html.length,
    gzip: gzipSync(html, { level: 9 }).length,
    brotli: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const limit = process.env.BENCH_SITES_VILLAGES ? Number(process.env.BENCH_SITES_VILLAGES) : undefined;
const slugs = await generate(limit);
console.log(`synthetic regency: ${slugs.length} villages in ${dataDir}\n`);

let lastDecile = -1;
const full = await buildSites({
  dataDir,
  outDir,
  onProgress: (done, total) => {
    const decile = Math.floor((done / Math.max(1, total)) * 10);
    if (decile > lastDecile) {
      lastDecile = decile;
      process.stderr.write(`  full build ${decile * 10}% (${done}/${total})\n`);
    }
  },
});
const one = await buildSites({ dataDir, outDir, villages: ['tamansari-licin'] });

const village = JSON.parse(
  readFileSync(join(dataDir, 'villages', 'tamansari-licin.json'), 'utf8'),
) as VillageSnapshot;
const home = sizes(join(outDir, 'tamansari-licin', 'index.html'));
const productSlug = village.products[0]?.slug ?? '';
const product = sizes(join(outDir, 'tamansari-licin', 'produk', productSlug, 'index.html'));

const fullS = full.ms / 1000;
const oneS = one.ms / 1000;
const rows: [string, number, number, string, 'max' | 'min'][] = [
  [`full build, ${full.villages.length} villages (s)`, fullS, 60, 's', 'max'],
  ['full build (pages/s)', full.pages / fullS, full.pages / 60, 'pages/s', 'min'],
  ['one-village build (s)', oneS, 5, 's', 'max'],
  ['home page gzip (KB)', home.gzip / KB, 50, 'KB', 'max'],
  ['home page brotli (KB)', home.brotli / KB, 50, 'KB', 'max'],
  ['product page gzip (KB)', product.gzip / KB, 50, 'KB', 'max'],
  ['product page brotli (KB)', product.brotli / KB, 50, 'KB', 'max'],
];
let over = 0;
console.log(
  table(
    ['name', 'value', 'budget', 'ratio', 'verdict'],
    rows.map(([name, value, budget, , kind]) => {
      const ok = kind === 'max' ? value <= budget : value >= budget;
      if (!ok) over++;
      return [
        name,
        value.toFixed(1),
        `${kind === 'max' ? '≤' : '≥'} ${budget.toFixed(kind === 'min' ? 0 : 0)}`,
        ratio(value, budget),
        ok ? 'PASS' : 'OVER',
      ];
    }),
  ),
);
console.log(
  `\n${full.pages} files for ${full.villages.length} villages (${(full.pages / full.villages.length).toFixed(0)} per village); ` +
    `home page ${(home.raw / KB).toFixed(1)} KB raw, product page ${(product.raw / KB).toFixed(1)} KB raw`,
);
console.log(`\nsites: ${over === 0 ? 'all within budget' : `${over} over budget`}`);
