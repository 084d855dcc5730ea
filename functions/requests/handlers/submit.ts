import { Invalid } from '../../lib/errors';
import { endpoint, json, redirect } from '../../lib/http';
import { submitBudget } from '../../lib/rate-limit';
import { submitRequest } from '../submit';
import contract from './submit.contract';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,128}$/;

/** A villager files a request: JSON (201 with the receipt) or the site's form (303 to the receipt page). */
export const handler = endpoint(contract, async ({ params, body, headers, isForm, lang, now, sourceIp }) => {
  const key = headers['idempotency-key'];
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
    throw new Invalid([{ path: 'Idempotency-Key', message: 'field.invalid' }]);
  // the request's language is the body's `lang`, else the caller's (Accept-Language)
  const input = body && typeof body === 'object' && !Array.isArray(body) ? { lang, ...body } : body;
  const receipt = await submitRequest(params.code, input, {
    idempotencyKey: key,
    source: isForm ? 'form' : 'web',
    now,
    // only a new, accepted submission counts (sized for a village office: config.ts)
    budget: submitBudget(params.code, sourceIp),
  });
  if (isForm)
    return redirect(
      `/requests/${receipt.id}/receipt?secret=${encodeURIComponent(receipt.secret)}&lang=${lang}`,
    );
  return json(201, receipt, { location: `/requests/${receipt.id}` });
});
