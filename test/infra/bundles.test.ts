/**
 * Real deployment bundles (the esbuild options every function ships with) load in Node and construct
 * their entities: a bundle that would crash at cold start fails here, not in Lambda. And they carry
 * only the data-layer code their route uses: a read-only route has no transaction code in it.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  buildOptions,
  functionSpecs,
  handlerEntry,
  listBundles,
  packageClosure,
  repoRoot,
} from '../../infra/bundles';

/**
 * Builds one entry with the deployment's esbuild options into `outdir` and answers the modules that
 * ended up in the output (metafile.inputs also lists modules tree-shaken away).
 */
async function buildInto(outdir: string, entry: string, external: string[] = []) {
  const result = await build({
    ...(buildOptions as unknown as BuildOptions),
    entryPoints: { index: entry },
    external: [...buildOptions.external, ...external],
    outdir,
    sourcemap: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bundled = Object.values(result.metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([k]) => k),
  );
  return { bundled, outputs: Object.keys(result.metafile.outputs) };
}

const handlers = [
  { handler: 'villages/handlers/list', transactions: false },
  { handler: 'villages/handlers/profile', transactions: true },
  { handler: 'requests/handlers/submit', transactions: true },
  { handler: 'sellers/handlers/register', transactions: true },
];

describe('deployment bundles', () => {
  it.each(handlers)(
    '$handler loads, and carries transaction code: $transactions',
    async ({ handler, transactions }) => {
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
        expect(inputs.some((i) => i.includes('node_modules/electrodb/'))).toBe(false);
        expect(inputs.some((i) => i.includes('node_modules/dynamodb-toolbox/'))).toBe(true);
        expect(
          inputs.some((i) => i.includes('dynamodb-toolbox/dist/esm/entity/actions/transactWrite/')),
        ).toBe(transactions);
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
    },
  );

  // issue 5: S3 objects are read and written with lib/s3.ts (the SDK's signer and HTTP handler, in
  // every bundle anyway) and types sniffed with lib/sniff.ts: no S3 client, no file-type
  it.each([
    'requests/handlers/document-confirm',
    'products/handlers/process-photo',
    'products/handlers/photo-confirm',
  ])('%s carries neither @aws-sdk/client-s3 nor file-type', async (handler) => {
    const bundle = listBundles().find((b) => b.entry === handlerEntry(handler).entry);
    expect(bundle).toBeDefined();
    const outdir = await mkdtemp(join(tmpdir(), 'sk-bundle-'));
    try {
      const { bundled: inputs } = await buildInto(outdir, bundle?.entry as string, bundle?.external);
      expect(inputs.filter((i) => /node_modules\/(@aws-sdk\/client-s3|file-type|strtok3)\//.test(i))).toEqual(
        [],
      );
      expect(inputs.some((i) => i.endsWith('functions/lib/config.ts'))).toBe(true);
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  });
});

describe('credentials in the deployed functions', () => {
  it("take the Lambda environment's credentials only: the SDK's default chain and its STS/SSO clients are not bundled", async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'sk-bundle-'));
    try {
      const { bundled: inputs, outputs } = await buildInto(
        outdir,
        handlerEntry('requests/handlers/track').entry,
      );
      expect(inputs.some((i) => i.endsWith('functions/lib/lambda-credentials.ts'))).toBe(true);
      expect(inputs.some((i) => i.includes('node_modules/@aws-sdk/credential-provider-env/'))).toBe(true);
      expect(
        inputs.filter((i) =>
          /node_modules\/@aws-sdk\/(credential-provider-(node|ini|sso|process|web-identity|login)|nested-clients)\//.test(
            i,
          ),
        ),
      ).toEqual([]);
      expect(outputs.some((o) => o.endsWith('.map'))).toBe(false);
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  });
});

describe('the photo processor as Lambda gets it', () => {
  it("bundles sharp's JavaScript and loads its native build from node_modules beside the bundle, and only from there", async () => {
    const processor = listBundles().find((b) => b.kind === 'photo-processor');
    const dir = await mkdtemp(join(tmpdir(), 'sk-processor-'));
    try {
      const { bundled: inputs } = await buildInto(dir, processor?.entry as string, processor?.external);
      expect(inputs.some((i) => i.includes('node_modules/sharp/'))).toBe(true);
      // one line either way (a failing import would print a whole minified line of the bundle)
      const script = `try { const m = await import(${JSON.stringify(pathToFileURL(join(dir, 'index.mjs')).href)}); console.log('handler: ' + typeof m.handler) } catch (e) { console.log('failed: ' + String(e?.message).split('\\n')[0]) }`;
      const load = () =>
        execFileSync(process.execPath, ['--input-type=module', '-e', script], {
          cwd: dir,
          env: { ...process.env, TABLE_NAME: 't', UPLOADS_BUCKET: 'u', PHOTOS_BUCKET: 'p' },
        })
          .toString()
          .trim();
      // the bundle alone, out of the repository's reach: sharp finds no native build
      expect(load()).toMatch(/^failed: .*"sharp"/);
      // beside it, this machine's platform packages (on Lambda: the linux-arm64 ones), copied as the deployment copies them
      const native = packageClosure(['sharp']).found.filter((name) => name.startsWith('@img/sharp-'));
      expect(native.length).toBeGreaterThan(0);
      for (const name of native)
        await cp(join(repoRoot, 'node_modules', name), join(dir, 'node_modules', name), { recursive: true });
      expect(load()).toBe('handler: function');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the photo confirm function', () => {
  it('ships no sharp and no processing code, and only reads (the S3 event → processor processes)', async () => {
    const confirm = functionSpecs().find((spec) => spec.routeIds.includes('photos.confirm'));
    const processor = functionSpecs().find((spec) => spec.kind === 'photo-processor');
    expect(confirm).toMatchObject({ nodeModules: [], access: { table: 'read', uploads: 'read' } });
    expect(confirm?.access).toEqual({ table: 'read', uploads: 'read' });
    expect(processor?.nodeModules).toEqual(['@img/sharp-linux-arm64']);
    const outdir = await mkdtemp(join(tmpdir(), 'sk-bundle-'));
    try {
      const result = await build({
        ...(buildOptions as unknown as BuildOptions),
        entryPoints: { index: handlerEntry(confirm?.handler ?? '').entry },
        outdir,
        external: [...buildOptions.external, ...(confirm?.nodeModules ?? [])],
        sourcemap: false,
        metafile: true,
        logLevel: 'silent',
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.filter((i) => /node_modules\/(sharp|@img)\//.test(i))).toEqual([]);
      expect(inputs.filter((i) => /functions\/products\/(photos|photo-process)\.ts$/.test(i))).toEqual([]);
      expect(inputs.some((i) => i.endsWith('functions/products/handlers/photo-confirm.ts'))).toBe(true);
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  });
});
