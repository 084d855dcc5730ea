import { endpoint, json } from '../../lib/http';
import { kecamatanQueue, queueLines } from '../queue';
import contract from './queue-kecamatan.contract';

/** Requests forwarded to a kecamatan for the camat's signature (or another status with `?status=`). */
export const handler = endpoint(contract, async ({ params, query, authorize, now }) => {
  authorize({ kecamatanCode: params.code });
  return json(200, await queueLines(await kecamatanQueue(params.code, query, now), now));
});
