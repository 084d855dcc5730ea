import { endpoint, json } from '../../lib/http';
import { withCursor } from '../../lib/paging';
import { listVillageSellers, sellerView } from '../store';
import contract from './list.contract';

export const handler = endpoint(contract, async ({ params, query, authorize }) => {
  authorize({ villageCode: params.code });
  const page = await withCursor(query.cursor, () => listVillageSellers(params.code, query));
  return json(200, { items: page.data.map(sellerView), cursor: page.cursor ?? null });
});
