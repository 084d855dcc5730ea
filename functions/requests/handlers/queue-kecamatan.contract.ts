import { contract } from '../../lib/contract';
import { KecamatanRequestsParams, QueuePage, QueueQuery } from '../schemas';

export default contract({
  route: 'queue.kecamatan',
  params: KecamatanRequestsParams,
  query: QueueQuery,
  openapi: () => ({ response: { status: 200, schema: QueuePage } }),
});
