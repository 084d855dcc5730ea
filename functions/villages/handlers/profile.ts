import { endpoint, json } from '../../lib/http';
import { saveProfile } from '../profile';
import { getVillage, publicVillage } from '../store';
import contract from './profile.contract';

/** The village officer edits the public profile; the site is marked out of date in the same transaction. */
export const handler = endpoint(contract, async ({ params, body, authorize, now }) => {
  authorize({ villageCode: params.code });
  const village = await getVillage(params.code);
  return json(200, publicVillage(await saveProfile(village, body, now)));
});
