// Runs before `npm start` / `npm test` (as an npm pre-script, so on whatever node npm runs on):
// installs what a fresh clone is missing, so the README's two commands are all a newcomer types.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const stale =
  !existsSync('node_modules/.bin/node') ||
  !existsSync('node_modules/.package-lock.json') ||
  statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs;
if (stale) {
  console.log('smart-kampung: installing dependencies (npm ci) …');
  // npm itself runs on the machine's node here; under an older one every package that wants Node 24
  // would print an EBADENGINE warning (a hundred lines) although it will run on the Node 24 this installs
  const older = Number(process.versions.node.split('.')[0]) < 24;
  if (older)
    console.log(
      `smart-kampung: npm runs on this machine's Node ${process.versions.node}; the project runs on the Node 24 it installs (engine warnings hidden)`,
    );
  execSync(`npm ci --no-audit --no-fund${older ? ' --loglevel=error' : ''}`, { stdio: 'inherit' });
}

// the photo processor's linux-arm64 build (npm's optional platform packages, from the npm registry at
// package-lock.json's versions): the bundle tests load it and `cdk synth` ships it; installed once
if (!existsSync('.lambda-deps/linux-arm64/node_modules/@img/sharp-linux-arm64/package.json')) {
  console.log('smart-kampung: installing the Lambda (linux-arm64) build of sharp …');
  execSync('node_modules/.bin/tsx scripts/lambda-deps.ts', { stdio: 'inherit' });
}
