#!/usr/bin/env node
/**
 * The native packages Lambda needs for its own platform (linux, arm64, glibc) — sharp's
 * `@img/sharp-linux-arm64` and its libvips — installed from the npm registry into
 * `.lambda-deps/linux-arm64/` beside the project's own node_modules (which hold this machine's
 * build). CDK's bundling copies them from there into the photo functions (infra/constructs/lambda.ts).
 * Runs before every `cdk` command (cdk.json "build"); does nothing when they are already there, and
 * only warns when it cannot reach the registry, so `cdk synth` keeps working offline.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, '.lambda-deps', 'linux-arm64');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies.sharp;
const marker = join(target, 'node_modules', 'sharp', 'package.json');
const installed = existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).version === version;
if (!installed) {
  try {
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        target,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--os=linux',
        '--cpu=arm64',
        '--libc=glibc',
        `sharp@${version}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    console.error(`lambda-deps: sharp ${version} for linux-arm64 in .lambda-deps/`);
  } catch {
    console.error(
      'lambda-deps: could not install sharp for linux-arm64 (offline?). Synth continues; deploying the photo functions needs it: run `node scripts/lambda-deps.mjs` with access to the npm registry.',
    );
  }
}
