import { Forbidden } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { getSeller } from '../../products/store';
import { sellerView } from '../store';
import contract from './get.contract';

export const handler = endpoint(contract, async ({ params, caller, authorize }) => {
  const seller = await getSeller(params.id);
  const role = authorize(seller);
  if (role === 'seller' && caller?.seller !== seller.id) throw new Forbidden();
  return json(200, sellerView(seller));
});
