import { contract } from '../../lib/contract';
import { ReceiptQuery, RequestParams } from '../schemas';

export default contract({
  route: 'requests.receipt',
  params: RequestParams,
  query: ReceiptQuery,
  openapi: () => ({ response: { status: 200, html: true, description: 'HTML receipt page' } }),
});
