import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // integration files each start DynamoDB Local (a JVM) and the S3 server: two at a time on 2 cores
    maxWorkers: 2,
    // property tests run hundreds of requests each; on a loaded 2-core CI box they need headroom
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { LOG_LEVEL: 'silent' },
  },
});
