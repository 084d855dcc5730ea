/**
 * The photo processor, the one place photos are processed: S3 "Object Created" (EventBridge) → SQS →
 * this function on AWS; locally the runtime delivers the same SQS record when the confirm route is
 * called (infra/local/s3-events.ts), since the local S3 server sends no events. A failure is reported
 * for that record only, so SQS retries it (and after three tries parks it in the dead-letter queue).
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { AppError } from '../../lib/errors';
import { log } from '../../lib/log';
import { processUploadedPhoto } from '../photo-process';
import { parseIncomingKey } from '../photo-store';

interface S3ObjectCreated {
  detail?: { object?: { key?: string } };
}

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const body = JSON.parse(record.body) as S3ObjectCreated;
      const key = decodeURIComponent((body.detail?.object?.key ?? '').replace(/\+/g, ' '));
      const ids = parseIncomingKey(key);
      if (!ids) {
        log('warn', 'photo.ignored', { messageId: record.messageId });
        continue;
      }
      await processUploadedPhoto(ids.productId, ids.photoId, new Date());
      log('info', 'photo.processed', { productId: ids.productId, photoId: ids.photoId });
    } catch (error) {
      // a refused upload is an answer, not a failure: only unexpected errors are retried
      if (error instanceof AppError && error.statusCode < 500) {
        log('warn', 'photo.refused', { messageId: record.messageId, code: error.code });
        continue;
      }
      log('error', 'photo.failed', { messageId: record.messageId, error: (error as Error).name });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
