import type { Entity } from 'electrodb';
import { describe, expect, it } from 'vitest';
import { partitionKey, SERVICE, sortKey } from '../../../functions/lib/keys';
import * as table from '../../../functions/lib/table';

/**
 * Parity: the pure key module computes, for every entity and every index of the table, the same
 * stored keys as ElectroDB — full keys (GetItem on the primary index, exact GSI keys) and the
 * `begins_with` prefixes of partial queries. Sample values carry upper case and separators on purpose.
 */
type IndexDef = {
  index?: string;
  pk: { field: string; composite: string[] };
  sk: { field: string; composite: string[] };
};
type Model = {
  entity: string;
  version: string;
  service: string;
  indexes: Record<string, IndexDef>;
  attributes: Record<string, { type: unknown }>;
};

// biome-ignore lint/suspicious/noExplicitAny: ElectroDB's generic entity type
const entities = Object.entries(table).filter(
  ([, v]) => v && typeof v === 'object' && 'query' in v && 'model' in v,
) as [string, Entity<any, any, any, any>][];

function sample(model: Model, attr: string, i: number): string {
  const type = model.attributes[attr]?.type;
  if (Array.isArray(type)) return String(type[i % type.length]);
  return `Val-${attr}#${i}:X`;
}

describe('stored key format = ElectroDB', () => {
  it('covers every entity of the table module', () => {
    expect(entities.length).toBe(17);
  });

  for (const [name, entity] of entities) {
    // biome-ignore lint/suspicious/noExplicitAny: the model ElectroDB keeps of its definition
    const model = (entity as any).model.original.model as {
      entity: string;
      version: string;
      service: string;
    };
    // biome-ignore lint/suspicious/noExplicitAny: idem
    const def = { ...model, ...(entity as any).model.original } as unknown as Model;
    for (const [accessPattern, index] of Object.entries(def.indexes)) {
      it(`${name}.${accessPattern}: full keys and every begins_with prefix`, () => {
        expect(def.service).toBe(SERVICE);
        const values: Record<string, string> = {};
        for (const [i, attr] of [...index.pk.composite, ...index.sk.composite].entries())
          values[attr] = sample(def, attr, i);
        // biome-ignore lint/suspicious/noExplicitAny: dynamic access pattern
        const query = (entity.query as any)[accessPattern];
        for (let n = 0; n <= index.sk.composite.length; n++) {
          const given: Record<string, string> = {};
          for (const attr of [...index.pk.composite, ...index.sk.composite.slice(0, n)])
            given[attr] = values[attr] as string;
          const params = query(given).params() as { ExpressionAttributeValues: Record<string, string> };
          expect(params.ExpressionAttributeValues[':pk']).toBe(partitionKey(index.pk.composite, given));
          const ours = sortKey(def.entity, def.version, index.sk.composite, given, { prefix: true });
          const theirs = params.ExpressionAttributeValues[':sk1'];
          if (n === index.sk.composite.length && theirs === undefined) {
            // a full sort key is matched exactly by ElectroDB (or, with no sk composites, not at all)
            const full = sortKey(def.entity, def.version, index.sk.composite, given);
            expect(full.startsWith(`$${def.entity}_${def.version}`)).toBe(true);
          } else {
            expect(ours).toBe(theirs);
          }
        }
        if (!index.index) {
          // GetItem keys on the primary index
          // biome-ignore lint/suspicious/noExplicitAny: dynamic entity
          const get = (entity as any).get(values).params() as { Key: Record<string, string> };
          expect(get.Key[index.pk.field]).toBe(partitionKey(index.pk.composite, values));
          expect(get.Key[index.sk.field]).toBe(sortKey(def.entity, def.version, index.sk.composite, values));
        }
      });
    }
  }
});
