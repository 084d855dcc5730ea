import { config } from '../../lib/config';
import { endpoint, json } from '../../lib/http';
import { listVillages, publicVillage } from '../store';
import contract from './list.contract';

export const handler = endpoint(contract, async ({ query }) => {
  const page = await listVillages({ regencyCode: config().REGENCY_CODE, ...query });
  return json(200, { items: page.items.map(publicVillage), cursor: page.cursor ?? null });
});
