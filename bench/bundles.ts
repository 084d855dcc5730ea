/**
 * Bundle budgets (issue 5): each function's bundle ≤ 1 MB minified, built with exactly the esbuild
 * options SkFunction deploys with; time to import each bundle in Node 24 ≤ 1.5× the time to import a
 * bundle holding only the DynamoDB client, measured in the same run (fresh process per import).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { buildOptions, listBundles, repoRoot } from '../infra/bundles';

const out = join(repoRoot, 'dist', 'bench-bundles');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const MB = 1024 * 1024;
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 11);

async function bundle(id: string, entry: string, external: string[], options: object = buildOptions) {
  const outfile = join(out, `${id}.mjs`);
  await esbuild.build({
    ...(options as esbuild.BuildOptions),
    entryPoints: [entry],
    outfile,
    external,
    sourcemap: false,
    logLevel: 'silent',
  });
  return { outfile, bytes: statSync(outfile).size };
}

/** wall time of one `import()` of the bundle in a fresh Node 24 process */
function importOnce(file: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(`file://${file}`)});console.log(performance.now()-t)`;
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, TABLE_NAME: 't', UPLOADS_BUCKET: 'u' },
    }).trim(),
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * Median import time of the bundle and of the baseline, measured in alternation (baseline, bundle,
 * baseline, …): this machine's speed drifts between minutes, and a baseline taken once at the start
 * would charge that drift to whichever functions come later.
 */
function pairedMs(file: string, baselineFile: string): { ms: number; baselineMs: number } {
  const own: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(importOnce(baselineFile));
    own.push(importOnce(file));
  }
  return { ms: median(own), baselineMs: median(base) };
}

const baselineEntry = join(out, 'baseline-entry.mjs');
writeFileSync(
  baselineEntry,
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const client = new DynamoDBClient({});\n",
);
// The baseline is the DynamoDB client as AWS publishes it, default credential chain included: our
// functions swap that chain for the Lambda environment's credentials (buildOptions.alias), which is
// part of what they do, not of the reference. The same client with our swap is measured as well
// (below, "floor"), so the ratios can be read against either.
const { alias: _ours, ...standardOptions } = buildOptions;
const baseline = await bundle(
  'BaselineDynamoOnly',
  baselineEntry,
  [...buildOptions.external],
  standardOptions,
);
const floor = await bundle('FloorDynamoOnly', baselineEntry, [...buildOptions.external]);
const baselines: number[] = [];
console.log(
  `baseline (DynamoDB client only, as published): ${(baseline.bytes / 1024).toFixed(0)} KB, imported in alternation with each function (${RUNS} pairs, medians)\n`,
);
console.log(
  'function'.padEnd(28),
  'size KB'.padStart(8),
  'vs 1 MB'.padStart(8),
  'import ms'.padStart(10),
  'base ms'.padStart(8),
  'ratio'.padStart(7),
  '  verdict',
);
let over = 0;
for (const b of listBundles().filter((x) => x.exists)) {
  const built = await bundle(b.id, b.entry, b.external);
  const { ms, baselineMs } = pairedMs(built.outfile, baseline.outfile);
  baselines.push(baselineMs);
  const ratio = ms / baselineMs;
  const ok = built.bytes <= MB && ratio <= 1.5;
  if (!ok) over++;
  console.log(
    b.id.padEnd(28),
    (built.bytes / 1024).toFixed(0).padStart(8),
    `${((built.bytes / MB) * 100).toFixed(0)}%`.padStart(8),
    ms.toFixed(1).padStart(10),
    baselineMs.toFixed(1).padStart(8),
    `${ratio.toFixed(2)}×`.padStart(7),
    ok ? '  PASS' : '  OVER',
  );
}
console.log(
  `\nbaseline import across the run: ${Math.min(...baselines).toFixed(1)}–${Math.max(...baselines).toFixed(1)} ms (median ${median(baselines).toFixed(1)})`,
);
const floorPair = pairedMs(floor.outfile, baseline.outfile);
console.log(
  `floor (the same client with the functions' credential provider): ${(floor.bytes / 1024).toFixed(0)} KB, ` +
    `${floorPair.ms.toFixed(1)} ms vs baseline ${floorPair.baselineMs.toFixed(1)} ms (${(floorPair.ms / floorPair.baselineMs).toFixed(2)}×): ` +
    `divide a ratio above by ${(floorPair.ms / floorPair.baselineMs).toFixed(2)} to read it against the floor`,
);
console.log(
  `bundles: ${over === 0 ? 'all within budget' : `${over} over budget`} (size ≤ 1 MB, import ≤ 1.5× baseline)`,
);
