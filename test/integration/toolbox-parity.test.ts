/**
 * Migration parity on DynamoDB Local through the real SDK: items written by ElectroDB (the onboarding)
 * are read by dynamodb-toolbox unchanged, and an item written by toolbox is the very item ElectroDB
 * writes — same keys, same attributes — and ElectroDB reads it.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { startRuntime, TAMANSARI } from '../support/runtime';

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startRuntime();
}, 120_000);
afterAll(async () => {
  await runtime?.stop();
});

describe('dynamodb-toolbox reads and writes the items ElectroDB does', () => {
  it('reads an onboarded village by key and by the regency index', async () => {
    const { GetItemCommand } = await import('dynamodb-toolbox/entity/actions/get');
    const tb = await import('../../functions/lib/table-toolbox');
    const { getVillage, listVillages } = await import('../../functions/villages/store');

    const electro = await getVillage(TAMANSARI);
    const { Item } = await tb.Village.build(GetItemCommand).key({ code: TAMANSARI }).send();
    expect(Item).toEqual(electro);

    const kecamatan = electro.kecamatanCode;
    const fromElectro = await listVillages({ regencyCode: '35.10', kecamatan, limit: 100 });
    const page = await tb.queryPage(tb.Village, tb.indexes.villageByRegency, {
      regencyCode: '35.10',
      kecamatanCode: kecamatan,
    });
    expect(page.items.map((v) => v.code)).toEqual(fromElectro.items.map((v) => v.code));
    expect(page.items.length).toBeGreaterThan(1);

    // paging: two villages at a time, cursors chained, the same villages in the same order
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: { items: { code: string }[]; cursor: string | null } = await tb.queryPage(
        tb.Village,
        tb.indexes.villageByRegency,
        { regencyCode: '35.10', kecamatanCode: kecamatan },
        { limit: 2, cursor },
      );
      seen.push(...p.items.map((v) => v.code));
      cursor = p.cursor;
    } while (cursor);
    expect(seen).toEqual(page.items.map((v) => v.code));
  });

  it('a canceled transaction answers its reasons in order, and writes nothing', async () => {
    const { PutTransaction } = await import('dynamodb-toolbox/entity/actions/transactPut');
    const tb = await import('../../functions/lib/table-toolbox');
    const { GetItemCommand } = await import('dynamodb-toolbox/entity/actions/get');
    await tb.TrackingCode.build((await import('dynamodb-toolbox/entity/actions/put')).PutItemCommand)
      .item({ trackingCode: 'PARITY-TX-TAKEN', requestId: 'first' })
      .send();
    const result = await tb.transact(
      tb.TrackingCode.build(PutTransaction)
        .item({ trackingCode: 'PARITY-TX-NEW', requestId: 'second' })
        .options({ condition: { attr: 'trackingCode', exists: false } }),
      tb.TrackingCode.build(PutTransaction)
        .item({ trackingCode: 'PARITY-TX-TAKEN', requestId: 'second' })
        .options({ condition: { attr: 'trackingCode', exists: false } }),
    );
    expect(result).toEqual({ canceled: true, reasons: ['None', 'ConditionalCheckFailed'] });
    const { Item } = await tb.TrackingCode.build(GetItemCommand)
      .key({ trackingCode: 'PARITY-TX-NEW' })
      .send();
    expect(Item).toBeUndefined();
  });

  it('writes the same item as ElectroDB, and each reads what the other wrote', async () => {
    const { PutItemCommand } = await import('dynamodb-toolbox/entity/actions/put');
    const { GetItemCommand } = await import('dynamodb-toolbox/entity/actions/get');
    const tb = await import('../../functions/lib/table-toolbox');
    const edb = await import('../../functions/lib/table');
    const { documentClient } = await import('../../functions/lib/aws');
    const { config } = await import('../../functions/lib/config');
    const raw = async (key: Record<string, string>) =>
      (
        await documentClient.send(
          new GetCommand({ TableName: config.TABLE_NAME, Key: key, ConsistentRead: true }),
        )
      ).Item;

    // toolbox writes, ElectroDB reads
    await tb.TrackingCode.build(PutItemCommand)
      .item({ trackingCode: 'PARITY-TBX01', requestId: 'req-tbx' })
      .send();
    const seen = await edb.TrackingCode.get({ trackingCode: 'PARITY-TBX01' }).go({ consistent: true });
    expect(seen.data).toEqual({ trackingCode: 'PARITY-TBX01', requestId: 'req-tbx' });

    // ElectroDB writes, toolbox reads
    await edb.TrackingCode.put({ trackingCode: 'PARITY-EDB01', requestId: 'req-edb' }).go();
    const { Item } = await tb.TrackingCode.build(GetItemCommand).key({ trackingCode: 'PARITY-EDB01' }).send();
    expect(Item).toEqual({ trackingCode: 'PARITY-EDB01', requestId: 'req-edb' });

    // and the stored items have the same shape, attribute for attribute
    const stored = (code: string) => raw(edb.TrackingCode.get({ trackingCode: code }).params().Key);
    const a = await stored('PARITY-TBX01');
    const b = await stored('PARITY-EDB01');
    expect(a && Object.keys(a).sort()).toEqual(b && Object.keys(b).sort());
    expect(a?.pk).toBe('$smartkampung#trackingcode_parity-tbx01');
    expect(a?.__edb_e__).toBe(b?.__edb_e__);
  });
});
