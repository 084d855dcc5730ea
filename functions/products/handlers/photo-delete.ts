import { authorize } from '../../lib/auth';
import { Forbidden } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { routeById } from '../../routes';
import { deletePhoto } from '../photo-store';
import { PhotoParams } from '../schemas';
import { getProduct } from '../store';
import { ownerProduct } from '../views';

const route = routeById('photos.delete');

/**
 * The seller removes one photo of its product: 200 with the product (owner view); 404 for a photo the
 * product does not have; 409 `last_photo` for the last ready photo of a published product.
 */
export const handler = endpoint('photos.delete', { params: PhotoParams }, async ({ params, caller, now }) => {
  const product = await getProduct(params.id);
  authorize(route, caller, product);
  if (caller?.seller !== product.sellerId) throw new Forbidden();
  return json(200, ownerProduct(await deletePhoto(product, params.photoId, now)));
});
