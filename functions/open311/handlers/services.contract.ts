import { contract } from '../../lib/contract';
import * as z from '../../lib/zod';
import { open311Errors } from '../errors';
import { ServiceOut, ServicesQuery } from '../schemas';

export default contract({
  route: 'open311.services',
  query: ServicesQuery,
  errors: open311Errors,
  openapi: () => ({ response: { status: 200, schema: z.array(ServiceOut) } }),
});
