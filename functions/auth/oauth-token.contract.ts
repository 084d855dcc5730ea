import { contract, type ErrorBody } from '../lib/contract';
import * as z from '../lib/zod';

const field = z.optional(z.string().check(z.maxLength(4096)));

/** OAuth 2.0's error answer (RFC 6749 §5.2), what Cognito's token endpoint answers. */
export const OAuthError = z.object({ error: z.string(), error_description: z.optional(z.string()) });

/** Errors the chain raises before the handler (a JSON body, a body too large) in OAuth's shape. */
export const oauthErrors = {
  schema: OAuthError,
  format: (statusCode: number, body: ErrorBody) => ({
    error: statusCode === 429 ? 'slow_down' : 'invalid_request',
    error_description: body.error.message,
  }),
};

export const TokenAnswer = z.object({
  id_token: z.string(),
  access_token: z.string(),
  refresh_token: z.optional(z.string()),
  expires_in: z.number(),
  token_type: z.literal('Bearer'),
});

export default contract({
  route: 'local.oauth.token',
  body: z.object({
    grant_type: field,
    code: field,
    redirect_uri: field,
    client_id: field,
    code_verifier: field,
    refresh_token: field,
    scope: field,
  }),
  errors: oauthErrors,
  openapi: () => ({
    bodyTypes: ['application/x-www-form-urlencoded'],
    response: { status: 200, schema: TokenAnswer },
  }),
});
