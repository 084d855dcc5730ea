import { endpoint, json } from '../lib/http';
import { isClient } from './oauth-clients';
import contract from './oauth-revoke.contract';
import { dropGrant, findGrant } from './oauth-store';

/**
 * `POST <issuer>/oauth2/revoke` (local runtime only), Cognito's RevokeToken for a public client: the
 * refresh token stops working. An unknown token answers 200 as well (RFC 7009 §2.2).
 */
export const handler = endpoint(contract, async ({ body, now }) => {
  if (!body.token) return json(400, { error: 'invalid_request', error_description: 'token is required' });
  if (!isClient(body.client_id))
    return json(400, { error: 'invalid_client', error_description: 'unknown client_id' });
  const grant = await findGrant('refresh', body.token, now);
  if (grant && grant.clientId === body.client_id) await dropGrant('refresh', body.token);
  return json(200, {});
});
