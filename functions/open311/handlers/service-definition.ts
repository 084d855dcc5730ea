import { findService } from '../../catalogue/store';
import { NotFound } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { getVillage } from '../../villages/store';
import { serviceDefinitionView } from '../views';
import contract from './service-definition.contract';

/** `GET /open311/v2/services/{code}.json?jurisdiction_id=` — the form: applicant attributes, then the service's fields. */
export const handler = endpoint(contract, async ({ params, query, lang }) => {
  const village = await getVillage(query.jurisdiction_id);
  const service = await findService(village.code, params.code);
  if (!service) throw new NotFound('error.service_unknown');
  return json(200, serviceDefinitionView(service, lang), {
    'cache-control': 'public, max-age=300',
    vary: 'accept-language',
  });
});
