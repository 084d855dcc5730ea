/**
 * No source file over 400 lines but data (docs/architecture.md "Files stay small"): code, tests
 * included, is split by topic before it grows past what one reads in one sitting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 400;
const repoRoot = resolve(import.meta.dirname, '../../..');
const FOLDERS = ['functions', 'infra', 'scripts', 'bench', 'site', 'test'];
const SOURCE = /\.(ts|tsx|js|mjs|cjs|astro)$/;
const SKIP = /(^|\/)(node_modules|dist|\.astro|cdk\.out|\.local)(\/|$)/;

/** Data, not code: as long as the data is. */
const DATA: Record<string, string> = {
  'functions/catalogue/regency-defaults.ts': "the regency's default service catalogue",
  'functions/lib/i18n/id.ts': 'string table',
  'functions/lib/i18n/en.ts': 'string table',
  'site/src/i18n/id.ts': 'string table',
  'site/src/i18n/en.ts': 'string table',
  'functions/requests/domain/regency-codes.ts': 'generated codes (scripts/regency-codes.ts)',
};

/**
 * Files over the limit while a change in progress rewrites them (`'path': 'what it waits for'`). Each
 * entry goes once its file fits or is gone (the test below says so). Empty since issue 14 item 3.
 */
const IN_PROGRESS: Record<string, string> = {};

function sources(): string[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
      .map((f) => `${folder}/${f}`)
      .filter((f) => SOURCE.test(f) && !SKIP.test(f)),
  );
}

const lines = (file: string) => readFileSync(join(repoRoot, file), 'utf8').split('\n').length - 1;

describe('file size', () => {
  it(`no source file is over ${MAX_LINES} lines, data aside`, () => {
    const over = sources()
      .filter((file) => !(file in DATA) && !(file in IN_PROGRESS))
      .map((file) => ({ file, lines: lines(file) }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(over, 'split these by topic (docs/architecture.md "Files stay small")').toEqual([]);
  });

  it('the allowlists name files that exist', () => {
    const all = new Set(sources());
    const missing = Object.keys(DATA).filter((file) => !all.has(file));
    expect(missing).toEqual([]);
  });

  it('an in-progress entry goes once its file fits or is gone', () => {
    const all = new Set(sources());
    const done = Object.keys(IN_PROGRESS).filter((file) => !all.has(file) || lines(file) <= MAX_LINES);
    expect(done, 'remove these from IN_PROGRESS').toEqual([]);
  });

  it('looks at the files it should (a known file is found)', () => {
    expect(sources()).toContain('functions/lib/config.ts');
    expect(sources()).toContain('site/src/layouts/Page.astro');
  });
});
