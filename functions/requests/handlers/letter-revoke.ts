import { endpoint, json } from '../../lib/http';
import { log } from '../../lib/log';
import { revokeLetter, verificationView } from '../letters';
import { getRequest } from '../store';
import contract from './letter-revoke.contract';

/** An officer revokes the request's letter with a reason: its verification page says so at once. */
export const handler = endpoint(contract, async ({ params, body, caller, authorize, now }) => {
  const request = await getRequest(params.id);
  authorize(request);
  const letter = await revokeLetter(request, body.reason, caller?.username ?? 'unknown', now);
  log('info', 'letter.revoked', { requestId: request.id });
  return json(200, { ...verificationView(letter), reason: letter.revokeReason ?? null });
});
