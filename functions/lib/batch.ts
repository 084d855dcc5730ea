/**
 * Many plain writes at once (onboarding, seeds, catalogue defaults): BatchWriteItem in
 * chunks of 25 (DynamoDB's limit), one chunk after another. Items DynamoDB leaves unprocessed
 * (throttling) are retried a few times; any still left fail the call rather than being dropped.
 * Its own module: toolbox is not marked side-effect free, so only functions that batch carry it.
 */
import type { Entity, InputItem } from 'dynamodb-toolbox/entity';
import type { BatchDeleteRequest } from 'dynamodb-toolbox/entity/actions/batchDelete';
import { BatchPutRequest } from 'dynamodb-toolbox/entity/actions/batchPut';
import { BatchWriteCommand, execute } from 'dynamodb-toolbox/table/actions/batchWrite';
import { table } from './table';

export async function batchWrite(requests: (BatchPutRequest | BatchDeleteRequest)[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    const { UnprocessedItems } = await execute(
      { maxAttempts: 5 },
      table.build(BatchWriteCommand).requests(...requests.slice(i, i + 25)),
    );
    const left = Object.values(UnprocessedItems ?? {}).reduce((n, r) => n + (r?.length ?? 0), 0);
    if (left > 0) throw new Error(`${left} items left unprocessed by BatchWriteItem`);
  }
}

/** Plain puts of many items of one entity. */
export function batchPut<E extends Entity>(entity: E, items: InputItem<E>[]): Promise<void> {
  return batchWrite(items.map((item) => entity.build(BatchPutRequest).item(item)));
}
