import { authorize } from '../../lib/auth';
import { Forbidden } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { routeById } from '../../routes';
import { processUploadedPhoto } from '../photo-process';
import { PhotoParams } from '../schemas';
import { getProduct } from '../store';
import { ownerProduct } from '../views';

const route = routeById('photos.confirm');

/** Processes the uploaded photo now (idempotent) and answers the product with the photo's state. */
export const handler = endpoint(
  'photos.confirm',
  { params: PhotoParams },
  async ({ params, caller, now }) => {
    const product = await getProduct(params.id);
    authorize(route, caller, product);
    if (caller?.seller !== product.sellerId) throw new Forbidden();
    const next = await processUploadedPhoto(product.id, params.photoId, now);
    return json(200, ownerProduct(next));
  },
);
