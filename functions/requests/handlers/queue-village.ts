import { endpoint, json } from '../../lib/http';
import { queueItem, villageQueue } from '../queue';
import contract from './queue-village.contract';

/** A village's queue: open requests by due time (overdue first), then those awaiting documents, then closed. */
export const handler = endpoint(contract, async ({ params, query, authorize, now }) => {
  authorize({ villageCode: params.code });
  const page = await villageQueue(params.code, query);
  return json(200, { items: page.items.map((r) => queueItem(r, now)), cursor: page.cursor });
});
