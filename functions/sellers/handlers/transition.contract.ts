import { contract } from '../../lib/contract';
import { SellerOut } from '../response-schemas';
import { SellerParams, SellerTransitionBody } from '../schemas';

export default contract({
  route: 'sellers.transition',
  params: SellerParams,
  body: SellerTransitionBody,
  openapi: () => ({
    response: { status: 200, schema: SellerOut, description: 'The seller after the transition' },
  }),
});
