import { contract } from '../../lib/contract';
import { OwnerProduct } from '../response-schemas';
import { ProductCreateBody, VillageParams } from '../schemas';

export default contract({
  route: 'products.create',
  params: VillageParams,
  body: ProductCreateBody,
  openapi: () => ({
    response: { status: 201, schema: OwnerProduct, description: 'The product (a draft), owner view' },
  }),
});
