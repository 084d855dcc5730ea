import { contract } from '../../lib/contract';
import { OwnerProduct } from '../response-schemas';
import { ProductParams, ProductPatchBody } from '../schemas';

export default contract({
  route: 'products.patch',
  params: ProductParams,
  body: ProductPatchBody,
  openapi: () => ({
    response: { status: 200, schema: OwnerProduct, description: 'The product after the change, owner view' },
  }),
});
