/**
 * Real deployment bundles (the esbuild options every function ships with) load in Node and construct
 * their entities: a bundle that would crash at cold start fails here, not in Lambda. And they carry
 * only the data-layer code their route uses: a read-only route has no transaction code in it.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  buildOptions,
  functionSpec,
  functionSpecs,
  handlerEntry,
  listBundles,
  nativeModulesOfFunctions,
  packageClosure,
  repoRoot,
  sdkClientsOf,
} from '../../infra/bundles';
import {
  checkLambdaDeps,
  type LockedPackage,
  lambdaDepsManifest,
  lambdaDepsRoot,
  lockedClosure,
  readLockfile,
} from '../../infra/lambda-deps';
import { buildApp } from './support';

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
  it('ships no sharp and no processing code, only reads, and may only enqueue the processor (the processor processes)', async () => {
    const confirm = functionSpecs().find((spec) => spec.routeIds.includes('photos.confirm'));
    const processor = functionSpecs().find((spec) => spec.kind === 'photo-processor');
    expect(confirm).toMatchObject({ nodeModules: [] });
    // on AWS confirm hands a not-yet-processed upload to the processor's queue (a second trigger)
    expect(confirm?.access).toEqual({ table: 'read', uploads: 'read', photoQueue: 'write' });
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

/** Every function's bundle, built in one go with the deployment's options: metafile outputs by function id. */
async function buildAll(outdir: string) {
  const bundles = listBundles().filter((b) => b.exists);
  const result = await build({
    ...(buildOptions as unknown as BuildOptions),
    entryPoints: Object.fromEntries(bundles.map((b) => [b.id, b.entry])),
    external: [...new Set(bundles.flatMap((b) => b.external))],
    outdir,
    sourcemap: false,
    metafile: true,
    logLevel: 'silent',
  });
  return new Map(
    Object.entries(result.metafile.outputs)
      .filter(([, output]) => output.entryPoint)
      .map(([file, output]) => [basename(file, '.mjs'), output]),
  );
}

