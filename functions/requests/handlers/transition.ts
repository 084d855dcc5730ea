import { endpoint, json } from '../../lib/http';
import { getRequest, overdue } from '../store';
import { transition } from '../workflow';
import contract from './transition.contract';

export const handler = endpoint(contract, async ({ params, body, caller, authorize, now }) => {
  const request = await getRequest(params.id);
  const role = authorize(request);
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
});
