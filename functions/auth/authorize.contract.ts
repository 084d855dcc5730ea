import { contract } from '../lib/contract';
import * as z from '../lib/zod';

const param = z.optional(z.string().check(z.maxLength(2048)));

/** The OAuth parameters of an authorization request; the handler checks them (./authorize-request.ts). */
export const AuthorizeParams = z.object({
  response_type: param,
  client_id: param,
  redirect_uri: param,
  state: param,
  code_challenge: param,
  code_challenge_method: param,
  scope: param,
  nonce: param,
  lang: param,
});

export default contract({
  route: 'local.authorize',
  query: AuthorizeParams,
  openapi: () => ({ response: { status: 200, html: true, description: 'the sign-in page' } }),
});
