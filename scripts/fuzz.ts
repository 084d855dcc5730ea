/**
 * npm run fuzz [-- --runs 10000] [--seed <n>] [--route <id>]... [--known]
 *
 * Issue 13's long fuzz run: starts the local runtime in memory (as the tests do), makes the fuzzer's
 * world (test/support/fuzz-world.ts), and sends `--runs` cases spread evenly over every route of the
 * route table, generated from the routes' own schemas and mutated (test/support/fuzz.ts, the same
 * generators as the bounded run in `npm test`); `--route` (repeatable) only those routes. Prints counts by route and status and every finding;
 * exits 1 on any 5xx, malformed error or failed read-back. `--known` also sends the inputs of
 * KNOWN_UNTIL_FIX (findings whose fixes are on their way), to see them.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { caseArb, routePlans } from '../test/support/fuzz';
import { runCase, Tally } from '../test/support/fuzz-check';
import { prepareWorld } from '../test/support/fuzz-world';
import { startRuntime } from '../test/support/runtime';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.FUZZ_RUNS ?? '10000' },
    seed: { type: 'string', default: process.env.FUZZ_SEED },
    route: { type: 'string', multiple: true },
    known: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() ^ (Math.random() * 0x100000000) : Number(values.seed);
if (values.known) process.env.FUZZ_KNOWN = '1';

const started = Date.now();
const only = `${values.route?.map((r) => ` --route ${r}`).join('') ?? ''}${values.known ? ' --known' : ''}`;
console.log(
  `fuzz: ${runs} cases, seed ${seed} (replay: npm run fuzz -- --runs ${runs} --seed ${seed}${only})`,
);
const runtime = await startRuntime();
let failed = true;
try {
  const world = await prepareWorld(runtime.apiUrl);
  const plans = (await routePlans()).filter((p) => !values.route || values.route.includes(p.route.id));
  if (plans.length === 0) throw new Error(`no route ${values.route?.join(', ')} in the route table`);
  // one arbitrary over every route, each as likely as any other; the plan travels with its case
  const arb = fc.oneof(...plans.map((plan) => caseArb(world, plan).map((c) => ({ plan, c }))));
  const tally = new Tally();
  await fc.assert(
    fc.asyncProperty(arb, async ({ plan, c }) => {
      tally.add(c, await runCase(world, plan, c));
      if (tally.cases % 1000 === 0)
        console.log(
          `  ${tally.cases} cases, ${tally.findings.length} findings, ${Math.round((Date.now() - started) / 1000)} s`,
        );
    }),
    { numRuns: runs, seed },
  );
  console.log(tally.report());
  const fiveXX = [...tally.byStatus()].filter(([s]) => s >= 500).reduce((n, [, k]) => n + k, 0);
  console.log(
    `fuzz: ${tally.cases} cases in ${Math.round((Date.now() - started) / 1000)} s, ${fiveXX} 5xx, ${tally.findings.length} findings (seed ${seed})`,
  );
  failed = tally.findings.length > 0;
} finally {
  await runtime.stop();
}
process.exit(failed ? 1 : 0);
