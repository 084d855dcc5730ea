import { endpoint, json } from '../../lib/http';
import { publishApbdes } from '../profile';
import { getVillage } from '../store';
import contract from './apbdes.contract';

/** The village officer publishes a year's APBDes summary (the site shows the latest year). */
export const handler = endpoint(contract, async ({ params, body, authorize, now }) => {
  authorize({ villageCode: params.code });
  const village = await getVillage(params.code);
  return json(200, await publishApbdes(village, params.year, body, now));
});
