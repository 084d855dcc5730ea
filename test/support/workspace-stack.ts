/**
 * The workspace on the real stack, for the browser tests of issue #15: the app as built (site/kerja →
 * a temporary `<root>/kerja`), served by the local runtime's site server with its CSP and the
 * runtime's own `/kerja/config.json`, the real API and the local sign-in endpoints (Cognito managed
 * login's look-alike), Debian's Chromium. Every role signs in through the real sign-in page.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { buildWorkspace } from '../../site/kerja/build';
import { client, NIK, skuBody } from './runtime';
import { CHROMIUM_ARGS, startRuntimeServing } from './sites';

export let runtime: LocalRuntime;
export let browser: Browser;
export let site: string;
export let call: ReturnType<typeof client>;
let root: string;

export const PASSWORD = 'smartkampung';
export const OFFICER = 'officer@tamansari-licin';
export const KEMIREN_OFFICER = 'officer@kemiren-glagah';
export const CAMAT = 'camat@licin';
export const ADMIN = 'admin@banyuwangi';
/** generous: a busy 2-core machine must not fail a test by its clock */
export const WAIT = 60_000;

/** Registers the world's hooks (build, runtime, browser); `env` is set before the runtime starts. */
export function useWorkspaceStack(env: Record<string, string> = {}): void {
  beforeAll(async () => {
    Object.assign(process.env, env);
    root = await mkdtemp(join(tmpdir(), 'sk-kerja-stack-'));
    await buildWorkspace({ outDir: join(root, 'kerja'), quiet: true });
    runtime = await startRuntimeServing(root);
    site = runtime.siteUrl;
    call = client(runtime.apiUrl);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
    for (const k of Object.keys(env)) delete process.env[k];
    if (root) await rm(root, { recursive: true, force: true });
  });
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** CSP violations, console errors and page errors */
  problems: string[];
  /** every URL the page asked the API for (no NIK may ever be in one) */
  apiUrls: string[];
}

/** A fresh browser context (its own sessionStorage) at a width. */
export async function open(width: number): Promise<Tab> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'id-ID' });
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  const problems: string[] = [];
  const apiUrls: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (r.url().startsWith(runtime.apiUrl)) apiUrls.push(r.url());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { context, page, problems, apiUrls };
}

/**
 * From a signed-out screen of the app: "Masuk" (or "Sign in"), then the real sign-in page, typed as a
 * person would; back on the app's screen when done. `newPassword`: the first sign-in of an account
 * made with a temporary password sets its own.
 */
export async function signInThroughPage(
  page: Page,
  username: string,
  password = PASSWORD,
  opts: { newPassword?: string; lang?: 'id' | 'en' } = {},
) {
  const en = opts.lang === 'en';
  await page.getByRole('button', { name: en ? 'Sign in' : 'Masuk' }).click();
  await typeCredentials(page, username, password, opts);
}

/** On the sign-in page (the API's origin): username, password, submit (and a new password if asked). */
export async function typeCredentials(
  page: Page,
  username: string,
  password = PASSWORD,
  opts: { newPassword?: string; lang?: 'id' | 'en' } = {},
) {
  const en = opts.lang === 'en';
  await page.waitForURL((u) => u.href.startsWith(`${runtime.apiUrl}/local-cognito/`));
  await page.getByLabel(en ? 'Username or e-mail' : 'Nama pengguna atau e-mail').fill(username);
  await page.getByLabel(en ? 'Password' : 'Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: en ? 'Sign in' : 'Masuk' }).click();
  if (opts.newPassword) {
    await page.getByLabel(en ? 'New password' : 'Kata sandi baru', { exact: true }).fill(opts.newPassword);
    await page.getByLabel(en ? 'Repeat the new password' : 'Ulangi kata sandi baru').fill(opts.newPassword);
    await page.getByRole('button', { name: en ? 'Save and sign in' : 'Simpan dan masuk' }).click();
  }
  await page.waitForURL((u) => u.href.startsWith(`${site}/kerja/`) && !u.pathname.includes('callback'));
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

/** axe at 360 and at 1366 px on the screen as it is now (the page's width put back after). */
export async function axeBothWidths(page: Page, label: string) {
  const before = page.viewportSize() ?? { width: 360, height: 800 };
  for (const width of [360, 1366]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await axe(page), `${label} at ${width} px`).toEqual([]);
  }
  await page.setViewportSize(before);
}

/** The queue's rows (list items with a tracking-code link). */
export const rowsOf = (page: Page): Locator =>
  page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^[0-9A-Z]{5}-[0-9A-Z]{5}\b/ }) });

/** The status the decision panel reads out (its live region). */
export const announced = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text }).waitFor();

/** A request filed as a citizen does through the public JSON API; its id, tracking code and secret. */
export async function fileAsCitizen(name: string, body = skuBody(name)) {
  const filed = await call('POST', '/villages/35.10.24.2008/requests', { json: body });
  expect(filed.status, filed.text).toBe(201);
  return filed.data as { id: string; trackingCode: string; secret: string; receiptUrl?: string };
}

export { NIK };

/** The citizen uploads SKU's required documents (a PDF each) through the API, with the receipt's secret. */
export async function uploadRequired(id: string, secret: string, codes = ['ktp', 'kk', 'pengantar_rt_rw']) {
  const { PDF } = await import('../fixtures/files');
  for (const code of codes) {
    const created = await call('POST', `/requests/${id}/documents`, {
      json: { requirement: code, contentType: 'application/pdf', size: PDF.length },
      headers: { 'x-request-secret': secret },
    });
    expect(created.status, created.text).toBe(201);
    const form = new FormData();
    for (const [k, v] of Object.entries(created.data.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'scan.pdf');
    await fetch(created.data.url, { method: 'POST', body: form });
    const confirmed = await call('POST', `/requests/${id}/documents/${created.data.documentId}/confirm`, {
      headers: { 'x-request-secret': secret },
    });
    expect(confirmed.status, confirmed.text).toBe(200);
  }
}
