/**
 * `npm start`: the whole system on this machine, no AWS account, Docker or network.
 *   npm start               keep data in .local/ across restarts
 *   npm start -- --fresh    wipe .local/ first
 *   PORT=3001 npm start     API on another port (SITE_PORT=4322: the village sites)
 *   npm start -- --data-dir DIR     keep data in DIR instead
 *   npm start -- --no-publish       serve the sites as built, without rebuilding them when data changes
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../../functions/lib/config';
import { workspaceStale } from '../../site/kerja/build';
import { recordRuntime } from './attach';
import { startLocalRuntime } from './runtime';
import { DEMO_PASSWORD, demoAccounts } from './seed';

const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    publish: { type: 'boolean', default: true },
  },
  allowPositionals: false,
  allowNegative: true,
});
const dataDir = resolve(values['data-dir'] ?? '.local');
if (values.fresh) {
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`smart-kampung: wiped ${dataDir}`);
}

const started = performance.now();
const sitePort = Number(process.env.SITE_PORT ?? 4321);
const runtime = await startLocalRuntime({
  dataDir,
  port: Number(process.env.PORT ?? 3000),
  sitePort,
  publish: values.publish,
  onProgress: (m) => console.log(`smart-kampung: ${m}`),
}).catch((error: Error) => {
  console.error(`smart-kampung: could not start — ${error.message}`);
  if (error.name === 'OldTableFormat')
    console.error(
      `Start over with: npm start -- --fresh${values['data-dir'] ? ` --data-dir ${values['data-dir']}` : ''}   (wipes ${dataDir}: the villages and the demo data are made again)`,
    );
  if (error.name === 'DataDirLocked')
    console.error(
      `Another command uses ${dataDir} (npm start, or npm run sites:build / villages:onboard starting their own servers): wait for it to finish or stop it, or use another folder with --data-dir.`,
    );
  if (/EADDRINUSE/.test(error.message)) {
    const port = Number(/:(\d+)\b/.exec(error.message)?.[1]);
    const variable = port === sitePort ? 'SITE_PORT' : 'PORT';
    console.error(
      `Another process uses port ${port || '?'}: stop it, or start on another port, e.g. ${variable}=${variable === 'PORT' ? 3001 : 4322} npm start.`,
    );
  }
  if (/java/i.test(error.message))
    console.error('DynamoDB Local needs a Java runtime (apt-get install -y default-jre-headless).');
  process.exit(1);
});

// the workspace app (/kerja/): rebuilt only when its sources changed, in a child process, so "ready"
// does not wait for it (a few seconds; the site server answers its 404 until then)
const workspace = workspaceStale()
  ? spawn(process.execPath, ['--import', 'tsx', 'scripts/kerja-build.ts', '--if-stale'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    })
  : undefined;
workspace?.on('exit', (code) => {
  if (code)
    console.error(`smart-kampung: the workspace build failed (${code}): npm run kerja:build says why`);
});

const forget = recordRuntime(dataDir, {
  pid: process.pid,
  apiUrl: runtime.apiUrl,
  dynamoEndpoint: runtime.dynamoEndpoint,
  s3Endpoint: runtime.s3Endpoint,
  siteUrl: runtime.siteUrl,
});
process.on('exit', forget);
const accounts = await demoAccounts(config().REGENCY_CODE);
console.log(`
  Village sites    ${runtime.siteUrl}/      (e.g. ${runtime.siteUrl}/tamansari-licin/; rebuilt when data changes)
  Workspace        ${runtime.siteUrl}/kerja/ (officers: sign in with a demo account${workspace ? '; building …' : ''})
  API              ${runtime.apiUrl}        (OpenAPI: ${runtime.apiUrl}/openapi.json)
  DynamoDB Local   ${runtime.dynamoEndpoint}
  S3 (local)       ${runtime.s3Endpoint}
  data             ${dataDir}

  Demo accounts (password "${DEMO_PASSWORD}"), sign in at the workspace or with POST ${runtime.apiUrl}/local/token:
${accounts.map((a) => `    ${a.username.padEnd(28)} ${a.groups.join(', ').padEnd(18)} ${a.displayName ?? ''}`.trimEnd()).join('\n')}
`);
console.log(
  `Smart Kampung is ready (${((performance.now() - started) / 1000).toFixed(1)} s). Ctrl-C stops everything.`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nsmart-kampung: stopping …');
    await runtime.stop();
    process.exit(0);
  });
}
