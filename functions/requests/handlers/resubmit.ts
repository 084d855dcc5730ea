import { endpoint, json } from '../../lib/http';
import { RequestParams, ResubmitBody } from '../schemas';
import { getRequestWithSecret } from '../store';
import { resubmit } from '../workflow';

export const handler = endpoint(
  'requests.resubmit',
  { params: RequestParams, body: ResubmitBody },
  async ({ params, body, headers, now }) => {
    const request = await getRequestWithSecret(params.id, headers['x-request-secret']);
    const next = await resubmit(request, body, now);
    return json(200, { id: next.id, status: next.status, dueAt: next.dueAt ?? null, version: next.version });
  },
);
