import { authorize } from '../../lib/auth';
import { endpoint, json } from '../../lib/http';
import { withCursor } from '../../lib/paging';
import { routeById } from '../../routes';
import { SellerListQuery, VillageParams } from '../schemas';
import { listVillageSellers, sellerView } from '../store';

const route = routeById('sellers.list');

export const handler = endpoint(
  'sellers.list',
  { params: VillageParams, query: SellerListQuery },
  async (ctx) => {
    authorize(route, ctx.caller, { villageCode: ctx.params.code });
    const page = await withCursor(ctx.query.cursor, () => listVillageSellers(ctx.params.code, ctx.query));
    return json(200, { items: page.data.map(sellerView), cursor: page.cursor ?? null });
  },
);