describe('the AWS SDK in each bundle (issue 14: the official clients, each only where it is used)', () => {
  it('carries exactly the clients its declarations call for, the presigners only where browsers upload or read, the Lambda environment’s credentials only, and no file-type', async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'sk-bundles-'));
    try {
      const outputs = await buildAll(outdir);
      const specs = functionSpecs().filter((spec) => handlerEntry(spec.handler).exists);
      expect([...outputs.keys()].sort()).toEqual(specs.map((spec) => spec.id).sort());
      for (const spec of specs) {
        const output = outputs.get(spec.id) as Metafile['outputs'][string];
        const { access } = spec;
        const expected = [
          ...(access.table ? ['@aws-sdk/client-dynamodb'] : []),
          ...(access.uploads || access.photos || access.letters ? ['@aws-sdk/client-s3'] : []),
          ...(access.photoQueue || access.letterQueue ? ['@aws-sdk/client-sqs'] : []),
          ...(access.cdn ? ['@aws-sdk/client-cloudfront'] : []),
          ...(access.identity || access.staffAccounts ? ['@aws-sdk/client-cognito-identity-provider'] : []),
          // granted on the regency's bus by PublishStack, not declared by a route
          ...(spec.kind === 'site-dispatch' ? ['@aws-sdk/client-eventbridge'] : []),
        ].sort();
        const clients = sdkClientsOf(output);
        expect(
          clients.filter((name) => name.includes('/client-')),
          spec.id,
        ).toEqual(expected);
        if (!access.uploads)
          expect(
            clients.filter((name) => name.includes('presign')),
            spec.id,
          ).toEqual([]);
        const bundled = Object.entries(output.inputs)
          .filter(([, input]) => input.bytesInOutput > 0)
          .map(([input]) => input);
        expect(
          bundled.filter((input) =>
            /node_modules\/(@aws-sdk\/(credential-provider-(node|ini|sso|process|web-identity|login)|nested-clients)|file-type|strtok3)\//.test(
              input,
            ),
          ),
          spec.id,
        ).toEqual([]);
      }
      // by name: the invalidating, the enqueuing, the link-giving and the object-reading functions
      const using = (name: string) =>
        specs.filter((spec) => sdkClientsOf(outputs.get(spec.id) as never).includes(name)).map((s) => s.id);
      expect(using('@aws-sdk/client-cloudfront').sort()).toEqual(['ProductsPatch', 'SellersTransition']);
      const sqs = ['ProductsPhotoConfirm', 'RequestsLetterReissue', 'RequestsTransition'];
      expect(using('@aws-sdk/client-sqs').sort()).toEqual(sqs);
      expect(using('@aws-sdk/s3-request-presigner')).toEqual(['RequestsGet']);
      expect(using('@aws-sdk/client-s3')).toEqual(
        expect.arrayContaining([
          'RequestsDocumentCreate',
          'RequestsDocumentConfirm',
          'RequestsGet',
          'ProductsPhotoConfirm',
          'ProductsProcessPhoto',
        ]),
      );
      // and they start: each client is made at import (module scope), so a bad one fails here
      const script = ['RequestsGet', 'RequestsDocumentCreate', 'ProductsPhotoConfirm', 'ProductsPatch']
        .map(
          (id) =>
            `console.log(typeof (await import(${JSON.stringify(pathToFileURL(join(outdir, `${id}.mjs`)).href)})).handler)`,
        )
        .join(';');
      const loaded = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: {
          ...process.env,
          TABLE_NAME: 't',
          UPLOADS_BUCKET: 'u',
          AWS_REGION: 'ap-southeast-3',
          LOG_LEVEL: 'silent',
        },
      });
      expect(loaded.toString().trim().split('\n')).toEqual(['function', 'function', 'function', 'function']);
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("the photo processor's linux-arm64 build (.lambda-deps)", () => {
  const lock = readLockfile();
  const packages = lockedClosure(nativeModulesOfFunctions(), lock);

  it("is exactly the lockfile's arm64 packages that sharp pins, with their integrity hashes", () => {
    const sharpPins = lock.packages['node_modules/sharp']?.optionalDependencies ?? {};
    expect(packages.map((p) => p.name)).toEqual(['@img/sharp-libvips-linux-arm64', '@img/sharp-linux-arm64']);
    for (const p of packages) {
      expect(p.version, p.name).toBe(sharpPins[p.name]);
      expect(p.integrity, p.name).toMatch(/^sha512-/);
      expect(p.entry).toMatchObject({ os: ['linux'], cpu: ['arm64'], libc: ['glibc'] });
    }
    // what `npm ci` is given in .lambda-deps/: the same versions and hashes, nothing else
    const { packageJson, packageLock } = lambdaDepsManifest(packages);
    expect(packageJson.optionalDependencies).toEqual(
      Object.fromEntries(packages.map((p) => [p.name, p.version])),
    );
    const entries = Object.entries(packageLock.packages).filter(([key]) => key !== '');
    expect(entries.map(([key, e]) => [key, (e as { integrity?: string }).integrity])).toEqual(
      packages.map((p) => [`node_modules/${p.name}`, p.integrity]),
    );
  });

  it('a missing package, another version or another tarball is reported', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sk-lambda-deps-'));
    try {
      expect(checkLambdaDeps(packages, dir)).toHaveLength(2);
      const install = async (
        version: (p: LockedPackage) => string,
        integrity: (p: LockedPackage) => string,
      ) => {
        const hidden: Record<string, unknown> = {};
        for (const p of packages) {
          await mkdir(join(dir, 'node_modules', p.name), { recursive: true });
          await writeFile(
            join(dir, 'node_modules', p.name, 'package.json'),
            JSON.stringify({ version: version(p) }),
          );
          hidden[`node_modules/${p.name}`] = { version: version(p), integrity: integrity(p) };
        }
        await writeFile(
          join(dir, 'node_modules', '.package-lock.json'),
          JSON.stringify({ packages: hidden }),
        );
        return checkLambdaDeps(packages, dir);
      };
      expect(
        await install(
          () => '0.0.1',
          (p) => p.integrity,
        ),
      ).toHaveLength(2);
      expect(
        await install(
          (p) => p.version,
          () => 'sha512-other',
        ),
      ).toHaveLength(2);
      expect(
        await install(
          (p) => p.version,
          (p) => p.integrity,
        ),
      ).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('synth without it warns (and ships no foreign build); a deploy (requireLambdaDeps) fails', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'sk-no-lambda-deps-'));
    try {
      const messages = (context: Record<string, unknown>) => {
        const { stacks } = buildApp({ lambdaDepsDir: empty, ...context });
        const processor = stacks.api.functions.get(functionSpec('photo-processor').id);
        return (processor?.node.metadata ?? []).map((m) => ({ type: m.type, data: String(m.data) }));
      };
      expect(messages({})).toContainEqual({
        type: 'aws:cdk:warning',
        data: expect.stringContaining('no linux-arm64 build of @img/sharp-linux-arm64'),
      });
      const deploy = messages({ requireLambdaDeps: 'true' });
      expect(deploy).toContainEqual({
        type: 'aws:cdk:error',
        data: expect.stringContaining('no linux-arm64 build of @img/sharp-linux-arm64'),
      });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  // installed by `npm test`'s pre-step and .ci/run (scripts/lambda-deps.ts, from the npm registry once)
  it('the installed native code is ELF for aarch64 (what Graviton loads)', async () => {
    expect(
      checkLambdaDeps(packages),
      '.lambda-deps is incomplete: run `npx tsx scripts/lambda-deps.ts` (needs the npm registry once)',
    ).toEqual([]);
    const natives = [
      join(lambdaDepsRoot, 'node_modules/@img/sharp-linux-arm64/lib'),
      join(lambdaDepsRoot, 'node_modules/@img/sharp-libvips-linux-arm64/lib'),
    ];
    for (const dir of natives) {
      const files = (await readdir(dir)).filter((f) => /\.node$|\.so(\.|$)/.test(f));
      expect(files.length, dir).toBeGreaterThan(0);
      for (const file of files) {
        const header = (await readFile(join(dir, file))).subarray(0, 20);
        expect(header.subarray(0, 4).toString('latin1'), file).toBe('\x7fELF');
        // e_machine (little-endian, offset 18): 183 = EM_AARCH64
        expect(header.readUInt16LE(18), file).toBe(183);
      }
    }
  });
});
