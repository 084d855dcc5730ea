/**
 * npm run sites:build [-- --village <code-or-slug> ...] [--data <dir>] [--out <dir>] [--no-portal]
 *
 * Builds the village websites (site/, Astro) into dist/sites/ (from --data <dir>: dist/sites-<dir name>/,
 * e.g. dist/sites-fixtures/): every village and the regency portal,
 * or only the villages named with --village (a Kemendagri code such as 35.10.24.2008 or a slug such as
 * tamansari-licin; repeatable), which replaces just those villages' folders.
 *
 * Data: --data <dir> reads a snapshot folder (regency.json + villages/<slug>.json), e.g. site/fixtures.
 * Without --data the snapshot is exported from the local system (infra/local/export-site-data.ts).
 *
 * Progress: one updating bar on a terminal, a line every ~10% otherwise (CI); then a summary.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RegencySnapshot } from '../functions/sites/snapshot';
import { type BuildSource, buildSites, defaultOutDir, SiteBuildError } from '../site/build';

const USAGE = `usage: npm run sites:build -- [--village <code-or-slug>]... [--data <dir>] [--out <dir>] [--no-portal]

  --village  a village to build (Kemendagri code like 35.10.24.2008, or slug like tamansari-licin);
             repeatable; default: every village, plus the regency portal
  --data     snapshot folder (regency.json + villages/<slug>.json), e.g. site/fixtures;
             default: export it from the local system (npm start's data)
  --out      output folder (default dist/sites; with --data <dir>: dist/sites-<dir name>, so a
             snapshot build never replaces what npm start serves)
  --portal / --no-portal   build the portal pages (default: only when building every village)`;

/**
 * The local export (infra/local/export-site-data.ts): loaded only when --data is absent, and lazily, because it
 * brings the whole local runtime with it. A failure to load it says how to build without it.
 */
async function loadExport() {
  try {
    return (await import('../infra/local/export-site-data')).exportSiteData;
  } catch (e) {
    throw new SiteBuildError(
      `cannot export the site data from the local system (${(e as Error).message}).\nBuild from a snapshot folder instead: npm run sites:build -- --data site/fixtures`,
    );
  }
}

const regencyOf = (dataDir: string): string =>
  RegencySnapshot.parse(JSON.parse(readFileSync(resolve(dataDir, 'regency.json'), 'utf8'))).regency.code;

const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

/** Village arguments (codes or slugs) → slugs, through the data folder's regency.json. */
function toSlugs(dataDir: string, args: string[]): string[] {
  const regency = RegencySnapshot.parse(JSON.parse(readFileSync(resolve(dataDir, 'regency.json'), 'utf8')));
  const all = regency.kecamatan.flatMap((k) => k.villages);
  const example = all.find((v) => v.slug === 'tamansari-licin')?.slug ?? all[0]?.slug ?? 'tamansari-licin';
  return args.map((arg) => {
    const v = VILLAGE_CODE.test(arg) ? all.find((x) => x.code === arg) : all.find((x) => x.slug === arg);
    if (!v)
      throw new SiteBuildError(`unknown village ${arg}; try npm run sites:build -- --village ${example}`);
    return v.slug;
  });
}

function progressPrinter(): (done: number, total: number, label: string) => void {
  const tty = process.stdout.isTTY === true;
  let lastDraw = 0;
  let lastLineWidth = 0;
  let lastDecile = -1;
  return (done, total, label) => {
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    if (tty) {
      const now = performance.now();
      if (now - lastDraw < 80 && done < total) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round(ratio * width);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
      const line = `${bar} ${done}/${total} pages  ${label}`;
      process.stdout.write(`\r${line.slice(0, (process.stdout.columns || 100) - 1).padEnd(lastLineWidth)}`);
      lastLineWidth = Math.min(line.length, (process.stdout.columns || 100) - 1);
      if (label === 'done') process.stdout.write('\n');
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile > lastDecile && (done > 0 || label === 'done')) {
      lastDecile = decile;
      console.log(`sites: ${String(Math.round(ratio * 100)).padStart(3)}%  ${done}/${total} pages  ${label}`);
    }
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      village: { type: 'string', multiple: true },
      data: { type: 'string' },
      out: { type: 'string' },
      portal: { type: 'boolean' },
      'no-portal': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const requested = values.village ?? [];
  let dataDir: string;
  /** a folder exported for this build, deleted after it */
  let exported: string | undefined;
  let source: BuildSource | undefined;
  if (values.data) {
    dataDir = resolve(values.data);
  } else {
    const exportSiteData = await loadExport();
    console.log('sites: exporting the site data from the local system…');
    let generation: string;
    ({ dataDir, generation } = await exportSiteData({
      ...(requested.length ? { villages: requested } : {}),
      onProgress: (m) => console.log(`sites: ${m}`),
    }));
    exported = dataDir;
    source = { source: 'local', regencyCode: regencyOf(dataDir), generation };
  }
  try {
    await build(dataDir, requested, {
      ...values,
      source: source ?? { source: `snapshot:${dataDir}`, regencyCode: regencyOf(dataDir) },
      // a snapshot folder's sites go beside npm start's, never over them: dist/sites-<folder name>
      defaultOut: values.data ? `${defaultOutDir}-${basename(dataDir)}` : defaultOutDir,
    });
  } finally {
    if (exported) await rm(exported, { recursive: true, force: true });
  }
}

async function build(
  dataDir: string,
  requested: string[],
  values: {
    out?: string | undefined;
    portal?: boolean | undefined;
    'no-portal'?: boolean | undefined;
    source: BuildSource;
    defaultOut: string;
  },
): Promise<void> {
  const villages = requested.length ? toSlugs(dataDir, requested) : undefined;
  const portal = values['no-portal'] ? false : values.portal;
  const outDir = resolve(values.out ?? values.defaultOut);

  const result = await buildSites({
    dataDir,
    outDir,
    source: values.source,
    ...(villages ? { villages } : {}),
    ...(portal !== undefined ? { portal } : {}),
    onProgress: progressPrinter(),
    onLog: (level, message) => process.stderr.write(`\n${level}: ${message}\n`),
  });

  const seconds = result.ms / 1000;
  const shown = result.villages.length <= 5 ? ` (${result.villages.join(', ')})` : '';
  console.log(
    [
      `villages  ${result.villages.length}${shown}`,
      `pages     ${result.pages}`,
      `time      ${seconds.toFixed(1)} s (${Math.round(result.pages / seconds)} pages/s)`,
      `output    ${relative(process.cwd(), outDir) || '.'}${villages ? '' : '/'}`,
    ].join('\n'),
  );
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof TypeError && String((e as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`error: ${message}\n\n${USAGE}`);
  } else if (e instanceof SiteBuildError || !process.env.DEBUG) {
    // what the person can act on; DEBUG=1 shows the stack of an unexpected failure
    console.error(`\nerror: ${message}`);
  } else {
    console.error('\nerror:', e instanceof Error ? (e.stack ?? message) : e);
  }
  process.exitCode = 1;
});
