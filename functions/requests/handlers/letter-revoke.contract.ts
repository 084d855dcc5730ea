import { AnyObject, contract } from '../../lib/contract';
import * as z from '../../lib/zod';
import { RequestParams } from '../schemas';

export const RevokeBody = z.object({
  reason: z.string().check(z.trim(), z.minLength(3, 'field.required'), z.maxLength(1000, 'field.too_long')),
});

export default contract({
  route: 'requests.letterRevoke',
  params: RequestParams,
  body: RevokeBody,
  openapi: () => ({ response: { status: 200, schema: AnyObject } }),
});
