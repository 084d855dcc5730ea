import { Forbidden } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { withCursor } from '../../lib/paging';
import { getSeller, listSellerProducts } from '../../products/store';
import { ownerProduct } from '../../products/views';
import contract from './products.contract';

export const handler = endpoint(contract, async ({ params, query, caller, authorize }) => {
  const seller = await getSeller(params.id);
  const role = authorize(seller);
  if (role === 'seller' && caller?.seller !== seller.id) throw new Forbidden();
  const page = await withCursor(query.cursor, () => listSellerProducts(seller.id, query));
  return json(200, { items: page.data.map(ownerProduct), cursor: page.cursor ?? null });
});
