/**
 * The table's stored key format, as a pure function: `pk = $<service>#<attr>_<value>#…`,
 * `sk = $<entity>_<version>#<attr>_<value>#…`, lower-cased — the format ElectroDB wrote before the
 * move to dynamodb-toolbox (smaller, tree-shakeable bundles), kept so existing tables need no
 * migration. `test/unit/lib/keys.test.ts` holds it to a recording of ElectroDB's keys for every entity
 * and access pattern.
 */
export const SERVICE = 'smartkampung';

/** values of key attributes; others may ride along (an item) and are ignored */
export type KeyValues = Readonly<Record<string, unknown>>;

const part = (attr: string, value: unknown) => `${attr}_${String(value)}`;

/** Partition key: every composite attribute must be present. */
export function partitionKey(composite: readonly string[], values: KeyValues, service = SERVICE): string {
  const parts = composite.map((attr) => {
    const value = values[attr];
    if (value === undefined || value === '') throw new Error(`key attribute missing: ${attr}`);
    return part(attr, value);
  });
  return `$${service}#${parts.join('#')}`.toLowerCase();
}

/**
 * Sort key. `prefix: true` builds the `begins_with` prefix of a query: the attributes given, in order,
 * up to the first one missing, followed by that one's label (`…#code_`).
 */
export function sortKey(
  entity: string,
  version: string,
  composite: readonly string[],
  values: KeyValues,
  opts: { prefix?: boolean } = {},
): string {
  let key = `$${entity}_${version}`;
  for (const attr of composite) {
    const value = values[attr];
    if (value === undefined || value === '') {
      if (!opts.prefix) throw new Error(`key attribute missing: ${attr}`);
      key += `#${attr}_`;
      break;
    }
    key += `#${part(attr, value)}`;
  }
  return key.toLowerCase();
}
