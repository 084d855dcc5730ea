import { contract } from '../../lib/contract';
import { OwnerProductPage } from '../../products/response-schemas';
import { ProductListQuery } from '../../products/schemas';
import { SellerParams } from '../schemas';

export default contract({
  route: 'sellers.products',
  params: SellerParams,
  query: ProductListQuery,
  openapi: () => ({
    response: {
      status: 200,
      schema: OwnerProductPage,
      description: "The seller's products in every state (owner view)",
    },
  }),
});
