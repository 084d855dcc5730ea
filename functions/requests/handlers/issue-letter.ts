/**
 * The letter issuer: the completion's outbox intent (a `pending` letter, written in the completion's
 * transaction) → SQS → this function on AWS (infra/stacks/api-stack.ts: retries, then the dead-letter
 * queue); locally the runtime delivers the same SQS record once the completing route has answered
 * (infra/local/letter-events.ts). Idempotent (requests/letters.ts `issueLetter`): a redelivery of an
 * issued letter does nothing, a retry after a crash stores the same file under the same key. A failure
 * is reported for its record only, so SQS retries that one.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { config } from '../../lib/config';
import { log } from '../../lib/log';
import { issueLetter } from '../letter-issue';

// at import, i.e. the cold start: a bad environment fails the function's init loudly (lib/config.ts)
config();

function tokenOf(body: string): string | undefined {
  try {
    const token = (JSON.parse(body) as { token?: unknown }).token;
    return typeof token === 'string' && /^[0-9a-f]{32}$/.test(token) ? token : undefined;
  } catch {
    return undefined;
  }
}

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const token = tokenOf(record.body);
    if (!token) {
      log('warn', 'letter.ignored', { messageId: record.messageId });
      continue;
    }
    try {
      const letter = await issueLetter(token);
      log('info', 'letter.issued', { requestId: letter.requestId, status: letter.status });
    } catch (error) {
      log('error', 'letter.failed', { messageId: record.messageId, error: (error as Error).name });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
