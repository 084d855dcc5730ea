import { endpoint, json } from '../../lib/http';
import { withCursor } from '../../lib/paging';
import { ProductListQuery, VillageParams } from '../schemas';
import { listVillageProducts } from '../store';
import { publicProduct } from '../views';

/** Published products of a village (public; a suspended seller's products are not in this index). */
export const handler = endpoint(
  'products.list',
  { params: VillageParams, query: ProductListQuery },
  async ({ params, query }) => {
    const page = await withCursor(query.cursor, () => listVillageProducts(params.code, query));
    return json(200, { items: page.data.map(publicProduct), cursor: page.cursor ?? null });
  },
);
