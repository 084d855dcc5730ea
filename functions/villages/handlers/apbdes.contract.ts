import { AnyObject, contract } from '../../lib/contract';
import { ApbdesBody, ApbdesParams } from '../schemas';

export default contract({
  route: 'villages.apbdes',
  params: ApbdesParams,
  body: ApbdesBody,
  openapi: () => ({ response: { status: 200, schema: AnyObject } }),
});
