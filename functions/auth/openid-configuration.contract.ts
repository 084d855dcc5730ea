import { AnyObject, contract } from '../lib/contract';

export default contract({
  route: 'local.openid',
  openapi: () => ({ response: { status: 200, schema: AnyObject } }),
});
