/**
 * The photo processor, the one place photos are processed: S3 "Object Created" (EventBridge) → SQS →
 * this function on AWS, and the same message sent to the same queue by photo confirm (a second trigger
 * for a lost or late S3 event; both usually arrive, and the second finds the photo settled); locally the runtime delivers the same SQS record when the confirm route is
 * called (infra/local/s3-events.ts), since the local S3 server sends no events. A failure is reported
 * for that record only, so SQS retries it; on the last delivery (PHOTO_MAX_RECEIVES, the queue's
 * maxReceiveCount) the photo is marked `failed` (`processing_failed`) instead, and the record is done.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { config } from '../../lib/config';
import { AppError } from '../../lib/errors';
import { log } from '../../lib/log';
import { PHOTO_MAX_RECEIVES } from '../photo-limits';
import { markPhotoFailed, processUploadedPhoto } from '../photo-process';
import { parseIncomingKey } from '../photo-store';

// at import, i.e. the cold start: a bad environment fails the function's init loudly (lib/config.ts)
config();

interface S3ObjectCreated {
  detail?: { object?: { key?: string } };
}

/** The object key of the S3 event in an SQS record's body ('' when it is not one). */
function keyOf(body: string): string {
  try {
    const event = JSON.parse(body) as S3ObjectCreated;
    return decodeURIComponent((event.detail?.object?.key ?? '').replace(/\+/g, ' '));
  } catch {
    return '';
  }
}

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const ids = parseIncomingKey(keyOf(record.body));
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
      const receives = Number(record.attributes?.ApproximateReceiveCount ?? '1');
      const ids = parseIncomingKey(keyOf(record.body));
      if (ids && receives >= PHOTO_MAX_RECEIVES) {
        // the last delivery: SQS would park the event in the dead-letter queue and the photo would
        // show `processing` forever. Say it failed instead; the seller can delete it and try again.
        log('error', 'photo.gave_up', {
          messageId: record.messageId,
          error: (error as Error).name,
          receives,
        });
        try {
          await markPhotoFailed(ids.productId, ids.photoId, 'processing_failed', new Date());
          continue;
        } catch (markError) {
          log('error', 'photo.mark_failed', {
            messageId: record.messageId,
            error: (markError as Error).name,
          });
        }
      } else {
        log('error', 'photo.failed', { messageId: record.messageId, error: (error as Error).name, receives });
      }
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
