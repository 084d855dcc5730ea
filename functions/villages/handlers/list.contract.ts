import { contract } from '../../lib/contract';
import { VillageList, VillageListQuery } from '../schemas';

export default contract({
  route: 'villages.list',
  query: VillageListQuery,
  openapi: () => ({ response: { status: 200, schema: VillageList } }),
});
