/**
 * The fuzzer's generators (test/support/fuzz.ts): JSON Schema (the request schemas of /openapi.json,
 * which functions/openapi/ builds from the handlers' own zod schemas) → fast-check arbitraries, and
 * the mutations that turn a well-typed value into a hostile one: ill-formed Unicode, huge and empty
 * strings, wrong types, extra, duplicate and prototype keys, and JSON text that is not JSON at all.
 *
 * A mutated body is JSON *text*: duplicate keys and own `__proto__` keys exist only there. Objects
 * that need them are kept as `RawObject` (ordered entries, repeats allowed) until `jsonText`.
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** An object as JSON text will spell it: entries in order, a key may repeat, `__proto__` is a key. */
export class RawObject {
  constructor(readonly entries: [string, unknown][]) {}
}

/** JSON text of a value; `RawObject`s keep their repeated and prototype keys. */
export function jsonText(value: unknown): string {
  if (value instanceof RawObject)
    return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value && typeof value === 'object')
    return jsonText(new RawObject(Object.entries(value as Record<string, unknown>)));
  // JSON.stringify escapes a lone surrogate as `\ud800`: the parser on the other side restores it
  return JSON.stringify(value) ?? 'null';
}

/** Lone UTF-16 surrogates, alone and inside text (defect 1 of issue 13: `Gula Aren \ud800 Asli`). */
export const LONE_SURROGATES = [
  '\ud800',
  '\udfff',
  '\ud83d',
  'Gula Aren \ud800 Asli',
  'a\udc00b',
  '\udc00\ud800',
];

/** Text a village's users write, plus the odd characters forms and clients send. */
const word = fc.constantFrom(
  'Kopi',
  'Ijen',
  'Tamansari',
  'batik',
  'Gajah Oling',
  'Siti Aminah',
  'keripik',
  'Dusun Krajan',
  '🇮🇩',
  'ا',
  '\u202e',
  '\u0000',
  '<script>',
  '%00',
  '../..',
  'null',
);
const wellFormed = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
);

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  if (s.pattern) {
    const fits = (v: string) => v.length >= min && v.length <= max;
    return fc.stringMatching(new RegExp(s.pattern), { size: 'small' }).filter(fits);
  }
  return fc.oneof(
    wellFormed.filter((v) => v.length >= min && v.length <= max),
    fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: Math.min(max, min + 40) }),
  );
}

function bounds(s: JsonSchema, integer: boolean) {
  const step = integer ? 1 : 0.001;
  const min = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + step : (s.minimum ?? -1e6);
  const max = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - step : (s.maximum ?? 1e6);
  return { min, max: Math.max(min, max) };
}

/** A value the schema admits (ignoring refinements it cannot say, e.g. a NIK's birth date). */
export function arbitraryFor(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const s = schema;
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => arbitraryFor(b, depth)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer': {
      const { min, max } = bounds(s, true);
      return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) });
    }
    case 'number': {
      const { min, max } = bounds(s, false);
      return fc.oneof(
        fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
        fc.double({ min, max, noNaN: true }),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items ? arbitraryFor(s.items, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, (s.minItems ?? 0) + 4),
      });
    case 'object':
      return objectArb(s, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArb(s: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.fromEntries(
    Object.entries(s.properties ?? {}).map(([k, v]) => [k, arbitraryFor(v, depth + 1)]),
  );
  const known = fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
  const extra = s.additionalProperties;
  if (extra === undefined || extra === false || depth > 3) return known;
  const values = extra === true ? fc.jsonValue({ maxDepth: 1 }) : arbitraryFor(extra, depth + 1);
  const names = s.propertyNames ? stringArb(s.propertyNames) : fc.string({ maxLength: 20 });
  return fc
    .tuple(known, fc.dictionary(names, values, { maxKeys: 3, noNullPrototype: true }))
    .map(([k, d]) => ({ ...d, ...k }));
}

// ---------------------------------------------------------------------------------------------
// mutations

export type Mutation =
  | 'none'
  | 'lone-surrogate'
  | 'huge-string'
  | 'empty-string'
  | 'wrong-type'
  | 'extra-key'
  | 'duplicate-key'
  | 'prototype-key'
  | 'drop-key';

export const MUTATIONS: readonly Mutation[] = [
  'none',
  'lone-surrogate',
  'huge-string',
  'empty-string',
  'wrong-type',
  'extra-key',
  'duplicate-key',
  'prototype-key',
  'drop-key',
];

/** Paths to every leaf and object of a value (objects also as places to add keys). */
function places(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; leaf: boolean }[] {
  if (Array.isArray(value))
    return [{ path, leaf: false }, ...value.flatMap((v, i) => places(v, [...path, i]))];
  if (value && typeof value === 'object')
    return [
      { path, leaf: false },
      ...Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => places(v, [...path, k])),
    ];
  return [{ path, leaf: true }];
}

