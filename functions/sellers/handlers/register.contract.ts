import { contract } from '../../lib/contract';
import { SellerRegistration } from '../response-schemas';
import { SellerRegisterBody, VillageParams } from '../schemas';

export default contract({
  route: 'sellers.register',
  params: VillageParams,
  body: SellerRegisterBody,
  openapi: () => ({ response: { status: 201, schema: SellerRegistration } }),
});
