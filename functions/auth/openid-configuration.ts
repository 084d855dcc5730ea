import { endpoint, json } from '../lib/http';
import { SCOPES } from './authorize-request';
import { issuerEndpoints } from './oauth-clients';
import contract from './openid-configuration.contract';

/**
 * The local issuer's OpenID discovery document, shaped as Cognito's (local runtime only). Cognito's
 * has no end-session endpoint: its sign-out is `<domain>/logout`, given here as `end_session_endpoint`
 * too for clients that look for one (the workspace reads /kerja/config.json instead).
 */
export const handler = endpoint(contract, async () => {
  const e = issuerEndpoints();
  return json(
    200,
    {
      issuer: e.issuer,
      authorization_endpoint: e.authorization,
      token_endpoint: e.token,
      revocation_endpoint: e.revocation,
      end_session_endpoint: e.logout,
      jwks_uri: e.jwks,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: [...SCOPES],
      token_endpoint_auth_methods_supported: ['none'],
      code_challenge_methods_supported: ['S256'],
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'nonce',
        'name',
        'email',
        'cognito:username',
        'cognito:groups',
      ],
    },
    { 'cache-control': 'public, max-age=300' },
  );
});
