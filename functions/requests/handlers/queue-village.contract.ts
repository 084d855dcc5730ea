import { contract } from '../../lib/contract';
import { QueuePage, QueueQuery, VillageRequestsParams } from '../schemas';

export default contract({
  route: 'queue.village',
  params: VillageRequestsParams,
  query: QueueQuery,
  openapi: () => ({ response: { status: 200, schema: QueuePage } }),
});
