import { AnyObject, contract } from '../../lib/contract';
import { RequestParams } from '../schemas';

export default contract({
  route: 'requests.get',
  params: RequestParams,
  openapi: () => ({ response: { status: 200, schema: AnyObject } }),
});
