import { contract } from '../../lib/contract';
import { OwnerProduct } from '../response-schemas';
import { PhotoParams } from '../schemas';

export default contract({
  route: 'photos.confirm',
  params: PhotoParams,
  openapi: () => ({
    response: {
      status: 200,
      schema: OwnerProduct,
      description:
        'The photo is processed: the product (owner view) with the photo `ready` or `failed` (reason)',
    },
    alsoResponses: [
      {
        status: 202,
        schema: OwnerProduct,
        description:
          'The upload is there and is being processed (the S3 event does it): the product with the photo `processing`; poll GET /products/{id}',
      },
    ],
  }),
});
