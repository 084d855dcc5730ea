/**
 * The real CDK CLI, as a user runs it: `npx cdk synth --quiet -o <dir>` (cdk.json's app, its build
 * step, esbuild bundling of every function, cdk-nag through CDK's validation plugins), once, then
 * the cloud assembly it wrote is checked: every stack of the app has its template, every Lambda
 * function's code asset holds its bundle (index.mjs exporting `handler`), and the validation report
 * holds no unacknowledged cdk-nag finding (an error would also have failed the synth itself).
 * No network: the version check is off and the Lambda-native packages come from .lambda-deps/ (the
 * build step only warns when it cannot fetch them).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionSpecs, repoRoot } from '../../infra/bundles';
import { buildApp } from './support';

// biome-ignore lint/suspicious/noExplicitAny: JSON read from the cloud assembly
type Json = Record<string, any>;

const outdir = mkdtempSync(join(tmpdir(), 'sk-cdk-synth-'));
let synth: { code: number; seconds: number; stdout: string; stderr: string };
const read = (file: string): Json => JSON.parse(readFileSync(join(outdir, file), 'utf8'));

beforeAll(async () => {
  const started = performance.now();
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['cdk', 'synth', '--quiet', '-o', outdir], {
      cwd: repoRoot,
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CI: 'true' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 540_000,
    });
    synth = { code: 0, seconds: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    synth = {
      code: typeof e.code === 'number' ? e.code : -1,
      seconds: 0,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    };
  }
  synth.seconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(`cdk synth (CLI) took ${synth.seconds} s`);
}, 600_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('npx cdk synth (the real CLI)', () => {
  it('succeeds', () => {
    expect(synth.code, synth.stderr.slice(-4000)).toBe(0);
    expect(existsSync(join(outdir, 'manifest.json'))).toBe(true);
  });

  it('writes a template for every stack of the app', () => {
    const { app } = buildApp();
    const expected = app.node.children.filter(Stack.isStack).map((s) => s.artifactId);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    const artifacts = read('manifest.json').artifacts as Record<string, Json>;
    const stacks = Object.entries(artifacts).filter(([, a]) => a.type === 'aws:cloudformation:stack');
    expect(stacks.map(([id]) => id).sort()).toEqual([...expected].sort());
    for (const [id, artifact] of stacks) {
      const template = read(artifact.properties.templateFile);
      expect(Object.keys(template.Resources ?? {}).length, id).toBeGreaterThan(0);
    }
  });

  it('bundles every Lambda function: its asset directory holds index.mjs exporting handler', () => {
    const artifacts = read('manifest.json').artifacts as Record<string, Json>;
    const functions: string[] = [];
    const specIds = functionSpecs().map((spec) => spec.id);
    for (const [id, artifact] of Object.entries(artifacts)) {
      if (artifact.type !== 'aws:cloudformation:stack') continue;
      const template = read(artifact.properties.templateFile);
      const assets = read(`${id}.assets.json`).files as Record<string, Json>;
      for (const [logicalId, resource] of Object.entries(template.Resources as Record<string, Json>)) {
        if (resource.Type !== 'AWS::Lambda::Function') continue;
        // ours (one per function spec); CDK's own helpers (e.g. the AwsCustomResource provider) ship index.js
        if (!specIds.some((spec) => logicalId.startsWith(spec))) continue;
        functions.push(logicalId);
        const key = resource.Properties.Code?.S3Key;
        expect(typeof key, `${id}/${logicalId} has no S3 code asset`).toBe('string');
        const asset = assets[String(key).replace(/\.zip$/, '')];
        expect(asset?.source?.packaging, `${id}/${logicalId}`).toBe('zip');
        const dir = join(outdir, asset?.source?.path ?? '');
        expect(statSync(dir).isDirectory(), dir).toBe(true);
        expect(resource.Properties.Handler).toBe('index.handler');
        const bundle = join(dir, 'index.mjs');
        expect(existsSync(bundle), `${id}/${logicalId}: ${readdirSync(dir).join(', ')}`).toBe(true);
        const code = readFileSync(bundle, 'utf8');
        expect(code.length, `${id}/${logicalId}`).toBeGreaterThan(1000);
        expect(code, `${id}/${logicalId}`).toMatch(
          /export\s*\{[^}]*\bas handler\b[^}]*\}|export\s*\{[^}]*\bhandler\b/,
        );
      }
    }
    // one function per handler module of the route table, the photo processor, $default, the dispatcher
    // and the overdue metric
    for (const spec of functionSpecs())
      expect(
        functions.some((f) => f.startsWith(spec.id)),
        spec.id,
      ).toBe(true);
    expect(functions.length).toBe(functionSpecs().length);
  });

  it('leaves no unacknowledged cdk-nag finding (AwsSolutions), and records the acknowledged ones', () => {
    const report = read('validation-report.json');
    const nag = (report.pluginReports as Json[]).filter((p) => /AwsSolutions/i.test(p.pluginName ?? ''));
    const findings = nag.flatMap((p) =>
      (p.violations as Json[]).map(
        (v) =>
          `${v.severity} ${v.ruleName}: ${v.violatingConstructs?.map((c: Json) => c.constructPath).join(', ')}`,
      ),
    );
    expect(findings).toEqual([]);
    expect((report.pluginReports as Json[]).filter((p) => p.conclusion === 'failure')).toEqual([]);
    // the app run by the CLI is the one nag is wired into (infra/app.ts → addNagChecks): its
    // acknowledgements, each with a reason, are in the assembly
    const acknowledged = Object.keys(read('manifest.json').artifacts)
      .filter((id) => existsSync(join(outdir, `${id}.metadata.json`)))
      .flatMap((id) =>
        Object.values(read(`${id}.metadata.json`) as Record<string, Json[]>).flatMap((entries) =>
          entries.filter((e) => e.type === 'aws:cdk:acknowledged-rules').flatMap((e) => e.data),
        ),
      );
    const rules = acknowledged
      .flatMap((ack) => Object.entries(ack as Record<string, unknown>))
      .filter(([rule]) => /AwsSolutions-[A-Z]+\d+/.test(rule));
    expect(rules.length).toBeGreaterThan(10);
    for (const [rule, reason] of rules) {
      expect(typeof reason === 'string' && reason.length > 10, `${rule} without a reason`).toBe(true);
    }
  });
});
