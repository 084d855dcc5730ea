/**
 * Issue 13's standing fuzz test, the bounded run: every route of the route table gets each mutation once on an
 * otherwise valid request, then FUZZ_RUNS cases (6 by default) generated from its own schemas and mutated (test/support/fuzz.ts). No 5xx, every
 * error in the route's shape, and after a write to a real resource its reads still answer 2xx.
 * FUZZ_SEED replays a run (fast-check prints the seed of a failing one); FUZZ_SHRINK=1 shrinks a
 * failure to a smaller case. The long run is `npm run fuzz` (scripts/fuzz.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import type { LocalRuntime } from '../../infra/local/runtime';
import { caseArb, describeCase, type FuzzCase, mutationsFor, type Plan, routePlans } from '../support/fuzz';
import { runCase, Tally } from '../support/fuzz-check';
import { prepareWorld, type World } from '../support/fuzz-world';
import { startRuntime } from '../support/runtime';

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

let runtime: LocalRuntime;
let world: World;
let plans: Plan[];
const tally = new Tally();

beforeAll(async () => {
  runtime = await startRuntime();
  world = await prepareWorld(runtime.apiUrl);
  plans = await routePlans();
}, 180_000);
afterAll(async () => {
  if (process.env.FUZZ_REPORT === '1') console.log(tally.report());
  await runtime?.stop();
});

describe('fuzzing every route (issue 13)', () => {
  it('has a plan for every route of the route table, with its schemas', () => {
    expect(plans.map((p) => p.route.id)).toEqual(routes.map((r) => r.id));
    for (const p of plans) {
      for (const name of p.route.path.match(/\{(\w+)\}/g) ?? [])
        expect(Object.keys(p.params), p.route.id).toContain(name.slice(1, -1));
      // bodiless actions: an upload's confirm, an account's disable and enable
      if (
        ['POST', 'PUT', 'PATCH'].includes(p.route.method) &&
        !/\/(confirm|disable|enable)$/.test(p.route.path)
      )
        expect(p.body, `${p.route.id} has a body schema`).toBeDefined();
    }
  });

  for (const route of routes)
    it(`${route.method} ${route.path} (${route.id})`, async () => {
      const plan = plans.find((p) => p.route.id === route.id) as Plan;
      // first each mutation once on an otherwise right request (a body route's valid example, real
      // ids, an admitted role), then RUNS cases of anything
      const deep = (plan.body ? mutationsFor(route) : (['none'] as const)).map((m) => [
        fc.sample(caseArb(world, plan, m), {
          numRuns: 1,
          ...(SEED !== undefined ? { seed: SEED } : {}),
        })[0] as FuzzCase,
      ]) as [FuzzCase][];
      await fc.assert(
        fc.asyncProperty(caseArb(world, plan), async (c) => {
          const outcome = await runCase(world, plan, c);
          tally.add(c, outcome);
          expect(outcome.problems, describeCase(c)).toEqual([]);
        }),
        {
          numRuns: RUNS + deep.length,
          examples: deep,
          ...(SEED !== undefined ? { seed: SEED } : {}),
          endOnFailure: process.env.FUZZ_SHRINK !== '1',
        },
      );
    });
});
