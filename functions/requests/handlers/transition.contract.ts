import { AnyObject, contract } from '../../lib/contract';
import { RequestParams, TransitionBody } from '../schemas';

export default contract({
  route: 'requests.transition',
  params: RequestParams,
  body: TransitionBody,
  openapi: () => ({ response: { status: 200, schema: AnyObject } }),
});
