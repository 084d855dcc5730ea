import { endpoint, json } from '../../lib/http';
import { getVillage, publicVillage } from '../store';
import contract from './get.contract';

export const handler = endpoint(contract, async ({ params }) =>
  json(200, publicVillage(await getVillage(params.code)), { 'cache-control': 'public, max-age=300' }),
);
