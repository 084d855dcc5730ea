import { authorize } from '../../lib/auth';
import { endpoint, json } from '../../lib/http';
import { routeById } from '../../routes';
import { documentLinks } from '../documents';
import { RequestParams } from '../schemas';
import { getRequest, overdue } from '../store';

const route = routeById('requests.get');

/** The whole request for an officer of its village (or kecamatan / regency), documents as 5-minute links. */
export const handler = endpoint(
  'requests.get',
  { params: RequestParams },
  async ({ params, caller, now }) => {
    const request = await getRequest(params.id);
    authorize(route, caller, request);
    const { secretHash: _secret, queueSort: _sort, ...rest } = request;
    return json(200, { ...rest, overdue: overdue(request, now), documents: await documentLinks(request.id) });
  },
);
