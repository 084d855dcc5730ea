/**
 * The local table's indexes as infra/table-design.ts has them now. A table made by an earlier version
 * (a data directory kept between `npm start`s) may carry an index with another projection — an index
 * that projected a request's applicant into what public routes read: each such index is dropped and
 * made again with the design's projection (DynamoDB Local fills it from the table), an index missing
 * is made. The same change on AWS is a deployment per index (docs/deploy.md "Upgrading the indexes").
 */
import {
  DescribeTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndexDescription,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { type Projection, tableDesign } from '../table-design';

const sameProjection = (have: GlobalSecondaryIndexDescription['Projection'], want: Projection) =>
  have?.ProjectionType === want.ProjectionType &&
  (want.ProjectionType === 'ALL' ||
    JSON.stringify([...(have.NonKeyAttributes ?? [])].sort()) ===
      JSON.stringify([...want.NonKeyAttributes].sort()));

async function untilActive(dynamo: DynamoDBClient, TableName: string, IndexName: string, gone = false) {
  for (let i = 0; i < 600; i++) {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName }));
    const index = Table?.GlobalSecondaryIndexes?.find((g) => g.IndexName === IndexName);
    if (gone ? !index : index?.IndexStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${TableName}/${IndexName} did not become ${gone ? 'deleted' : 'active'}`);
}

/** Makes the table's indexes those of the design; returns the names of the indexes it (re)made. */
export async function reconcileIndexes(dynamo: DynamoDBClient, TableName: string): Promise<string[]> {
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName }));
  const remade: string[] = [];
  for (const want of tableDesign.GlobalSecondaryIndexes) {
    const have = Table?.GlobalSecondaryIndexes?.find((g) => g.IndexName === want.IndexName);
    if (have && sameProjection(have.Projection, want.Projection)) continue;
    if (have) {
      await dynamo.send(
        new UpdateTableCommand({
          TableName,
          GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: want.IndexName } }],
        }),
      );
      await untilActive(dynamo, TableName, want.IndexName, true);
    }
    await dynamo.send(
      new UpdateTableCommand({
        TableName,
        AttributeDefinitions: tableDesign.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [
          { Create: { IndexName: want.IndexName, KeySchema: want.KeySchema, Projection: want.Projection } },
        ],
      }),
    );
    await untilActive(dynamo, TableName, want.IndexName);
    remade.push(want.IndexName);
  }
  return remade;
}
