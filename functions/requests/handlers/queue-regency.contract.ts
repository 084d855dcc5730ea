import { contract } from '../../lib/contract';
import { QueuePage, RegencyQueueQuery, RegencyRequestsParams } from '../schemas';

export default contract({
  route: 'queue.regency',
  params: RegencyRequestsParams,
  query: RegencyQueueQuery,
  openapi: () => ({ response: { status: 200, schema: QueuePage } }),
});
