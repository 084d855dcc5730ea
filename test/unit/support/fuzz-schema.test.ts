/**
 * The fuzzer's own generators (test/support/fuzz-schema.ts, fuzz.ts) do what the fuzz test relies on:
 * values follow the JSON Schema, and the hostile spellings (duplicate and `__proto__` keys, lone
 * surrogates) survive into the text the API receives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeComponent, formText } from '../../support/fuzz';
import {
  arbitraryFor,
  type JsonSchema,
  jsonText,
  MUTATIONS,
  mutate,
  RawObject,
} from '../../support/fuzz-schema';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    code: { type: 'string', pattern: '^\\d{2}\\.\\d{2}$' },
    size: { type: 'integer', minimum: 1, maximum: 10 },
    kind: { type: 'string', enum: ['a', 'b'] },
    tags: { type: 'array', items: { type: 'string', maxLength: 5 }, maxItems: 3 },
  },
  required: ['code', 'size'],
  additionalProperties: false,
};

describe('fuzz generators', () => {
  it('values follow the schema: patterns, bounds, enums, required keys', () => {
    for (const v of fc.sample(arbitraryFor(schema), { numRuns: 200, seed: 1 }) as Record<string, unknown>[]) {
      expect(v.code).toMatch(/^\d{2}\.\d{2}$/);
      expect(v.size).toBeGreaterThanOrEqual(1);
      expect(v.size).toBeLessThanOrEqual(10);
      if ('kind' in v) expect(['a', 'b']).toContain(v.kind);
      for (const t of (v.tags as string[] | undefined) ?? []) expect(t.length).toBeLessThanOrEqual(5);
      expect(Object.keys(v).every((k) => k in (schema.properties ?? {}))).toBe(true);
    }
  });

  it('duplicate and prototype keys are in the JSON text, and JSON.parse gives them as own keys', () => {
    const base = { name: 'Kopi', price: 1 };
    const dup = jsonText(mutate(base, 'duplicate-key', 1));
    expect(dup.match(/"name"|"price"/g)?.length).toBe(3);
    const proto = jsonText(mutate(base, 'prototype-key', 0));
    expect(proto).toContain('"__proto__":');
    expect(Object.hasOwn(JSON.parse(proto), '__proto__')).toBe(true);
    expect(
      jsonText(
        new RawObject([
          ['a', 1],
          ['a', 2],
        ]),
      ),
    ).toBe('{"a":1,"a":2}');
  });

  it('a lone surrogate travels as a JSON escape, and in URLs as the bytes a WTF-8 client sends', () => {
    const text = jsonText(mutate({ name: 'Gula Aren' }, 'lone-surrogate', 0));
    expect(text).toMatch(/\\ud[89a-f][0-9a-f]{2}/);
    expect(JSON.parse(text).name).not.toBe(JSON.parse(text).name.toWellFormed());
    expect(encodeComponent('a\ud800b')).toBe('a%ED%A0%80b');
    expect(formText({ applicant: { name: 'Siti' }, tags: ['x', 'y'] })).toBe(
      'applicant.name=Siti&tags=x&tags=y',
    );
  });

  it('every mutation changes the value or leaves it for none', () => {
    const base = { name: 'Kopi', description: { id: 'Enak' }, price: 1 };
    for (const m of MUTATIONS) {
      const out = jsonText(mutate(base, m, 3));
      if (m === 'none') expect(out).toBe(jsonText(base));
      else expect(out, m).not.toBe(jsonText(base));
    }
  });
});
