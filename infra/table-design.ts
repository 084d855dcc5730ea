/**
 * The single table's key design, shared by CDK (infra/stacks/data-stack.ts) and the local runtime
 * (infra/local/), which creates DynamoDB Local's table from this very object — so the indexes the
 * entities query exist in both places or in neither.
 *
 * Shaped like DynamoDB's CreateTable input minus `TableName`, plus the TTL attribute (TTL is a
 * separate UpdateTimeToLive call in the API). Attribute names stay generic (`pk`, `gsi1pk`, ...);
 * the entities (dynamodb-toolbox, functions/lib/table.ts) decide what goes into them.
 */
export const gsiNames = ['gsi1', 'gsi2', 'gsi3', 'gsi4'] as const;
export type GsiName = (typeof gsiNames)[number];

type KeyType = 'HASH' | 'RANGE';
interface KeySchemaElement {
  AttributeName: string;
  KeyType: KeyType;
}

export interface TableDesign {
  KeySchema: KeySchemaElement[];
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
  GlobalSecondaryIndexes: {
    IndexName: GsiName;
    KeySchema: KeySchemaElement[];
    Projection: { ProjectionType: 'ALL' };
  }[];
  BillingMode: 'PAY_PER_REQUEST';
  /** epoch seconds; DynamoDB deletes the item some time after it passes */
  ttlAttribute: string;
}

export const tableDesign: TableDesign = {
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
    ...gsiNames.flatMap((name) => [
      { AttributeName: `${name}pk`, AttributeType: 'S' as const },
      { AttributeName: `${name}sk`, AttributeType: 'S' as const },
    ]),
  ],
  GlobalSecondaryIndexes: gsiNames.map((name) => ({
    IndexName: name,
    KeySchema: [
      { AttributeName: `${name}pk`, KeyType: 'HASH' as const },
      { AttributeName: `${name}sk`, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  })),
  BillingMode: 'PAY_PER_REQUEST',
  ttlAttribute: 'expiresAt',
};
