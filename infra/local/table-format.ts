/**
 * The stored format of a local table kept between runs (a data directory reused by `npm start`).
 * Items written before issue 14 carry ElectroDB's key format (`$smartkampung#id_…`, `__edb_e__`),
 * which the entities no longer read: such a table is refused at start with what to do, instead of
 * every page answering 404 (docs/decisions/0026-native-toolbox-keys.md). A table this version made
 * holds a marker item with its format.
 */
import { type DynamoDBClient, GetItemCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';

/** The key format of the entities (functions/lib/key-templates.ts); 1 was ElectroDB's. */
export const TABLE_FORMAT = 2;

/** The marker: outside every entity's key space (no entity's pk is `table`). */
const MARKER = { pk: { S: 'table' }, sk: { S: 'format' } };

export class OldTableFormat extends Error {
  override name = 'OldTableFormat';
}

/** Marks a table just made as holding this format. */
export async function markTableFormat(dynamo: DynamoDBClient, TableName: string): Promise<void> {
  await dynamo.send(
    new PutItemCommand({
      TableName,
      Item: { ...MARKER, format: { N: String(TABLE_FORMAT) }, at: { S: new Date().toISOString() } },
    }),
  );
}

/**
 * Checks a kept table: marked with this format, or empty (then marked) — else it holds items of an
 * earlier format and OldTableFormat is thrown. One GetItem, and for an unmarked table one Scan of a
 * single item (the local runtime's own client: the functions' refuses a Scan).
 */
export async function checkTableFormat(dynamo: DynamoDBClient, TableName: string): Promise<void> {
  const { Item } = await dynamo.send(new GetItemCommand({ TableName, Key: MARKER, ConsistentRead: true }));
  const format = Number(Item?.format?.N ?? 0);
  if (format === TABLE_FORMAT) return;
  if (!Item) {
    const { Items = [] } = await dynamo.send(new ScanCommand({ TableName, Limit: 1 }));
    if (Items.length === 0) return markTableFormat(dynamo, TableName);
  }
  throw new OldTableFormat(
    `the local table was written by ${format > TABLE_FORMAT ? 'a later' : 'an earlier'} version of ` +
      `Smart Kampung, in ${format ? `table format ${format}` : "ElectroDB's key format"}, which this ` +
      `version does not read (format ${TABLE_FORMAT}, docs/decisions/0026-native-toolbox-keys.md)`,
  );
}
