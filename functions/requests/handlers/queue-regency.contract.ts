import { AnyPage, contract } from '../../lib/contract';
import { RegencyQueueQuery, RegencyRequestsParams } from '../schemas';

export default contract({
  route: 'queue.regency',
  params: RegencyRequestsParams,
  query: RegencyQueueQuery,
  openapi: () => ({ response: { status: 200, schema: AnyPage } }),
});
