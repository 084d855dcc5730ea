import { AnyObject, contract } from '../../lib/contract';
import * as z from '../../lib/zod';

export const VerifyParams = z.object({
  token: z.string().check(z.regex(/^[0-9a-fA-F]{32}$/, 'field.invalid')),
});

export default contract({
  route: 'letters.verify',
  params: VerifyParams,
  query: z.object({ lang: z.optional(z.enum(['id', 'en'])) }),
  openapi: () => ({ response: { status: 200, schema: AnyObject } }),
});
