import { contract } from '../lib/contract';
import * as z from '../lib/zod';

const param = z.optional(z.string().check(z.maxLength(2048)));

export default contract({
  route: 'local.logout',
  query: z.object({ client_id: param, logout_uri: param, lang: param }),
  openapi: () => ({ response: { status: 302, description: 'to the registered sign-out URL' } }),
});
