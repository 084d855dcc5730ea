import { contract } from '../../lib/contract';
import { VillageParams } from '../../villages/schemas';

export default contract({
  route: 'services.list',
  params: VillageParams,
  openapi: async () => ({
    response: {
      status: 200,
      schema: (await import('../field-docs')).servicePageDoc(),
      description: "The village's catalogue: each service's requirements and the fields a submission answers",
    },
  }),
});
