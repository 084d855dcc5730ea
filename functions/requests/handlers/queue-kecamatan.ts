import { authorize } from '../../lib/auth';
import { endpoint, json } from '../../lib/http';
import { withCursor } from '../../lib/paging';
import { queryPage } from '../../lib/table';
import { routeById } from '../../routes';
import { requestByKecamatanStatus, ServiceRequest } from '../entities';
import { queueItem } from '../queue';
import { KecamatanRequestsParams, QueueQuery } from '../schemas';

const route = routeById('queue.kecamatan');

/** Requests forwarded to a kecamatan for the camat's signature (or another status with `?status=`). */
export const handler = endpoint(
  'queue.kecamatan',
  { params: KecamatanRequestsParams, query: QueueQuery },
  async (ctx) => {
    authorize(route, ctx.caller, { kecamatanCode: ctx.params.code });
    const page = await withCursor(ctx.query.cursor, () =>
      queryPage(
        ServiceRequest,
        requestByKecamatanStatus,
        { kecamatanCode: ctx.params.code, status: ctx.query.status ?? 'forwarded' },
        { cursor: ctx.query.cursor ?? null, limit: ctx.query.limit },
      ),
    );
    return json(200, { items: page.items.map((r) => queueItem(r, ctx.now)), cursor: page.cursor });
  },
);
