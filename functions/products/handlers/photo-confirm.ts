import { authorize } from '../../lib/auth';
import { config } from '../../lib/config';
import { Forbidden, Unprocessable } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { headObject } from '../../lib/s3';
import type { ProductItem } from '../../lib/table';
import { routeById } from '../../routes';
import { incomingPhotoKey } from '../photo-store';
import { PhotoParams } from '../schemas';
import { getProduct } from '../store';
import { ownerProduct } from '../views';

const route = routeById('photos.confirm');

const settled = (product: ProductItem, photoId: string) => {
  const status = product.photos.find((p) => p.id === photoId)?.status;
  return status === 'ready' || status === 'failed';
};

/**
 * The client's "uploaded" (idempotent). Processing is not done here: on AWS the S3 event does it
 * (EventBridge → SQS → products/handlers/process-photo), so this function carries neither sharp nor
 * the processing code. A photo already processed or refused → 200 with the product; an upload that
 * is there but not processed yet → 202 (the photo shows `processing`; poll GET /products/{id});
 * nothing uploaded → 422 photo_missing. Locally the runtime delivers the S3 event to the same
 * processor before this handler runs (infra/local/s3-events.ts), so confirm answers 200.
 */
export const handler = endpoint('photos.confirm', { params: PhotoParams }, async ({ params, caller }) => {
  const product = await getProduct(params.id);
  authorize(route, caller, product);
  if (caller?.seller !== product.sellerId) throw new Forbidden();
  if (!product.photos.some((p) => p.id === params.photoId))
    throw new Unprocessable('photo_unknown', 'error.photo_unknown', [
      { path: 'photoId', message: 'field.invalid' },
    ]);
  if (settled(product, params.photoId)) return json(200, ownerProduct(product));

  // an oversized object is accepted here too: the processor refuses it (`failed`, too_large), the
  // one place that marks photos failed (the presigned POST's content-length-range stops it anyway)
  const uploaded = await headObject(config.UPLOADS_BUCKET, incomingPhotoKey(product.id, params.photoId));
  if (uploaded) return json(202, ownerProduct(product));
  // no object: not uploaded yet — or processed (and moved away) since we read the product
  const now = await getProduct(params.id);
  if (settled(now, params.photoId)) return json(200, ownerProduct(now));
  throw new Unprocessable('photo_missing', 'error.photo_missing', [
    { path: 'file', message: 'error.photo_missing' },
  ]);
});
