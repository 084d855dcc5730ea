/**
 * The table's key format, as pure functions (no client, no entity: infra builds its IAM patterns from
 * these too). A key is a template of the item's attributes — literal text with `{attribute}`
 * placeholders, `village#{villageCode}#requests` — filled and lower-cased, so a look-up by id, code or
 * username ignores case. functions/lib/table.ts declares them on the entities.
 */
export type GsiName = 'gsi1' | 'gsi2' | 'gsi3' | 'gsi4';

/** Values of key attributes by name; others may ride along (a whole item) and are ignored. */
export type KeyValues = Readonly<Record<string, unknown>>;

/**
 * A key template: literal text with `{attribute}` placeholders, e.g. `request#{queueSort}#{id}`.
 * An access pattern is the index it queries (none: the table's primary key) and its two templates.
 */
export interface AccessPattern {
  index?: GsiName;
  pk: string;
  sk: string;
}

const PLACEHOLDER = /\{(\w+)\}/g;
/** A value a key can hold: not undefined, null or empty. */
export const isKeyValue = (value: unknown) => value !== undefined && value !== null && value !== '';

/** The attributes a key template names, in order. */
export const keyAttributes = (template: string): string[] =>
  [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);

/** A stored key: the template with every placeholder filled, lower-cased. Throws on a missing value. */
export function keyOf(template: string, values: KeyValues): string {
  return template
    .replace(PLACEHOLDER, (_, attr: string) => {
      const value = values[attr];
      if (!isKeyValue(value)) throw new Error(`key attribute missing: ${attr} of ${template}`);
      return String(value);
    })
    .toLowerCase();
}

/**
 * The `begins_with` prefix of a key: the template up to its first placeholder without a value, then
 * `partial`, the beginning of that value, if given — lower-cased. `request#{queueSort}#{id}` with a
 * queueSort of `0#2026` gives `request#0#2026#`; with no values and a partial `2#`, `request#2#`.
 */
export function keyPrefix(template: string, values: KeyValues, partial = ''): string {
  let prefix = '';
  let from = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    prefix += template.slice(from, m.index);
    const value = values[m[1] as string];
    if (!isKeyValue(value)) return (prefix + partial).toLowerCase();
    prefix += String(value);
    from = m.index + m[0].length;
  }
  return (prefix + template.slice(from)).toLowerCase();
}
