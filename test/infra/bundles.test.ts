/**
 * Real deployment bundles (the esbuild options every function ships with, the jsonschema stand-in
 * included) load in Node and construct their entities and transaction services: a bundle that would
 * crash at cold start fails here, not in Lambda.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { buildOptions, handlerEntry } from '../../infra/bundles';

const handlers = [
  'villages/handlers/list',
  'villages/handlers/profile',
  'requests/handlers/submit',
  'sellers/handlers/register',
];

describe('deployment bundles', () => {
  it.each(handlers)('%s bundles without jsonschema and loads', async (handler) => {
    const outdir = await mkdtemp(join(tmpdir(), 'sk-bundle-'));
    try {
      const result = await build({
        ...(buildOptions as unknown as BuildOptions),
        entryPoints: { index: handlerEntry(handler).entry },
        outdir,
        sourcemap: false,
        metafile: true,
        logLevel: 'silent',
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.some((i) => i.includes('node_modules/jsonschema/'))).toBe(false);
      expect(inputs.some((i) => i.endsWith('jsonschema-stub.cjs'))).toBe(true);
      const out = execFileSync(
        process.execPath,
        ['-e', `import('${join(outdir, 'index.mjs')}').then((m) => console.log(typeof m.handler))`],
        {
          env: {
            ...process.env,
            TABLE_NAME: 'smart-kampung',
            AWS_REGION: 'ap-southeast-3',
            LOG_LEVEL: 'silent',
          },
        },
      )
        .toString()
        .trim();
      expect(out).toBe('function');
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  });
});
