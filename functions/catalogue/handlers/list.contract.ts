import { contract } from '../../lib/contract';
import { VillageParams } from '../../villages/schemas';
import { servicePageDoc } from '../field-docs';

export default contract({
  route: 'services.list',
  params: VillageParams,
  openapi: () => ({
    response: {
      status: 200,
      schema: servicePageDoc(),
      description: "The village's catalogue: each service's requirements and the fields a submission answers",
    },
  }),
});
