import { NotFound } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { optionalCaller } from '../../lib/optional-auth';
import { canManage } from '../access';
import { getProduct } from '../store';
import { ownerProduct, publicProduct } from '../views';
import contract from './get.contract';

/**
 * Public when the product is public. Its seller and the officers over its village (bearer token)
 * get the owner view in any state — photos `processing`, `ready` or `failed` with the reason.
 * Anyone else asking for a product that is not public gets 404, not 403: nothing is revealed.
 */
export const handler = endpoint(contract, async ({ params, headers }) => {
  const caller = await optionalCaller(headers);
  const product = await getProduct(params.id);
  if (canManage(caller, product)) return json(200, ownerProduct(product));
  if (product.visibility !== 'public') throw new NotFound('error.product_not_found');
  return json(200, publicProduct(product), { 'cache-control': 'public, max-age=60' });
});
