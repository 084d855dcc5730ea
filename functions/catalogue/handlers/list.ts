import { endpoint, json } from '../../lib/http';
import { getVillage } from '../../villages/store';
import { villageCatalogue } from '../store';
import contract from './list.contract';

export const handler = endpoint(contract, async ({ params }) => {
  const village = await getVillage(params.code);
  const items = await villageCatalogue(village.code, village.regencyCode);
  return json(200, { items, cursor: null }, { 'cache-control': 'public, max-age=300' });
});
