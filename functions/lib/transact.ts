/**
 * Transactions over the table (its own module: dynamodb-toolbox is not marked side-effect free, so
 * only a function that writes transactions should import its transaction code).
 */
import { type ExecuteTransactWriteInput, execute } from 'dynamodb-toolbox/entity/actions/transactWrite';

export type TransactResult = { canceled: false } | { canceled: true; reasons: string[] };

/**
 * Writes all or nothing. A canceled transaction answers its per-item reasons (`ConditionalCheckFailed`,
 * `None`, …) in order, as ElectroDB's `{canceled, data}` did; any other failure throws.
 */
export async function transact(
  ...items: Extract<ExecuteTransactWriteInput, unknown[]>
): Promise<TransactResult> {
  try {
    await execute(...items);
    return { canceled: false };
  } catch (error) {
    const e = error as { name?: string; CancellationReasons?: { Code?: string }[] };
    if (e?.name !== 'TransactionCanceledException') throw error;
    return { canceled: true, reasons: (e.CancellationReasons ?? []).map((r) => r.Code ?? 'None') };
  }
}
