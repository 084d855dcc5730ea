/**
 * MIGRATION IN PROGRESS (branch migrate/toolbox): the table on dynamodb-toolbox v2. Entities move
 * here one by one from `table.ts` (ElectroDB); keys come from `keys.ts`, so an item written by either
 * library is the same item (`test/integration/toolbox-parity.test.ts`). ElectroDB's ownership
 * attributes (`__edb_e__`, `__edb_v__`) are written too, so ElectroDB keeps reading items written here
 * until the last entity has moved.
 */
import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { Table } from 'dynamodb-toolbox/table';
import { documentClient } from './aws';
import { config } from './config';
import { partitionKey, sortKey } from './keys';

export const table = /* @__PURE__ */ (() =>
  new Table({
    documentClient,
    name: () => config.TABLE_NAME,
    partitionKey: { name: 'pk', type: 'string' },
    sortKey: { name: 'sk', type: 'string' },
    indexes: {
      gsi1: {
        type: 'global',
        partitionKey: { name: 'gsi1pk', type: 'string' },
        sortKey: { name: 'gsi1sk', type: 'string' },
      },
      gsi2: {
        type: 'global',
        partitionKey: { name: 'gsi2pk', type: 'string' },
        sortKey: { name: 'gsi2sk', type: 'string' },
      },
    },
  }))();

/** ElectroDB's ownership attributes, kept while both libraries share the table. */
const owner = (entity: string, version = '1') => ({
  __edb_e__: string().const(entity).default(entity).hidden(),
  __edb_v__: string().const(version).default(version).hidden(),
});

export const Village = /* @__PURE__ */ (() =>
  new Entity({
    name: 'village',
    table,
    entityAttribute: false,
    timestamps: false,
    schema: item({
      code: string().key(),
      name: string(),
      slug: string(),
      kind: string().enum('desa', 'kelurahan'),
      kecamatanCode: string(),
      kecamatanName: string(),
      regencyCode: string(),
      regencyName: string(),
      officeHours: any().optional(),
      profile: any().optional(),
      createdAt: string().optional(),
      updatedAt: string().optional(),
      ...owner('village'),
    }).and((s) => ({
      gsi1pk: string()
        .hidden()
        .link<typeof s>((v) => partitionKey(['regencyCode'], v)),
      gsi1sk: string()
        .hidden()
        .link<typeof s>((v) => sortKey('village', '1', ['kecamatanCode', 'code'], v)),
      gsi2pk: string()
        .hidden()
        .link<typeof s>((v) => partitionKey(['slug'], v)),
      gsi2sk: string()
        .hidden()
        .link<typeof s>(() => sortKey('village', '1', [], {})),
    })),
    computeKey: ({ code }: { code: string }) => ({
      pk: partitionKey(['code'], { code }),
      sk: sortKey('village', '1', [], {}),
    }),
  }))();

export const TrackingCode = /* @__PURE__ */ (() =>
  new Entity({
    name: 'tracking',
    table,
    entityAttribute: false,
    timestamps: false,
    schema: item({ trackingCode: string().key(), requestId: string(), ...owner('tracking') }),
    computeKey: ({ trackingCode }: { trackingCode: string }) => ({
      pk: partitionKey(['trackingCode'], { trackingCode }),
      sk: sortKey('tracking', '1', [], {}),
    }),
  }))();
