import { AnyObject, contract } from '../../lib/contract';
import { NewsBody, VillageParams } from '../schemas';

export default contract({
  route: 'villages.news',
  params: VillageParams,
  body: NewsBody,
  openapi: () => ({ response: { status: 201, schema: AnyObject } }),
});
