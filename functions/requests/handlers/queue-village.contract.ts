import { AnyPage, contract } from '../../lib/contract';
import { QueueQuery, VillageRequestsParams } from '../schemas';

export default contract({
  route: 'queue.village',
  params: VillageRequestsParams,
  query: QueueQuery,
  openapi: () => ({ response: { status: 200, schema: AnyPage } }),
});
