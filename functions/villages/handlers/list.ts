import { config } from '../../lib/config';
import { endpoint, json } from '../../lib/http';
import { VillageListQuery } from '../schemas';
import { listVillages, publicVillage } from '../store';

export const handler = endpoint('villages.list', { query: VillageListQuery }, async ({ query }) => {
  const page = await listVillages({ regencyCode: config().REGENCY_CODE, ...query });
  return json(200, { items: page.items.map(publicVillage), cursor: page.cursor ?? null });
});
