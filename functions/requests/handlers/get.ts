import { endpoint, json } from '../../lib/http';
import { requestDetail } from '../detail';
import { getRequest } from '../store';
import contract from './get.contract';

/**
 * The whole request for an officer of its village (or kecamatan / regency): answers with their labels,
 * documents as fresh 5-minute links, the history, and the moves the caller's role may make now.
 */
export const handler = endpoint(contract, async ({ params, authorize, now }) => {
  const request = await getRequest(params.id);
  const role = authorize(request);
  // the version as an entity tag: what a decision's `version` (or a later If-Match) names
  return json(200, await requestDetail(request, role, now), { etag: `"${request.version}"` });
});
