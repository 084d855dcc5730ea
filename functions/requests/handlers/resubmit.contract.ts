import { AnyObject, contract } from '../../lib/contract';
import * as z from '../../lib/zod';
import { RequestParams, ResubmitBody } from '../schemas';

export default contract({
  route: 'requests.resubmit',
  params: RequestParams,
  body: ResubmitBody,
  openapi: async () => ({
    body: z.extend(ResubmitBody, {
      fields: z.optional((await import('../../catalogue/field-docs')).resubmitFieldsDoc()),
    }),
    bodyTypes: ['application/json', 'application/x-www-form-urlencoded'],
    response: {
      status: 200,
      schema: AnyObject,
      description:
        'Resubmitted (a form post, secret in the `secret` field, is redirected to the receipt page)',
    },
  }),
});
