import { contract } from '../../lib/contract';
import * as z from '../../lib/zod';
import { PhotoCreateBody, ProductParams } from '../schemas';

export default contract({
  route: 'photos.create',
  params: ProductParams,
  body: PhotoCreateBody,
  openapi: () => ({
    response: {
      status: 201,
      schema: z.object({ photoId: z.string(), url: z.string(), fields: z.record(z.string(), z.string()) }),
      description: 'Presigned POST: post the fields and then the file to url',
    },
  }),
});
