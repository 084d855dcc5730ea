import { Invalid } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { fileWalkIn } from '../walk-in';
import contract from './walk-in.contract';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,128}$/;

/** An officer files a request at the counter for a villager: complete at once, 201 with the receipt. */
export const handler = endpoint(contract, async ({ params, body, headers, caller, authorize, lang, now }) => {
  authorize({ villageCode: params.code });
  const key = headers['idempotency-key'];
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
    throw new Invalid([{ path: 'Idempotency-Key', message: 'field.invalid' }]);
  const input = body && typeof body === 'object' && !Array.isArray(body) ? { lang, ...body } : body;
  const username = caller?.username ?? 'unknown';
  const receipt = await fileWalkIn(params.code, input, {
    idempotencyKey: key,
    now,
    officer: { username, name: caller?.name ?? username },
  });
  return json(201, receipt, { location: `/requests/${receipt.id}` });
});
