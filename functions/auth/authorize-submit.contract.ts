import { contract } from '../lib/contract';
import * as z from '../lib/zod';
import { AuthorizeParams } from './authorize.contract';

const field = z.optional(z.string().check(z.maxLength(2048)));

export default contract({
  route: 'local.authorize.submit',
  body: z.extend(AuthorizeParams, {
    step: z.optional(z.enum(['password', 'new_password'])),
    username: field,
    password: field,
    session: field,
    new_password: field,
    new_password_again: field,
  }),
  openapi: () => ({
    bodyTypes: ['application/x-www-form-urlencoded'],
    response: { status: 302, description: 'to the redirect URI with the code and state' },
  }),
});
