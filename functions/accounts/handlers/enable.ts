import { endpoint, json } from '../../lib/http';
import { setAccountStatus } from '../store';
import contract from './enable.contract';

/** The account may sign in again (with its own password). */
export const handler = endpoint(contract, async ({ params, authorize, now }) => {
  authorize({ regencyCode: params.code });
  return json(200, await setAccountStatus(params.code, params.username, 'active', now));
});
