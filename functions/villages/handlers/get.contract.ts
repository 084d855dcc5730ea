import { contract } from '../../lib/contract';
import { VillageOut, VillageParams } from '../schemas';

export default contract({
  route: 'villages.get',
  params: VillageParams,
  openapi: () => ({ response: { status: 200, schema: VillageOut } }),
});
