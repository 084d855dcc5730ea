/**
 * The one Unicode rule of the API (functions/lib/unicode.ts): every string schema refuses a lone
 * surrogate, the input scan finds what no schema reads, form fields whose percent-encoding is not
 * UTF-8 are named, and functions/ gets zod only through lib/zod.ts, so no text field can slip past.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { illFormedPaths, readForm, wellFormedDeep } from '../../../functions/lib/unicode';
import * as z from '../../../functions/lib/zod';

describe('well-formed text', () => {
  it('every z.string() refuses a lone surrogate with field.unicode, before its other checks', () => {
    const name = z
      .string()
      .check(z.trim(), z.minLength(2, 'field.required'), z.maxLength(5, 'field.too_long'));
    for (const bad of ['\ud800', 'ab\udc00', `${'x'.repeat(9)}\ud83d`]) {
      const result = name.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual(['field.unicode']);
    }
    expect(name.safeParse(' 😀ab ').data).toBe('😀ab');
    expect(name.safeParse('x').error?.issues.map((i) => i.message)).toEqual(['field.required']);
    const keys = z.record(z.string(), z.string());
    expect(keys.safeParse({ 'k\ud800': 'v' }).success).toBe(false);
  });

  it('the input scan names ill-formed values and keys at any depth', () => {
    expect(illFormedPaths({ a: 'ok', b: ['x', 'y\udfff'], c: { 'd\ud800': 1, e: { f: '\ud800' } } })).toEqual(
      ['b.1', 'c.d\ud800', 'c.e.f'],
    );
    expect(illFormedPaths('\ud800')).toEqual(['(body)']);
    expect(illFormedPaths({ a: '😀', n: 3, t: true, z: null })).toEqual([]);
  });

  it('a form field is named when its percent-encoding is not UTF-8, not when it is merely odd', () => {
    expect(readForm('a=%ED%A0%80&b=ok&c=%FF&d=%E2%82%AC&e=100%25&f=%zz&g=a+b').illFormed).toEqual(['a', 'c']);
    expect(readForm('=%FF').illFormed).toEqual(['(body)']);
    expect(readForm('na%C3%AFve%ED%A0%80=x').illFormed).toEqual(['naïve\ufffd\ufffd\ufffd']);
    const { form, illFormed } = readForm('fields.nama=Kopi+%E2%98%95&applicant.name=Siti');
    expect(illFormed).toEqual([]);
    expect(form.get('fields.nama')).toBe('Kopi ☕');
  });

  it('stored text is printed with U+FFFD in place of a lone surrogate', () => {
    expect(wellFormedDeep({ 'k\ud800': ['a\udc00', 1, { b: 'ok' }] })).toEqual({
      'k\ufffd': ['a\ufffd', 1, { b: 'ok' }],
    });
  });

  it('functions/ imports zod only through lib/zod.ts (the site contract is output, not input)', () => {
    const root = join(__dirname, '../../../functions');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const direct = files(root)
      .filter((f) => /from ['"]zod(\/[^'"]*)?['"]/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f))
      .sort();
    expect(direct).toEqual(['lib/zod.ts', 'sites/snapshot.ts']);
  });
});
