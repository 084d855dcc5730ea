/**
 * The local table gets the indexes of infra/table-design.ts, projections included — also a table kept
 * from a run before a projection changed (a data directory reused by `npm start`); a kept table of an
 * earlier key format is refused with what to do.
 */
import {
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTableAndBucket } from '../../infra/local/runtime';
import {
  type EmbeddedServers,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startEmbedded,
} from '../../infra/local/servers';
import { checkTableFormat, OldTableFormat, TABLE_FORMAT } from '../../infra/local/table-format';
import { reconcileIndexes } from '../../infra/local/table-indexes';
import { tableDesign } from '../../infra/table-design';

let servers: EmbeddedServers;
let ddb: DynamoDBClient;

beforeAll(async () => {
  servers = await startEmbedded({});
  ddb = new DynamoDBClient({
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: servers.dynamoEndpoint,
  });
}, 60_000);

afterAll(async () => {
  ddb?.destroy();
  await servers?.stop();
}, 30_000);

describe('local table indexes', () => {
  it("a table made with every index projecting ALL is brought to the design's projections, items kept", async () => {
    const TableName = 'smart-kampung-old-indexes';
    const { ttlAttribute: _ttl, ...design } = tableDesign;
    await ddb.send(
      new CreateTableCommand({
        TableName,
        ...design,
        GlobalSecondaryIndexes: design.GlobalSecondaryIndexes.map((g) => ({
          ...g,
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
    // a request in its village's status partition of gsi3, applicant and all
    await ddb.send(
      new PutItemCommand({
        TableName,
        Item: {
          pk: { S: 'request#r1' },
          sk: { S: 'request' },
          id: { S: 'r1' },
          status: { S: 'submitted' },
          applicant: { M: { name: { S: 'Siti' }, nik: { S: '3510240101900001' } } },
          gsi3pk: { S: 'village#35.10.24.2008#requests#submitted' },
          gsi3sk: { S: 'request#1#2026-01-05t01:00:00.000z#r1' },
        },
      }),
    );
    expect((await reconcileIndexes(ddb, TableName)).sort()).toEqual(
      tableDesign.GlobalSecondaryIndexes.filter((g) => g.Projection.ProjectionType !== 'ALL').map(
        (g) => g.IndexName,
      ),
    );
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName }));
    for (const want of tableDesign.GlobalSecondaryIndexes) {
      const have = Table?.GlobalSecondaryIndexes?.find((g) => g.IndexName === want.IndexName);
      expect(have?.IndexStatus, want.IndexName).toBe('ACTIVE');
      expect(have?.Projection?.ProjectionType, want.IndexName).toBe(want.Projection.ProjectionType);
      if (want.Projection.ProjectionType === 'INCLUDE')
        expect([...(have?.Projection?.NonKeyAttributes ?? [])].sort()).toEqual(
          [...want.Projection.NonKeyAttributes].sort(),
        );
    }
    // the index was filled again from the table, with what it projects only
    const { Items } = await ddb.send(
      new QueryCommand({
        TableName,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: {
          ':pk': { S: 'village#35.10.24.2008#requests#submitted' },
        },
      }),
    );
    expect(Items).toHaveLength(1);
    expect(Items?.[0]?.status?.S).toBe('submitted');
    expect(Items?.[0]?.applicant).toBeUndefined();
    // once in shape, nothing is made again
    expect(await reconcileIndexes(ddb, TableName)).toEqual([]);
  }, 60_000);
});

describe('local table format', () => {
  const { ttlAttribute: _ttl, ...design } = tableDesign;
  const marker = { pk: { S: 'table' }, sk: { S: 'format' } };

  it("a kept table of ElectroDB's key format (before issue 14) is refused at start, naming what to do", async () => {
    // the table `npm start` keeps, as an earlier version left it: a village in ElectroDB's format
    await ddb.send(new CreateTableCommand({ TableName: 'smart-kampung', ...design }));
    await ddb.send(
      new PutItemCommand({
        TableName: 'smart-kampung',
        Item: {
          pk: { S: '$smartkampung#code_35.10.24.2008' },
          sk: { S: '$village_1' },
          code: { S: '35.10.24.2008' },
          __edb_e__: { S: 'village' },
          __edb_v__: { S: '1' },
        },
      }),
    );
    const start = ensureTableAndBucket(servers.dynamoEndpoint, servers.s3Endpoint);
    await expect(start).rejects.toBeInstanceOf(OldTableFormat);
    await expect(start).rejects.toThrow(/earlier version.*ElectroDB/);
  }, 60_000);

  it('an empty kept table is marked with the format and taken; a marked one is taken as it is', async () => {
    const TableName = 'smart-kampung-unmarked';
    await ddb.send(new CreateTableCommand({ TableName, ...design }));
    await checkTableFormat(ddb, TableName);
    const { Item } = await ddb.send(new GetItemCommand({ TableName, Key: marker }));
    expect(Item?.format?.N).toBe(String(TABLE_FORMAT));
    await ddb.send(
      new PutItemCommand({ TableName, Item: { pk: { S: 'village#35.10.24.2008' }, sk: { S: 'village' } } }),
    );
    await expect(checkTableFormat(ddb, TableName)).resolves.toBeUndefined();
    // a marker of another format is refused too
    await ddb.send(new PutItemCommand({ TableName, Item: { ...marker, format: { N: '1' } } }));
    await expect(checkTableFormat(ddb, TableName)).rejects.toThrow(/table format 1/);
    await ddb.send(new DeleteItemCommand({ TableName, Key: marker }));
    await expect(checkTableFormat(ddb, TableName)).rejects.toBeInstanceOf(OldTableFormat);
  }, 60_000);
});
