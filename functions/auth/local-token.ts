import { config } from '../lib/config';
import { Unauthorized } from '../lib/errors';
import { endpoint, json } from '../lib/http';
import { rateLimit } from '../lib/rate-limit';
import { getItem, LocalUser } from '../lib/table';
import * as z from '../lib/zod';
import { issueLocalTokens, verifyPassword } from './local-identity';
import { localKey } from './local-key';

const Body = z.object({
  username: z.string({ error: 'field.required' }).check(z.minLength(1, 'field.required'), z.maxLength(128)),
  password: z.string({ error: 'field.required' }).check(z.minLength(1, 'field.required'), z.maxLength(256)),
});

/** Local stand-in for Cognito's sign-in: the same claims, signed by the local key (local runtime only). */
export const handler = endpoint('local.token', { body: Body }, async ({ body, now }) => {
  await rateLimit('signin', body.username, 10, 300, now);
  const { Item: user } = await getItem(LocalUser, { username: body.username });
  if (!user || !(await verifyPassword(body.password, user.passwordHash)))
    throw new Unauthorized('error.login_failed');
  const tokens = await issueLocalTokens(
    await localKey(),
    { username: user.username, groups: user.groups, attributes: user.attributes ?? {} },
    { issuer: config.AUTH_ISSUER, audience: config.AUTH_CLIENT_ID },
  );
  return json(200, tokens);
});
