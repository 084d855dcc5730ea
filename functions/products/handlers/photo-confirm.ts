import { Forbidden } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { confirmPhoto } from '../photo-confirm';
import { getProduct } from '../store';
import { ownerProduct } from '../views';
import contract from './photo-confirm.contract';

/** The seller's "uploaded": 200 once the photo is processed (or refused), 202 while it is (photo-confirm.ts). */
export const handler = endpoint(contract, async ({ params, caller, authorize, now }) => {
  const product = await getProduct(params.id);
  authorize(product);
  if (caller?.seller !== product.sellerId) throw new Forbidden();
  const confirmed = await confirmPhoto(product, params.photoId, now);
  return json(confirmed.status, ownerProduct(confirmed.product));
});
