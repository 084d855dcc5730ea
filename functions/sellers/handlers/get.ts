import { authorize } from '../../lib/auth';
import { Forbidden } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { getSeller } from '../../products/store';
import { routeById } from '../../routes';
import { SellerParams } from '../schemas';
import { sellerView } from '../store';

const route = routeById('sellers.get');

export const handler = endpoint('sellers.get', { params: SellerParams }, async ({ params, caller }) => {
  const seller = await getSeller(params.id);
  const role = authorize(route, caller, seller);
  if (role === 'seller' && caller?.seller !== seller.id) throw new Forbidden();
  return json(200, sellerView(seller));
});
