import { endpoint, json } from '../../lib/http';
import { documentLinks } from '../documents';
import { getRequest, overdue } from '../store';
import contract from './get.contract';

/** The whole request for an officer of its village (or kecamatan / regency), documents as 5-minute links. */
export const handler = endpoint(contract, async ({ params, authorize, now }) => {
  const request = await getRequest(params.id);
  authorize(request);
  const { secretHash: _secret, queueSort: _sort, ...rest } = request;
  return json(200, { ...rest, overdue: overdue(request, now), documents: await documentLinks(request.id) });
});
