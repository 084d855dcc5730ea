import { endpoint, json } from '../../lib/http';
import { withCursor } from '../../lib/paging';
import { listVillageProducts } from '../store';
import { publicProduct } from '../views';
import contract from './list.contract';

/** Published products of a village (public; a suspended seller's products are not in this index). */
export const handler = endpoint(contract, async ({ params, query }) => {
  const page = await withCursor(query.cursor, () => listVillageProducts(params.code, query));
  return json(200, { items: page.data.map(publicProduct), cursor: page.cursor ?? null });
});
