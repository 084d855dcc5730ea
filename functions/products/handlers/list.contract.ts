import { contract } from '../../lib/contract';
import { PublicProductPage } from '../response-schemas';
import { ProductListQuery, VillageParams } from '../schemas';

export default contract({
  route: 'products.list',
  params: VillageParams,
  query: ProductListQuery,
  openapi: () => ({ response: { status: 200, schema: PublicProductPage } }),
});
