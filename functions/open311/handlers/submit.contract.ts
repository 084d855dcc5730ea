import { contract } from '../../lib/contract';
import * as z from '../../lib/zod';
import { open311Errors } from '../errors';
import { SubmitForm, SubmitOut } from '../schemas';

export default contract({
  route: 'open311.submit',
  // read by the handler: Open311's names (`attribute[applicant_nik]`) mapped to ours, then checked
  body: z.unknown(),
  errors: open311Errors,
  openapi: () => ({
    body: SubmitForm,
    bodyTypes: ['application/x-www-form-urlencoded'],
    response: { status: 201, schema: SubmitOut },
  }),
});
