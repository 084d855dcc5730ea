/**
 * Bundle budgets (issue 5, the import budget restated by issue 14): each function's bundle ≤ 1 MB
 * minified, built with exactly the esbuild options SkFunction deploys with; time to import each bundle
 * in Node 24 ≤ 1.5× the time to import a bundle holding only THE SAME AWS SDK CLIENTS (and S3
 * presigners) that function's bundle carries — read from its esbuild metafile — measured in the same
 * run (fresh process per import). So our own code and libraries are counted against us, the SDK is not.
 * A function that carries no SDK client at all (the OpenAPI document, the `$default` 404) has no such
 * baseline (importing nothing takes no time): it keeps issue 5's, the DynamoDB client alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { buildOptions, listBundles, repoRoot, sdkClientsOf } from '../infra/bundles';

const out = join(repoRoot, 'dist', 'bench-bundles');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const MB = 1024 * 1024;
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 11);

async function bundle(id: string, entry: string, external: string[], options: object = buildOptions) {
  const outfile = join(out, `${id}.mjs`);
  const result = await esbuild.build({
    ...(options as esbuild.BuildOptions),
    entryPoints: [entry],
    outfile,
    external,
    sourcemap: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0] as esbuild.Metafile['outputs'][string];
  return { outfile, bytes: statSync(outfile).size, clients: sdkClientsOf(output) };
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

/** What a baseline does with each SDK package: make the client, or keep the presigner. */
const USES: Record<string, (name: string) => string> = {
  '@aws-sdk/client-dynamodb': (v) => `import { DynamoDBClient as ${v} } from '@aws-sdk/client-dynamodb';`,
  '@aws-sdk/client-s3': (v) => `import { S3Client as ${v} } from '@aws-sdk/client-s3';`,
  '@aws-sdk/client-sqs': (v) => `import { SQSClient as ${v} } from '@aws-sdk/client-sqs';`,
  '@aws-sdk/client-cloudfront': (v) =>
    `import { CloudFrontClient as ${v} } from '@aws-sdk/client-cloudfront';`,
  '@aws-sdk/client-eventbridge': (v) =>
    `import { EventBridgeClient as ${v} } from '@aws-sdk/client-eventbridge';`,
  '@aws-sdk/client-cognito-identity-provider': (v) =>
    `import { CognitoIdentityProviderClient as ${v} } from '@aws-sdk/client-cognito-identity-provider';`,
  '@aws-sdk/s3-presigned-post': (v) =>
    `import { createPresignedPost as ${v} } from '@aws-sdk/s3-presigned-post';`,
  '@aws-sdk/s3-request-presigner': (v) =>
    `import { getSignedUrl as ${v} } from '@aws-sdk/s3-request-presigner';`,
};
/** The entry of a bundle holding only `clients`: each client made once (as our modules do), each presigner kept. */
function baselineSource(clients: string[]): string {
  return clients
    .map((name, i) => {
      const use = USES[name];
      if (!use) throw new Error(`bench/bundles.ts: add ${name} to USES (how a baseline holds it)`);
      const v = `P${i}`;
      return `${use(v)}\nexport const p${i} = ${name.includes('/client-') ? `new ${v}({})` : v};`;
    })
    .join('\n');
}

// A baseline holds the clients as AWS publishes them, default credential chain included: our
// functions swap that chain for the Lambda environment's credentials (buildOptions.alias), which is
// part of what they do, not of the reference. The same clients with our swap are measured too (the
// "floor"), so the ratios can be read against either.
const { alias: _ours, ...standardOptions } = buildOptions;
const sets = new Map<string, { label: string; baseline: string; floor: string; bytes: number }>();
async function baselineFor(clients: string[]) {
  const key = clients.join(' ');
  const known = sets.get(key);
  if (known) return known;
  const id = `Baseline${sets.size}`;
  const entry = join(out, `${id}-entry.mjs`);
  writeFileSync(entry, `${baselineSource(clients)}\n`);
  const baseline = await bundle(id, entry, [...buildOptions.external], standardOptions);
  const floor = await bundle(`Floor${sets.size}`, entry, [...buildOptions.external]);
  const set = {
    label: clients.map((c) => c.replace('@aws-sdk/', '').replace(/^client-/, '')).join('+'),
    baseline: baseline.outfile,
    floor: floor.outfile,
    bytes: baseline.bytes,
  };
  sets.set(key, set);
  return set;
}

console.log(
  `each function imported in alternation with a bundle of only its SDK clients, as published (${RUNS} pairs, medians)\n`,
);
console.log(
  'function'.padEnd(26),
  'size KB'.padStart(8),
  'vs 1 MB'.padStart(8),
  'import ms'.padStart(10),
  'base ms'.padStart(8),
  'ratio'.padStart(7),
  '  verdict',
  '  SDK clients (the baseline)',
);
let over = 0;
const ratios: number[] = [];
for (const b of listBundles().filter((x) => x.exists)) {
  const built = await bundle(b.id, b.entry, b.external);
  // no SDK client at all: issue 5's baseline, the DynamoDB client alone
  const clients = built.clients.length ? built.clients : ['@aws-sdk/client-dynamodb'];
  const set = await baselineFor(clients);
  const { ms, baselineMs } = pairedMs(built.outfile, set.baseline);
  const ratio = ms / baselineMs;
  ratios.push(ratio);
  const ok = built.bytes <= MB && ratio <= 1.5;
  if (!ok) over++;
  console.log(
    b.id.padEnd(26),
    (built.bytes / 1024).toFixed(0).padStart(8),
    `${((built.bytes / MB) * 100).toFixed(0)}%`.padStart(8),
    ms.toFixed(1).padStart(10),
    baselineMs.toFixed(1).padStart(8),
    `${ratio.toFixed(2)}×`.padStart(7),
    ok ? '  PASS' : '  OVER',
    `   ${built.clients.length ? set.label : '(none: dynamodb)'}`,
  );
}
console.log(
  `\nratios ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}× (median ${median(ratios).toFixed(2)}×)`,
);
console.log('\nbaselines, and the floor (the same clients with the functions’ credential provider):');
for (const set of sets.values()) {
  const pair = pairedMs(set.floor, set.baseline);
  console.log(
    `  ${set.label.padEnd(40)} ${(set.bytes / 1024).toFixed(0).padStart(5)} KB  ${pair.baselineMs.toFixed(1).padStart(6)} ms  ` +
      `floor ${pair.ms.toFixed(1).padStart(6)} ms (${(pair.ms / pair.baselineMs).toFixed(2)}×: divide a ratio by it to read it against the floor)`,
  );
}
console.log(
  `\nbundles: ${over === 0 ? 'all within budget' : `${over} over budget`} (size ≤ 1 MB, import ≤ 1.5× its SDK clients alone)`,
);
