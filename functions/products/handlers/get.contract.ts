import { contract } from '../../lib/contract';
import { ProductAnyView } from '../response-schemas';
import { ProductParams } from '../schemas';

export default contract({
  route: 'products.get',
  params: ProductParams,
  openapi: () => ({
    response: {
      status: 200,
      schema: ProductAnyView,
      description:
        'Its seller and the officers over its village (bearer token) get the owner view in any state (photos `processing`, `ready` or `failed`); anyone else the public view of a public product',
    },
  }),
});
