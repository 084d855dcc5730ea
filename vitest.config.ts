import { defineConfig } from 'vitest/config';

/**
 * Four tiers, one run: `npm test` runs them all; `npm run test:unit` (pure domain, no I/O) is the inner
 * loop, `test:integration` (handlers over DynamoDB Local and the S3 server), `test:infra` (CDK template
 * assertions, bundles) and `test:e2e` (built sites and flows in Chromium) run one tier each.
 * `npx vitest run --project unit test/unit/calendar/due.test.ts` runs one file.
 */
const tier = (name: string) => ({
  extends: true as const,
  test: { name, include: [`test/${name}/**/*.test.ts`] },
});

export default defineConfig({
  test: {
    // integration files each start DynamoDB Local (a JVM) and the S3 server: two at a time on 2 cores
    maxWorkers: 2,
    // generous, never deadlines: a loaded 2-core CI box must not fail a test by its clock (budgets live
    // in `npm run bench`); property tests run hundreds of requests each
    testTimeout: 120_000,
    hookTimeout: 300_000,
    env: { LOG_LEVEL: 'silent' },
    projects: [tier('unit'), tier('integration'), tier('infra'), tier('e2e')],
  },
});
