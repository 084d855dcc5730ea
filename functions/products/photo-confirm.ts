import { config } from '../lib/config';
import { Unprocessable } from '../lib/errors';
import { headObject } from '../lib/s3-objects';
import { sendMessage } from '../lib/sqs-messages';
import type { ProductItem } from './entities';
import { incomingPhotoKey, originalPhotoKey, uploadedPhotoMessage } from './photo-store';
import { getProduct } from './store';

const settled = (product: ProductItem, photoId: string) => {
  const status = product.photos.find((p) => p.id === photoId)?.status;
  return status === 'ready' || status === 'failed';
};

/**
 * The client's "uploaded" (idempotent), the second trigger of the photo processor
 * (products/handlers/process-photo) beside the S3 event. The confirm function carries neither sharp
 * nor the processing code: it triggers by message. A photo already processed or refused → 200 with
 * the product; an upload that is there but not processed yet → 202 (the photo shows `processing`;
 * poll GET /products/{id}); nothing uploaded → 422 photo_missing.
 *
 * On AWS (PHOTO_QUEUE_URL set: route `photoQueue: 'write'` grants sqs:SendMessage on that queue only)
 * the 202 case first sends the processor's queue the same message the S3 event puts there
 * (EventBridge "Object Created" for the upload's key; photo-store's uploadedPhotoMessage), so a lost
 * or late S3 event is recovered by the client's confirm. Usually both arrive: the processor is
 * idempotent (a settled photo is left alone; a concurrent second run writes the same variant keys and
 * changes nothing once the first has marked the photo ready), so the second delivery costs a product
 * read, or at worst one more resize. A client that calls confirm again while processing sends again;
 * each such message is the same no-op.
 *
 * Locally (no PHOTO_QUEUE_URL) the runtime delivers the S3 event to the processor before the confirm
 * handler runs (infra/local/s3-events.ts), so confirm answers 200 and sends nothing.
 */
export async function confirmPhoto(
  product: ProductItem,
  photoId: string,
  now: Date,
): Promise<{ status: 200 | 202; product: ProductItem }> {
  if (!product.photos.some((p) => p.id === photoId))
    throw new Unprocessable('photo_unknown', 'error.photo_unknown', [
      { path: 'photoId', message: 'field.invalid' },
    ]);
  if (settled(product, photoId)) return { status: 200, product };

  // an oversized object is accepted here too: the processor refuses it (`failed`, too_large), the
  // one place that marks photos failed (the presigned POST's content-length-range stops it anyway)
  let uploaded = await headObject(config().UPLOADS_BUCKET, incomingPhotoKey(product.id, photoId));
  if (!uploaded) {
    // no object: not uploaded yet — or processed (and moved away) since we read the product, or
    // being processed by a concurrent run that has moved it to originals/ but not yet marked it
    // ready (a confirm at the same time as another, or as the S3 event): still processing, not missing
    const latest = await getProduct(product.id);
    if (settled(latest, photoId)) return { status: 200, product: latest };
    uploaded = await headObject(config().UPLOADS_BUCKET, originalPhotoKey(product.id, photoId));
    if (!uploaded)
      throw new Unprocessable('photo_missing', 'error.photo_missing', [
        { path: 'file', message: 'error.photo_missing' },
      ]);
  }
  // the processor reads the original when the upload has been moved (photo-process.ts)
  const queueUrl = config().PHOTO_QUEUE_URL;
  if (queueUrl)
    await sendMessage(
      queueUrl,
      uploadedPhotoMessage({
        bucket: config().UPLOADS_BUCKET,
        productId: product.id,
        photoId,
        size: uploaded.size,
        region: config().AWS_REGION,
        now,
      }),
    );
  return { status: 202, product };
}
