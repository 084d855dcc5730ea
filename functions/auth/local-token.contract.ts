import { contract } from '../lib/contract';
import * as z from '../lib/zod';

export default contract({
  route: 'local.token',
  body: z.object({
    username: z.string({ error: 'field.required' }).check(z.minLength(1, 'field.required'), z.maxLength(128)),
    password: z.string({ error: 'field.required' }).check(z.minLength(1, 'field.required'), z.maxLength(256)),
  }),
});
