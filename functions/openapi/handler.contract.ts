import { AnyObject, contract } from '../lib/contract';

export default contract({
  route: 'openapi',
  openapi: () => ({ response: { status: 200, schema: AnyObject, description: 'This document' } }),
});
