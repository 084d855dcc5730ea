/**
 * The browser half of bench/workspace-live.ts: Debian's Chromium through playwright-core, a sign-in
 * through the real sign-in page of the local runtime (authorization code + PKCE, as an officer does),
 * the session carried into fresh contexts through sessionStorage (where the app keeps it), Slow-4G and
 * CPU throttling through the DevTools protocol, the first queue row and a decision's round trip timed
 * inside the page, and axe-core evaluated through the protocol (the app's CSP allows no other script).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** where the workspace keeps its session (site/kerja/src/client/auth/session.ts) */
const STORE = 'kerja.session';

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

/**
 * Signs `username` in through the real pages: /kerja/ → "Masuk" → the local sign-in page → back
 * through /kerja/callback/ to the queue. Returns the session the app stored (to reuse in other
 * contexts: sign-ins are rate limited per username).
 */
export async function signInThroughPage(
  browser: Browser,
  siteUrl: string,
  username: string,
  password: string,
): Promise<{ session: string }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${siteUrl}/kerja/`);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/local-cognito\/oauth2\/authorize/, { timeout: 30_000 });
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    await page.locator('form button[type="submit"]').click();
    await page
      .waitForURL((u) => u.pathname === '/kerja/' && !u.search.includes('code='), { timeout: 30_000 })
      .catch(async (error: Error) => {
        // what the page says (the sign-in page's error, or the app's)
        const said = (
          await page
            .locator('[role="alert"], .error, main')
            .first()
            .textContent({ timeout: 2000 })
            .catch(() => undefined)
        )?.trim();
        throw new Error(
          `${username}: not back at /kerja/ (${page.url()}): ${said?.slice(0, 160) ?? error.message}`,
        );
      });
    const session = await page.evaluate((key) => sessionStorage.getItem(key), STORE);
    if (!session) throw new Error(`${username}: no session in sessionStorage after sign-in`);
    return { session };
  } finally {
    await context.close();
  }
}

/** console errors and uncaught exceptions of every page opened through signedInContext */
export const pageProblems = new Set<string>();

/** The sign-in page as "Masuk" opens it (the authorize URL with its PKCE challenge and state). */
export async function signInPageUrl(browser: Browser, siteUrl: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${siteUrl}/kerja/`);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/local-cognito\/oauth2\/authorize/, { timeout: 30_000 });
    return page.url();
  } finally {
    await context.close();
  }
}

/** A fresh context (empty cache) whose pages of the site start with `session` in sessionStorage. */
export async function signedInContext(
  browser: Browser,
  siteUrl: string,
  session: string | undefined,
  width = 1366,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  // what the page reports as broken (an app ↔ API mismatch shows here first)
  context.on('console', (m) => {
    if (m.type() === 'error') pageProblems.add(m.text().slice(0, 160));
  });
  context.on('weberror', (e) => pageProblems.add(e.error().message.slice(0, 160)));
  if (session)
    await context.addInitScript(
      ({ key, value, origin }) => {
        if (location.origin === origin) sessionStorage.setItem(key, value);
      },
      { key: STORE, value: session, origin: new URL(siteUrl).origin },
    );
  return context;
}

export interface Throttling {
  /** bits per second */
  downBps: number;
  upBps: number;
  rttMs: number;
  cpu: number;
}
export const SLOW_4G: Throttling = { downBps: 1.6e6, upBps: 750e3, rttMs: 150, cpu: 4 };

/** Slow-4G and a slower CPU for this page (DevTools protocol, before its navigation). */
export async function throttle(page: Page, t: Throttling): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: t.rttMs,
    downloadThroughput: t.downBps / 8,
    uploadThroughput: t.upBps / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: t.cpu });
}

/**
 * Opens /kerja/ and returns the ms from the navigation's start (performance.timeOrigin) to the frame
 * that paints the first row of the queue (a MutationObserver set before the page's own scripts, then
 * the next animation frame), with the navigation's milestones and the bytes the page fetched.
 */
export async function timeFirstRow(
  page: Page,
  url: string,
): Promise<{
  firstRow: number;
  dcl: number;
  requests: number;
  bytes: number;
  htmlMs: number;
  waterfall: string;
}> {
  await page.addInitScript(() => {
    const w = window as unknown as { __firstRow?: number; __seen?: boolean };
    const obs = new MutationObserver(() => {
      const li = document.querySelector('ul.queue li');
      if (w.__seen || !li || li.getBoundingClientRect().height === 0) return;
      w.__seen = true;
      obs.disconnect();
      requestAnimationFrame(() => {
        w.__firstRow = performance.now();
      });
    });
    obs.observe(document, { childList: true, subtree: true });
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __firstRow?: number }).__firstRow, null, {
    timeout: 60_000,
    polling: 100,
  });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      firstRow: (window as unknown as { __firstRow: number }).__firstRow,
      dcl: nav?.domContentLoadedEventEnd ?? Number.NaN,
      htmlMs: nav ? nav.responseEnd - nav.startTime : Number.NaN,
      // each fetch's path (its last part), start and end (ms): the critical path to the first row
      waterfall: resources
        .map((r) => {
          const u = new URL(r.name);
          const name = (u.pathname.split('/').filter(Boolean).pop() ?? '/').replace(
            /^([^.]*)\..*\.(js|css)$/,
            '$1.$2',
          );
          return `${name}${u.search ? '?…' : ''} ${r.startTime.toFixed(0)}–${r.responseEnd.toFixed(0)}`;
        })
        .join(', '),
      requests: resources.length + 1,
      bytes: resources.reduce((s, r) => s + r.transferSize, nav?.transferSize ?? 0),
    };
  });
}

/**
 * Clicks the decision button named `button` on an open request and returns the ms until the status
 * shown reads `status` (the frame after the DOM changed), or a rejection after 10 s.
 */
export async function timeDecision(page: Page, button: string, status: string): Promise<number> {
  const ms = await page.evaluate(
    ({ button, status }) =>
      new Promise<number>((resolve) => {
        const app = document.getElementById('app');
        const target = [...document.querySelectorAll<HTMLButtonElement>('#app button')].find(
          (b) => b.textContent?.trim() === button && !b.disabled,
        );
        if (!app || !target) return resolve(-1);
        const t0 = performance.now();
        const timer = setTimeout(() => resolve(-2), 10_000);
        const obs = new MutationObserver(() => {
          if (document.querySelector('dd.status')?.textContent?.trim() !== status) return;
          obs.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => resolve(performance.now() - t0));
        });
        obs.observe(app, { childList: true, subtree: true, characterData: true });
        target.click();
      }),
    { button, status },
  );
  if (ms === -1) throw new Error(`no enabled "${button}" button`);
  if (ms === -2) throw new Error(`the status did not become "${status}" within 10 s of "${button}"`);
  return ms;
}

let axeSource: string | undefined;
/** axe-core's violations on the page (WCAG 2.0/2.1 A and AA, best practices), as `rule: targets`. */
export async function axe(page: Page): Promise<string[]> {
  axeSource ??= await readFile(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const r = await (window as unknown as { axe: { run(d: Document, o: object): Promise<Result> } }).axe.run(
      document,
      { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] },
    );
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
