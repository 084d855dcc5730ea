import { authorize } from '../../lib/auth';
import { endpoint, json } from '../../lib/http';
import { routeById } from '../../routes';
import { RequestParams, TransitionBody } from '../schemas';
import { getRequest, overdue } from '../store';
import { transition } from '../workflow';

const route = routeById('requests.transition');

export const handler = endpoint(
  'requests.transition',
  { params: RequestParams, body: TransitionBody },
  async ({ params, body, caller, now }) => {
    const request = await getRequest(params.id);
    const role = authorize(route, caller, request);
    const next = await transition(request.id, body, { role, username: caller?.username ?? 'unknown' }, now);
    return json(200, {
      id: next.id,
      status: next.status,
      version: next.version,
      dueAt: next.dueAt ?? null,
      overdue: overdue(next, now),
      letterNumber: next.letterNumber ?? null,
      history: next.history,
    });
  },
);
