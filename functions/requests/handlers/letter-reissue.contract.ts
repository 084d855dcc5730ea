import { AnyObject, contract } from '../../lib/contract';
import { RequestParams } from '../schemas';
import { RevokeBody } from './letter-revoke.contract';

export default contract({
  route: 'requests.letterReissue',
  params: RequestParams,
  body: RevokeBody,
  openapi: () => ({ response: { status: 202, schema: AnyObject } }),
});
