import { endpoint, json } from '../../lib/http';
import { log } from '../../lib/log';
import { reissueLetter, verificationUrl } from '../letters';
import { getRequest } from '../store';
import contract from './letter-reissue.contract';

/**
 * An officer re-issues the request's letter after a correction (with the reason): a new version under
 * the same number, rendered by the letter issuer; the old version's verification page says revoked.
 */
export const handler = endpoint(contract, async ({ params, body, caller, authorize, now }) => {
  const request = await getRequest(params.id);
  authorize(request);
  const next = await reissueLetter(request, body.reason, caller?.username ?? 'unknown', now);
  log('info', 'letter.reissued', { requestId: request.id, version: next.version });
  return json(202, {
    number: next.number,
    version: next.version,
    status: next.status,
    verifyUrl: verificationUrl(next.token),
  });
});
