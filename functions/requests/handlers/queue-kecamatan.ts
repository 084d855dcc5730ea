import { endpoint, json } from '../../lib/http';
import { kecamatanQueue, queueItem } from '../queue';
import contract from './queue-kecamatan.contract';

/** Requests forwarded to a kecamatan for the camat's signature (or another status with `?status=`). */
export const handler = endpoint(contract, async ({ params, query, authorize, now }) => {
  authorize({ kecamatanCode: params.code });
  const page = await kecamatanQueue(params.code, query);
  return json(200, { items: page.items.map((r) => queueItem(r, now)), cursor: page.cursor });
});
