import { contract } from '../../lib/contract';
import * as z from '../../lib/zod';
import { SubmitBody, VillageRequestsParams } from '../schemas';

export default contract({
  route: 'requests.submit',
  params: VillageRequestsParams,
  // checked by submitRequest, not here: the applicant's fields and the service's in one 400 (checkSubmission)
  body: z.unknown(),
  openapi: async () => ({
    body: z.extend(SubmitBody, {
      fields: z.optional((await import('../../catalogue/field-docs')).submitFieldsDoc()),
    }),
    bodyTypes: ['application/json', 'application/x-www-form-urlencoded'],
    response: {
      status: 201,
      schema: z.object({
        id: z.string(),
        trackingCode: z.string(),
        secret: z.string(),
        status: z.literal('submitted'),
        dueAt: z.nullable(z.string()),
      }),
      description: 'Receipt (a form post is redirected to the receipt page)',
    },
  }),
});
