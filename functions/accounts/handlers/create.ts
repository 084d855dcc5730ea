import { endpoint, json } from '../../lib/http';
import { createAccount } from '../store';
import contract from './create.contract';

/** A regency admin creates an officer's or a camat's account in their regency (an invitation on AWS). */
export const handler = endpoint(contract, async ({ params, body, authorize, caller, now }) => {
  authorize({ regencyCode: params.code });
  const by = caller?.username ?? 'unknown';
  const { account, replayed, temporaryPassword } = await createAccount(params.code, body, by, now);
  return json(replayed ? 200 : 201, { account, ...(temporaryPassword ? { temporaryPassword } : {}) });
});
