import { Forbidden } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { createPhoto } from '../photo-store';
import { getProduct } from '../store';
import contract from './photo-create.contract';

/** A presigned POST for one photo (≤ 8 MB, JPEG/PNG/WebP declared; the real type is checked later). */
export const handler = endpoint(contract, async ({ params, body, caller, authorize, now }) => {
  const product = await getProduct(params.id);
  authorize(product);
  if (caller?.seller !== product.sellerId) throw new Forbidden();
  return json(201, await createPhoto(product, body, now));
});
