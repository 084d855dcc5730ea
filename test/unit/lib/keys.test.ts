import { describe, expect, it } from 'vitest';
import { partitionKey, sortKey } from '../../../functions/lib/keys';
import recorded from '../../fixtures/electrodb-items.json';

/**
 * The stored key format is ElectroDB's (the table was written by ElectroDB until the move to
 * dynamodb-toolbox): for every entity and access pattern, the partition key and every `begins_with`
 * prefix recorded from ElectroDB 3.9.3 (test/fixtures/electrodb-items.json) are what keys.ts computes.
 * Sample values carry upper case and separators on purpose.
 */
type Query = {
  pattern: string;
  pkComposite: string[];
  skComposite: string[];
  given: Record<string, unknown>;
  pk: string;
  skPrefix: string | null;
};
const entities = Object.entries(
  recorded as Record<string, { entity: string; version: string; queries: Query[] }>,
);

describe('stored key format = ElectroDB', () => {
  it('covers all 17 entities', () => {
    expect(entities).toHaveLength(17);
  });
  for (const [name, { entity, version, queries }] of entities) {
    it(`${name}: ${queries.length} key conditions`, () => {
      for (const q of queries) {
        expect(partitionKey(q.pkComposite, q.given)).toBe(q.pk);
        if (q.skPrefix !== null)
          expect(sortKey(entity, version, q.skComposite, q.given, { prefix: true })).toBe(q.skPrefix);
      }
    });
  }
});