function setAt(root: unknown, path: (string | number)[], fn: (old: unknown) => unknown): unknown {
  if (path.length === 0) return fn(root);
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(root)) return root.map((v, i) => (i === head ? setAt(v, rest, fn) : v));
  if (root instanceof RawObject)
    return new RawObject(root.entries.map(([k, v]) => [k, k === head ? setAt(v, rest, fn) : v]));
  const obj = { ...(root as Record<string, unknown>) };
  obj[head] = setAt(obj[head], rest, fn);
  return obj;
}

const entriesOf = (v: unknown): [string, unknown][] =>
  v instanceof RawObject ? [...v.entries] : Object.entries((v ?? {}) as Record<string, unknown>);

const WRONG = [0, -1, 1.5, 1e308, -0, true, false, null, [], {}, '1', ['a', 'b'], { a: 1 }, '   '];
const HUGE = [1_000, 5_000, 40_000, 70_000];
const PROTO: [string, unknown][] = [
  ['__proto__', { admin: true, status: 'approved' }],
  ['constructor', { prototype: { admin: true } }],
  ['prototype', {}],
  ['toString', 'x'],
  ['hasOwnProperty', 1],
];

/**
 * One mutation of a value, chosen by `pick` (a number the arbitrary drew: which place, which
 * replacement). Object targets of key mutations become `RawObject`s.
 */
export function mutate(value: unknown, mutation: Mutation, pick: number): unknown {
  const all = places(value);
  const leaves = all.filter((p) => p.leaf);
  const objects = all.filter(
    (p) => !p.leaf && !Array.isArray(p.path.reduce<unknown>((v, k) => (v as never)?.[k], value)),
  );
  const nth = <T>(list: readonly T[]): T | undefined => list[pick % Math.max(1, list.length)];
  const leaf = nth(leaves)?.path ?? [];
  const object = nth(objects)?.path;
  switch (mutation) {
    case 'none':
      return value;
    case 'lone-surrogate': {
      const s = nth(LONE_SURROGATES) ?? '\ud800';
      const strings = leaves.filter(
        (p) => typeof p.path.reduce<unknown>((v, k) => (v as never)?.[k], value) === 'string',
      );
      const at = nth(strings)?.path;
      // inside the text mostly (a lone surrogate alone can be too short to pass the length checks)
      const put = (old: unknown) => {
        const text = String(old);
        const half = text.length >> 1;
        const inside = `${text.slice(0, half)}${s}${text.slice(half)}`;
        return [inside, `${text}${s}`, inside, `${s}${text}`, s][pick % 5];
      };
      if (at) return setAt(value, at, put);
      return object ? setAt(value, object, (o) => ({ ...(o as object), name: s })) : s;
    }
    case 'huge-string':
      return setAt(value, leaf, () => 'x'.repeat(nth(HUGE) ?? 5_000));
    case 'empty-string':
      return setAt(value, leaf, () => '');
    case 'wrong-type':
      return setAt(value, leaf, () => nth(WRONG));
    case 'extra-key':
      return object ? setAt(value, object, (o) => ({ ...(o as object), [`extra${pick % 7}`]: 'x' })) : value;
    case 'drop-key':
      return setAt(value, leaf.slice(0, -1), (o) =>
        o && typeof o === 'object' && !Array.isArray(o)
          ? Object.fromEntries(Object.entries(o).filter(([k]) => k !== leaf.at(-1)))
          : o,
      );
    case 'duplicate-key':
      return object
        ? setAt(value, object, (o) => {
            const entries = entriesOf(o);
            const [k] = nth(entries) ?? ['dup'];
            // the repeat comes last (JSON.parse keeps it) or first (it loses), with another type
            const repeat: [string, unknown] = [k, nth(WRONG)];
            return new RawObject(pick % 2 ? [...entries, repeat] : [repeat, ...entries]);
          })
        : value;
    case 'prototype-key':
      return object
        ? setAt(value, object, (o) => new RawObject([...entriesOf(o), nth(PROTO) ?? ['__proto__', {}]]))
        : value;
  }
}

/** Bodies that are not the JSON of an object at all. */
export const NOT_JSON = [
  '',
  ' ',
  'null',
  '[]',
  '"text"',
  '42',
  '{',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  '\ufeff{}',
  'NaN',
  '{"a":"\\ud800"}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
];
