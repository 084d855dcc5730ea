import { contract } from '../../lib/contract';
import { OwnerProduct } from '../response-schemas';
import { PhotoParams } from '../schemas';

export default contract({
  route: 'photos.delete',
  params: PhotoParams,
  openapi: () => ({
    response: {
      status: 200,
      schema: OwnerProduct,
      description: 'The product (owner view) without the photo; its variants and original are deleted',
    },
  }),
});
