import { contract } from '../../lib/contract';
import * as z from '../../lib/zod';
import { open311Errors } from '../errors';
import { RequestOut, RequestParams, RequestQuery } from '../schemas';

export default contract({
  route: 'open311.request',
  params: RequestParams,
  query: RequestQuery,
  errors: open311Errors,
  openapi: () => ({ response: { status: 200, schema: z.array(RequestOut) } }),
});
