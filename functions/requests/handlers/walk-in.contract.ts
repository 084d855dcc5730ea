import { contract } from '../../lib/contract';
import * as z from '../../lib/zod';
import { SubmitBody, VillageRequestsParams } from '../schemas';

export default contract({
  route: 'requests.walkIn',
  params: VillageRequestsParams,
  // checked by fileWalkIn (the submission's checks and documentsSeen's in one 400)
  body: z.unknown(),
  openapi: () => ({
    body: z.extend(SubmitBody, {
      documentsSeen: z.array(z.string()),
    }),
    response: {
      status: 201,
      schema: z.object({
        id: z.string(),
        trackingCode: z.string(),
        secret: z.string(),
        status: z.literal('submitted'),
        dueAt: z.nullable(z.string()),
        service: z.object({
          code: z.string(),
          name: z.object({ id: z.string(), en: z.string() }),
          level: z.enum(['desa', 'kecamatan']),
        }),
      }),
      description: 'The receipt to print: tracking code and secret (shown once), the promised due time',
    },
  }),
});
