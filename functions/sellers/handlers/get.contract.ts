import { contract } from '../../lib/contract';
import { SellerOut } from '../response-schemas';
import { SellerParams } from '../schemas';

export default contract({
  route: 'sellers.get',
  params: SellerParams,
  openapi: () => ({ response: { status: 200, schema: SellerOut } }),
});
