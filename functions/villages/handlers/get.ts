import { endpoint, json } from '../../lib/http';
import { VillageParams } from '../schemas';
import { getVillage, publicVillage } from '../store';

export const handler = endpoint('villages.get', { params: VillageParams }, async ({ params }) =>
  json(200, publicVillage(await getVillage(params.code)), { 'cache-control': 'public, max-age=300' }),
);
