import { authorize } from '../../lib/auth';
import { Forbidden } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { withCursor } from '../../lib/paging';
import { ProductListQuery } from '../../products/schemas';
import { getSeller, listSellerProducts } from '../../products/store';
import { ownerProduct } from '../../products/views';
import { routeById } from '../../routes';
import { SellerParams } from '../schemas';

const route = routeById('sellers.products');

export const handler = endpoint(
  'sellers.products',
  { params: SellerParams, query: ProductListQuery },
  async ({ params, query, caller }) => {
    const seller = await getSeller(params.id);
    const role = authorize(route, caller, seller);
    if (role === 'seller' && caller?.seller !== seller.id) throw new Forbidden();
    const page = await withCursor(query.cursor, () => listSellerProducts(seller.id, query));
    return json(200, { items: page.data.map(ownerProduct), cursor: page.cursor ?? null });
  },
);
