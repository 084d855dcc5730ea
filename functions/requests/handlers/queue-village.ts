import { endpoint, json } from '../../lib/http';
import { queueLines, villageQueue } from '../queue';
import contract from './queue-village.contract';

/** A village's queue: open requests by due time (overdue first), then those awaiting documents, then closed. */
export const handler = endpoint(contract, async ({ params, query, authorize, now }) => {
  authorize({ villageCode: params.code });
  return json(200, await queueLines(await villageQueue(params.code, query, now), now));
});
