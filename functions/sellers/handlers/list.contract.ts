import { contract } from '../../lib/contract';
import { SellerPage } from '../response-schemas';
import { SellerListQuery, VillageParams } from '../schemas';

export default contract({
  route: 'sellers.list',
  params: VillageParams,
  query: SellerListQuery,
  openapi: () => ({ response: { status: 200, schema: SellerPage } }),
});
