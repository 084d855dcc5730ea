import { contract } from '../lib/contract';
import * as z from '../lib/zod';
import { oauthErrors } from './oauth-token.contract';

const field = z.optional(z.string().check(z.maxLength(4096)));

export default contract({
  route: 'local.oauth.revoke',
  body: z.object({ token: field, client_id: field, token_type_hint: field }),
  errors: oauthErrors,
  openapi: () => ({
    bodyTypes: ['application/x-www-form-urlencoded'],
    response: { status: 200, description: 'revoked (or it was not a valid token: RFC 7009)' },
  }),
});
