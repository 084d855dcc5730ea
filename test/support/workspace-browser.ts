/**
 * The workspace world for the browser tests: the app built once (site/kerja → a temporary
 * dist/sites/kerja), served by the local site server with its CSP, a config.json naming a fake API
 * and sign-in origin (http://api.test: nothing listens there; the signed-out screens call nothing), Chromium.
 * The signed-in screens run on the real stack: ./workspace-stack.ts.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createSiteServer, listen } from '../../infra/local/site-server';
import { buildWorkspace } from '../../site/kerja/build';
import { CHROMIUM_ARGS } from './sites';

export const API = 'http://api.test';
export const ISSUER = `${API}/local-cognito`;
export let site: string;
export let browser: Browser;
export let root: string;
let server: Server;

export function useWorkspaceWorld(): void {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sk-kerja-'));
    await buildWorkspace({ outDir: join(root, 'kerja'), quiet: true });
    server = createSiteServer({
      root,
      s3: new S3Client({ region: 'ap-southeast-3', endpoint: 'http://127.0.0.1:9' }),
      photosBucket: 'none',
      workspace: () => ({ api: API, auth: [API] }),
    });
    site = `http://localhost:${await listen(server, 0)}`;
    await writeFile(
      join(root, 'kerja', 'config.json'),
      JSON.stringify({
        apiBase: API,
        issuer: ISSUER,
        clientId: 'workspace',
        authorizationEndpoint: `${ISSUER}/oauth2/authorize`,
        tokenEndpoint: `${ISSUER}/oauth2/token`,
        revocationEndpoint: `${ISSUER}/oauth2/revoke`,
        logoutEndpoint: `${ISSUER}/logout`,
        siteOrigin: site,
      }),
    );
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    if (root) await rm(root, { recursive: true, force: true });
  });
}

/** A page at a width, with the CSP violations and console errors it reports collected. */
export async function open(
  width: number,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { context, page, problems };
}

/** axe-core in the page without weakening its CSP: evaluated through the DevTools protocol, not a <script>. */
export async function axe(page: Page): Promise<string[]> {
  const source = await readFile(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const r = await (window as unknown as { axe: { run(d: Document, o: object): Promise<Result> } }).axe.run(
      document,
      { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] },
    );
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
