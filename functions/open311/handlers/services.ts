import { villageCatalogue } from '../../catalogue/store';
import { endpoint, json } from '../../lib/http';
import { getVillage } from '../../villages/store';
import { serviceView } from '../views';
import contract from './services.contract';

/** `GET /open311/v2/services.json?jurisdiction_id=` — the village's catalogue as Open311 services. */
export const handler = endpoint(contract, async ({ query, lang }) => {
  const village = await getVillage(query.jurisdiction_id);
  const services = await villageCatalogue(village.code, village.regencyCode);
  return json(
    200,
    services.map((s) => serviceView(s, lang)),
    { 'cache-control': 'public, max-age=300', vary: 'accept-language' },
  );
});
