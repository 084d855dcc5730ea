import { AnyPage, contract } from '../../lib/contract';
import { KecamatanRequestsParams, QueueQuery } from '../schemas';

export default contract({
  route: 'queue.kecamatan',
  params: KecamatanRequestsParams,
  query: QueueQuery,
  openapi: () => ({ response: { status: 200, schema: AnyPage } }),
});
