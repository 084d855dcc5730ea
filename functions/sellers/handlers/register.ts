import { endpoint, json } from '../../lib/http';
import { rateLimit } from '../../lib/rate-limit';
import { getVillage } from '../../villages/store';
import { registerSeller } from '../store';
import contract from './register.contract';

/** Public self-registration → pending. The password goes to the sign-in store only, never to a log. */
export const handler = endpoint(contract, async ({ params, body, now, sourceIp }) => {
  await rateLimit('seller-register', sourceIp, 20, 600, now);
  const village = await getVillage(params.code);
  return json(201, await registerSeller(village, body, now));
});
