import { contract } from '../../lib/contract';
import { ProfileBody, VillageOut, VillageParams } from '../schemas';

export default contract({
  route: 'villages.profile',
  params: VillageParams,
  body: ProfileBody,
  openapi: () => ({ response: { status: 200, schema: VillageOut } }),
});
