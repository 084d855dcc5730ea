import { contract } from '../../lib/contract';
import * as z from '../../lib/zod';
import { AllowedMove, RequestParams } from '../schemas';

export default contract({
  route: 'requests.get',
  params: RequestParams,
  openapi: () => ({
    response: {
      status: 200,
      // the whole request (requests/detail.ts), with these for the workspace; the rest as stored
      schema: z.looseObject({
        id: z.string(),
        status: z.string(),
        version: z.number(),
        applicant: z.object({ name: z.string(), nik: z.string(), whatsapp: z.optional(z.string()) }),
        answers: z.array(
          z.looseObject({ code: z.string(), label: z.object({ id: z.string(), en: z.string() }) }),
        ),
        documents: z.array(
          z.looseObject({ requirement: z.string(), url: z.string(), expiresIn: z.number() }),
        ),
        documentsSeen: z.array(
          z.object({
            requirement: z.string(),
            by: z.string(),
            byName: z.string(),
            at: z.string(),
            name: z.object({ id: z.string(), en: z.string() }),
          }),
        ),
        history: z.array(z.looseObject({ at: z.string(), actorName: z.string(), to: z.string() })),
        overdue: z.boolean(),
        officeMinutesLeft: z.nullable(z.number()),
        allowedMoves: z.array(AllowedMove),
      }),
    },
  }),
});
