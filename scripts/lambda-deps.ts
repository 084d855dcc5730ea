/**
 * Installs the photo processor's native packages for Lambda (linux-arm64, glibc) into
 * `.lambda-deps/linux-arm64/` at exactly package-lock.json's versions and integrity hashes
 * (infra/lambda-deps.ts). Runs before every `cdk` command (cdk.json "build"); does nothing when they
 * are already there.
 *
 *   npx tsx scripts/lambda-deps.ts            install if needed; offline, warn and carry on (synth, CI)
 *   npx tsx scripts/lambda-deps.ts --require  the same, but exit 1 unless they are there (npm run deploy)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nativeModulesOfFunctions } from '../infra/bundles';
import {
  checkLambdaDeps,
  lambdaDepsManifest,
  lambdaDepsRoot,
  lambdaPlatform,
  lockedClosure,
  readLockfile,
} from '../infra/lambda-deps';

const required = process.argv.includes('--require');
const packages = lockedClosure(nativeModulesOfFunctions(), readLockfile());
const say = (line: string) => console.error(`lambda-deps: ${line}`);

let problems = checkLambdaDeps(packages);
if (problems.length > 0) {
  const { packageJson, packageLock } = lambdaDepsManifest(packages);
  mkdirSync(lambdaDepsRoot, { recursive: true });
  writeFileSync(join(lambdaDepsRoot, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
  writeFileSync(join(lambdaDepsRoot, 'package-lock.json'), `${JSON.stringify(packageLock, null, 2)}\n`);
  try {
    execFileSync(
      'npm',
      [
        'ci',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        `--os=${lambdaPlatform.os}`,
        `--cpu=${lambdaPlatform.cpu}`,
        `--libc=${lambdaPlatform.libc}`,
      ],
      { cwd: lambdaDepsRoot, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  } catch {
    say('npm ci failed (offline?)');
  }
  problems = checkLambdaDeps(packages);
  if (problems.length === 0)
    say(`${packages.map((p) => `${p.name}@${p.version}`).join(', ')} for linux-arm64 in .lambda-deps/`);
}
if (problems.length > 0) {
  const detail = problems.join('; ');
  if (required) {
    say(
      `REFUSING: the photo processor would deploy without its linux-arm64 build (${detail}). Run \`npx tsx scripts/lambda-deps.ts\` with access to the npm registry, then deploy again.`,
    );
    process.exit(1);
  }
  say(
    `no linux-arm64 build for the photo processor (${detail}). Synth continues and warns; \`npm run deploy\` refuses until \`npx tsx scripts/lambda-deps.ts\` has run with access to the npm registry.`,
  );
}
