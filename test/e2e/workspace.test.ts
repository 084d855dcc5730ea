/**
 * The workspace app as built (issue #15), in Chromium under its strict CSP: the signed-out pages load
 * with no CSP violation, switch language, pass axe at 360 and 1366 px, the built HTML carries no inline
 * script, style or handler. The sign-in (authorization code + PKCE, the screen to come back to) and the
 * role walk-throughs run on the real stack in workspace-{officer,roles,counter}.test.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { allPages } from '../../site/kerja/src/client/routes';
import { axe, open, root, site, useWorkspaceWorld } from '../support/workspace-browser';

useWorkspaceWorld();

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, encoding: 'utf8' });
  return entries.filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

describe('the workspace app, built', () => {
  it('has every screen in both languages, and no inline script, style or event handler', async () => {
    const files = await htmlFiles(join(root, 'kerja'));
    expect(files.length).toBe(allPages().length);
    for (const file of files) {
      const html = await readFile(file, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, file).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(body?.trim(), `${file}: inline script`).toBe('');
        expect(attrs, file).toMatch(/\bsrc="\/kerja\/_astro\/[^"]+\.js"/);
      }
      expect(html, file).not.toMatch(/<style\b/);
      expect(html, file).not.toMatch(/\sstyle=/);
      expect(html, file).not.toMatch(/\son[a-z]+=/);
      expect(html, file).not.toMatch(/client:|astro-island/);
    }
  });

  it('every built page is valid HTML (html-validate, the repository configuration)', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    for (const file of await htmlFiles(join(root, 'kerja'))) {
      const report = await validator.validateString(await readFile(file, 'utf8'));
      expect(
        report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
        file,
      ).toEqual([]);
    }
  });

  it('serves /kerja/ with the strict CSP and security headers', async () => {
    const page = await fetch(`${site}/kerja/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'self' http://api.test");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('permissions-policy')).toContain('camera=(self)');
    expect(page.headers.get('cache-control')).toMatch(/max-age=60/);
    const asset = /src="(\/kerja\/_astro\/[^"]+\.js)"/.exec(await page.text())?.[1];
    const js = await fetch(`${site}${asset}`);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(js.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  for (const width of [360, 1366]) {
    it(`the signed-out pages load under the CSP without violations and pass axe at ${width} px`, async () => {
      const { context, page, problems } = await open(width);
      for (const p of allPages().filter((x) => x.screen !== 'callback')) {
        await page.goto(`${site}/kerja/${p.path}`);
        await page.getByRole('button', { name: p.lang === 'id' ? 'Masuk' : 'Sign in' }).waitFor();
        expect(await axe(page), p.path).toEqual([]);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
        expect(sideways, p.path).toBe(false);
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('switches between Bahasa Indonesia and English on the same screen', async () => {
    const { context, page, problems } = await open(360);
    await page.goto(`${site}/kerja/permintaan/?id=abc123DEF456`);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/kerja\/en\/request\/\?id=abc123DEF456$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('heading', { level: 1, name: 'Request' }).waitFor();
    await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
    await page.waitForURL(/\/kerja\/permintaan\/\?id=abc123DEF456$/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
