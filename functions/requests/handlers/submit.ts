import { config } from '../../lib/config';
import { Invalid } from '../../lib/errors';
import { endpoint, json, redirect } from '../../lib/http';
import { rateLimit } from '../../lib/rate-limit';
import { SubmitBody, VillageRequestsParams } from '../schemas';
import { submitRequest } from '../submit';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,128}$/;

export const handler = endpoint(
  'requests.submit',
  { params: VillageRequestsParams, body: SubmitBody },
  async ({ params, body, headers, isForm, lang, now, sourceIp }) => {
    // generous for a village office's shared wifi, tight enough to stop a script flooding the queue
    await rateLimit(`submit#${params.code}`, sourceIp, config.RATE_LIMIT_SUBMIT, 600, now);
    const key = headers['idempotency-key'];
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
      throw new Invalid([{ path: 'Idempotency-Key', message: 'field.invalid' }]);
    const receipt = await submitRequest(
      params.code,
      { ...body, lang: body.lang ?? lang },
      {
        idempotencyKey: key,
        source: isForm ? 'form' : 'web',
        now,
      },
    );
    if (isForm)
      return redirect(
        `/requests/${receipt.id}/receipt?secret=${encodeURIComponent(receipt.secret)}&lang=${body.lang ?? lang}`,
      );
    return json(201, receipt, { location: `/requests/${receipt.id}` });
  },
);
