import { authorize } from '../../lib/auth';
import { endpoint, json } from '../../lib/http';
import { withCursor } from '../../lib/paging';
import { ServiceRequest } from '../../lib/table';
import { routeById } from '../../routes';
import { queueItem } from '../queue';
import { QueueQuery, VillageRequestsParams } from '../schemas';

const route = routeById('queue.village');

/** A village's queue: open requests by due time (overdue first), then those awaiting documents, then closed. */
export const handler = endpoint(
  'queue.village',
  { params: VillageRequestsParams, query: QueueQuery },
  async (ctx) => {
    authorize(route, ctx.caller, { villageCode: ctx.params.code });
    const page = await withCursor(ctx.query.cursor, () =>
      (ctx.query.status
        ? ServiceRequest.query.byVillageStatus({ villageCode: ctx.params.code, status: ctx.query.status })
        : ServiceRequest.query.byVillage({ villageCode: ctx.params.code })
      ).go({ cursor: ctx.query.cursor ?? null, limit: ctx.query.limit }),
    );
    return json(200, { items: page.data.map((r) => queueItem(r, ctx.now)), cursor: page.cursor ?? null });
  },
);
