import type { Entity, InputItem, KeyInputItem } from 'dynamodb-toolbox/entity';
import { EntityFormatter } from 'dynamodb-toolbox/entity/actions/format';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { describe, expect, it } from 'vitest';
import * as tbx from '../../../functions/lib/table';
import recorded from '../../fixtures/electrodb-items.json';

/**
 * The table's items are stored exactly as ElectroDB 3.9.3 stored them (recorded in
 * test/fixtures/electrodb-items.json before the move to dynamodb-toolbox): for every entity, a full
 * sample item put through toolbox has every attribute, every primary and index key, and ElectroDB's
 * ownership attributes as recorded — so tables written before the move stay readable, no migration.
 */
const entities = Object.entries(
  recorded as Record<string, { item: Record<string, unknown>; stored: unknown }>,
);

describe('dynamodb-toolbox stores every entity exactly as ElectroDB did', () => {
  it('has every recorded entity, and only those', () => {
    expect(Object.keys(tbx.entities).sort()).toEqual(entities.map(([name]) => name).sort());
  });
  for (const [name, { item, stored }] of entities) {
    it(name, () => {
      const entity: Entity = tbx.entities[name as keyof typeof tbx.entities];
      expect(
        entity
          .build(PutItemCommand)
          .item(item as InputItem<Entity>)
          .params().Item,
      ).toEqual(stored);
    });
  }

  for (const [name, { stored }] of entities) {
    it(`${name}: reads without the formatter give what the formatter gives`, () => {
      const entity: Entity = tbx.entities[name as keyof typeof tbx.entities];
      const item = stored as Record<string, unknown>;
      expect(tbx.unstored(entity, item)).toEqual(entity.build(EntityFormatter).format(item));
    });
  }

  for (const [name, { item }] of entities) {
    it(`${name}: GetItem params without toolbox's key parse are toolbox's params`, () => {
      const entity: Entity = tbx.entities[name as keyof typeof tbx.entities];
      for (const consistent of [false, true]) {
        const key = item as KeyInputItem<Entity>;
        const theirs = entity.build(GetItemCommand).key(key).options({ consistent }).params();
        expect(tbx.getParams(entity, key, { consistent })).toEqual(
          consistent ? theirs : { TableName: theirs.TableName, Key: theirs.Key },
        );
      }
    });
  }
});
