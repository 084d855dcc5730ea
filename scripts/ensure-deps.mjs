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
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
