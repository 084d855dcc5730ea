import { authorize } from '../../lib/auth';
import { endpoint, json } from '../../lib/http';
import { queryPageWhole } from '../../lib/hydrate';
import { withCursor } from '../../lib/paging';
import { routeById } from '../../routes';
import { requestByVillage, requestByVillageStatus, ServiceRequest } from '../entities';
import { queueItem } from '../queue';
import { QueueQuery, VillageRequestsParams } from '../schemas';

const route = routeById('queue.village');

/**
 * A village's queue: open requests by due time (overdue first), then those awaiting documents, then
 * closed. The indexes hold no applicant (public routes read them too): the page's requests are read
 * whole from the table (lib/hydrate.ts).
 */
export const handler = endpoint(
  'queue.village',
  { params: VillageRequestsParams, query: QueueQuery },
  async (ctx) => {
    authorize(route, ctx.caller, { villageCode: ctx.params.code });
    const page = await withCursor(ctx.query.cursor, () =>
      ctx.query.status
        ? queryPageWhole(
            ServiceRequest,
            requestByVillageStatus,
            { villageCode: ctx.params.code, status: ctx.query.status },
            { cursor: ctx.query.cursor ?? null, limit: ctx.query.limit },
          )
        : queryPageWhole(
            ServiceRequest,
            requestByVillage,
            { villageCode: ctx.params.code },
            { cursor: ctx.query.cursor ?? null, limit: ctx.query.limit },
          ),
    );
    return json(200, { items: page.items.map((r) => queueItem(r, ctx.now)), cursor: page.cursor });
  },
);
