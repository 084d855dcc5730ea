import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { describe, expect, it } from 'vitest';
import * as edb from '../../../functions/lib/table';
import * as tbx from '../../../functions/lib/table-toolbox';

/**
 * Migration parity, item level: for every entity, a full item put through dynamodb-toolbox is
 * stored exactly as ElectroDB stores it — every attribute, every primary and index key, ElectroDB's
 * ownership attributes — so both libraries share the table while modules move one by one.
 */
type AttrDef = { type: unknown; properties?: Record<string, AttrDef> };

function sample(name: string, def: AttrDef, i: number): unknown {
  const t = def.type;
  if (Array.isArray(t)) return t[i % t.length];
  if (t === 'string') return `Val-${name}#${i}:X`;
  if (t === 'number') return 1000 + i;
  if (t === 'boolean') return i % 2 === 0;
  if (t === 'list') return [`a-${name}`, `b-${name}`];
  if (t === 'map')
    return Object.fromEntries(
      Object.entries(def.properties ?? {}).map(([k, d], j) => [k, sample(k, d, j)]),
    );
  return { any: [name, i], nested: { ok: true } };
}

const names = Object.keys(tbx).filter((k) => k !== 'table');

describe('dynamodb-toolbox stores every entity exactly as ElectroDB', () => {
  it('has every ElectroDB entity', () => {
    const electro = Object.entries(edb)
      .filter(([, v]) => v && typeof v === 'object' && 'query' in v && 'model' in v)
      .map(([k]) => k)
      .sort();
    expect(names.sort()).toEqual(electro);
  });

  for (const name of names) {
    it(name, () => {
      // biome-ignore lint/suspicious/noExplicitAny: dynamic lookup of both modules' entities
      const electro = (edb as any)[name];
      // biome-ignore lint/suspicious/noExplicitAny: idem
      const toolbox = (tbx as any)[name];
      const attributes = electro.model.original.attributes as Record<string, AttrDef>;
      const item = Object.fromEntries(
        Object.entries(attributes).map(([k, d], i) => [k, sample(k, d, i)]),
      );
      const theirs = electro.put(item).params().Item;
      const ours = toolbox.build(PutItemCommand).item(item).params().Item;
      expect(ours).toEqual(theirs);
    });
  }
});
