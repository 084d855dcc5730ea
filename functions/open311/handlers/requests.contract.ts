import { contract } from '../../lib/contract';
import * as z from '../../lib/zod';
import { open311Errors } from '../errors';
import { RequestOut, RequestsQuery } from '../schemas';

export default contract({
  route: 'open311.requests',
  query: RequestsQuery,
  errors: open311Errors,
  openapi: () => ({ response: { status: 200, schema: z.array(RequestOut) } }),
});
