/**
 * DynamoDB Local answers a transaction before it has committed it. Its SQLite layer runs every
 * database job on one thread, in order (sqlite4java's SQLiteQueue); each operation queues its job and
 * waits for it — except `SQLiteDBAccess.commitTransaction`, which queues the transaction's COMMIT and
 * returns without waiting, so TransactWriteItems (and PartiQL's ExecuteTransaction) answers 200 while
 * the COMMIT may still be queued or running. A kill of the JVM in that window (a few ms: the COMMIT
 * writes and syncs SQLite's journal) leaves a hot journal that SQLite rolls back at the next start:
 * the whole acknowledged transaction is gone (issue 13, defect 4).
 *
 * The fix holds the answer until the commit has run: after every successful transaction the client
 * sends one more request that queues a database job (ListTables) and answers only when that job has
 * run. The queue runs jobs in order, so the transaction's COMMIT has run by then, and what is committed
 * in SQLite survives a kill of the process (rollback journal; SQLite's default synchronous=FULL).
 *
 * Installed by the local runtime on the handlers' own client (functions/lib/aws.ts): what the API
 * acknowledges, DynamoDB Local has committed. Other clients of the DynamoDB Local endpoint get its own
 * behaviour. Real DynamoDB commits before it answers; nothing of this runs there.
 */
import { type DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

/** the operations whose answer DynamoDB Local sends before their COMMIT has run */
const COMMITTED_LATE = new Set(['TransactWriteItemsCommand', 'ExecuteTransactionCommand']);

const installed = new WeakSet<DynamoDBClient>();

/** After each successful transaction, wait until DynamoDB Local has committed it (see above). */
export function holdUntilCommitted(client: DynamoDBClient): void {
  if (installed.has(client)) return;
  installed.add(client);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (COMMITTED_LATE.has(context.commandName ?? ''))
        await client.send(new ListTablesCommand({ Limit: 1 }));
      return result;
    },
    { step: 'initialize', name: 'holdUntilCommitted' },
  );
}
