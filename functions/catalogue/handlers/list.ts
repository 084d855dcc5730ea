import { endpoint, json } from '../../lib/http';
import { VillageParams } from '../../villages/schemas';
import { getVillage } from '../../villages/store';
import { villageCatalogue } from '../store';

export const handler = endpoint('services.list', { params: VillageParams }, async ({ params }) => {
  const village = await getVillage(params.code);
  const items = await villageCatalogue(village.code, village.regencyCode);
  return json(200, { items, cursor: null }, { 'cache-control': 'public, max-age=300' });
});
