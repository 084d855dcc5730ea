import { endpoint, json } from '../../lib/http';
import { setAccountStatus } from '../store';
import contract from './disable.contract';

/** No more sign-ins for the account, and its refresh tokens revoked (a global sign-out). */
export const handler = endpoint(contract, async ({ params, authorize, now }) => {
  authorize({ regencyCode: params.code });
  return json(200, await setAccountStatus(params.code, params.username, 'disabled', now));
});
