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
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 7);

async function bundle(id: string, entry: string, external: string[]) {
  const outfile = join(out, `${id}.mjs`);
  await esbuild.build({
    ...(buildOptions as unknown as esbuild.BuildOptions),
    entryPoints: [entry],
    outfile,
    external,
    sourcemap: false,
    logLevel: 'silent',
  });
  return { outfile, bytes: statSync(outfile).size };
}

/** median wall time of `import()` of the bundle in a fresh Node 24 process */
function importMs(file: string): number {
  const script = `const t=performance.now();await import(${JSON.stringify(`file://${file}`)});console.log(performance.now()-t)`;
  const times = Array.from({ length: RUNS }, () =>
    Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        env: { ...process.env, TABLE_NAME: 't', UPLOADS_BUCKET: 'u' },
      }).trim(),
    ),
  ).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const baselineEntry = join(out, 'baseline-entry.mjs');
writeFileSync(
  baselineEntry,
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const client = new DynamoDBClient({});\n",
);
const baseline = await bundle('BaselineDynamoOnly', baselineEntry, [...buildOptions.external]);
const baselineMs = importMs(baseline.outfile);
console.log(
  `baseline (DynamoDB client only): ${(baseline.bytes / 1024).toFixed(0)} KB, import ${baselineMs.toFixed(1)} ms (median of ${RUNS})\n`,
);
console.log(
  'function'.padEnd(28),
  'size KB'.padStart(8),
  'vs 1 MB'.padStart(8),
  'import ms'.padStart(10),
  'ratio'.padStart(7),
  '  verdict',
);
let over = 0;
for (const b of listBundles().filter((x) => x.exists)) {
  const built = await bundle(b.id, b.entry, b.external);
  const ms = importMs(built.outfile);
  const ratio = ms / baselineMs;
  const ok = built.bytes <= MB && ratio <= 1.5;
  if (!ok) over++;
  console.log(
    b.id.padEnd(28),
    (built.bytes / 1024).toFixed(0).padStart(8),
    `${((built.bytes / MB) * 100).toFixed(0)}%`.padStart(8),
    ms.toFixed(1).padStart(10),
    `${ratio.toFixed(2)}×`.padStart(7),
    ok ? '  PASS' : '  OVER',
  );
}
console.log(
  `\nbundles: ${over === 0 ? 'all within budget' : `${over} over budget`} (size ≤ 1 MB, import ≤ 1.5× baseline)`,
);
