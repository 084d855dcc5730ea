import { Forbidden } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { deletePhoto } from '../photo-store';
import { getProduct } from '../store';
import { ownerProduct } from '../views';
import contract from './photo-delete.contract';

/**
 * The seller removes one photo of its product: 200 with the product (owner view); 404 for a photo the
 * product does not have; 409 `last_photo` for the last ready photo of a published product.
 */
export const handler = endpoint(contract, async ({ params, caller, authorize, now }) => {
  const product = await getProduct(params.id);
  authorize(product);
  if (caller?.seller !== product.sellerId) throw new Forbidden();
  return json(200, ownerProduct(await deletePhoto(product, params.photoId, now)));
});
