/**
 * The local routes' body schemas for the fuzzer (test/support/fuzz.ts), restated as JSON Schema: local
 * routes are not in /openapi.json, where the fuzzer reads every other route's.
 */
import { CARRIED } from '../../functions/auth/authorize-request';
import type { JsonSchema } from './fuzz-schema';

/** local.token's zod body (functions/auth/local-token.ts), restated: local routes are not in /openapi.json */
export const LOCAL_TOKEN: JsonSchema = {
  type: 'object',
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 128 },
    password: { type: 'string', minLength: 1, maxLength: 256 },
  },
  required: ['username', 'password'],
};

/** The local OAuth endpoints' form bodies (functions/auth/*.contract.ts), restated likewise. */
const optionalStrings = (names: string[], maxLength: number): JsonSchema => ({
  type: 'object',
  properties: Object.fromEntries(names.map((n) => [n, { type: 'string', maxLength }])),
});
/** what the sign-in form carries from page to page: the authorize request's own list */
const OAUTH_PARAMS = CARRIED;
export const LOCAL_FORMS: Record<string, JsonSchema> = {
  'local.authorize.submit': optionalStrings(
    [...OAUTH_PARAMS, 'step', 'username', 'password', 'session', 'new_password', 'new_password_again'],
    2048,
  ),
  'local.oauth.token': optionalStrings(
    ['grant_type', 'code', 'redirect_uri', 'client_id', 'code_verifier', 'refresh_token', 'scope'],
    4096,
  ),
  'local.oauth.revoke': optionalStrings(['token', 'client_id', 'token_type_hint'], 4096),
};
