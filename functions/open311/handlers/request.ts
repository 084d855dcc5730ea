import { NotFound } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { countTrackingLookups } from '../../lib/rate-limit';
import { normalizeTrackingCode } from '../../requests/domain/tracking';
import { getVillage } from '../../villages/store';
import { resolveRequest } from '../store';
import { requestView } from '../views';
import contract from './request.contract';

/**
 * `GET /open311/v2/requests/{id}.json` — a one-item array, as the spec has it. `{id}` is the
 * service_request_id or the tracking code; with `jurisdiction_id`, a request of another village is 404.
 */
export const handler = endpoint(contract, async ({ params, query, lang, now, sourceIp }) => {
  // a look-up by tracking code counts as /track's do (a request id is 96 random bits: no need)
  if (normalizeTrackingCode(params.id.trim())) await countTrackingLookups(sourceIp, now);
  const found = await resolveRequest(params.id);
  if (!found || (query.jurisdiction_id && found.request.villageCode !== query.jurisdiction_id))
    throw new NotFound();
  const village = await getVillage(found.request.villageCode).catch(() => undefined);
  return json(200, [requestView(found.request, village, lang, { withReason: found.byTrackingCode })]);
});
