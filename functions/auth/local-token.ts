import { config } from '../lib/config';
import { WhatsApp } from '../lib/contact';
import { Unauthorized } from '../lib/errors';
import { endpoint, json } from '../lib/http';
import { rateLimit } from '../lib/rate-limit';
import { issueLocalTokens, verifyPassword } from './local-identity';
import { localKey } from './local-key';
import contract from './local-token.contract';
import { findLocalUser } from './local-users';

/**
 * A seller's username is its WhatsApp number in +62 form (registration normalises it with the same
 * schema): a number typed as villagers type it — `0812…`, `62812…`, with spaces or dashes — signs in
 * as `+62812…`. Anything else (the demo officers' `officer@…`) is looked up as typed.
 */
export function signInUsername(typed: string): string {
  const number = WhatsApp.safeParse(typed);
  return number.success ? number.data : typed;
}

/** Local stand-in for Cognito's sign-in: the same claims, signed by the local key (local runtime only). */
export const handler = endpoint(contract, async ({ body, now, sourceIp }) => {
  const username = signInUsername(body.username);
  // guessing one account's password from one address, and spraying many accounts from one address;
  // keyed by address too, so nobody can lock another person out by failing on their username
  await rateLimit('signin', `${sourceIp}|${username}`, 10, 300, now);
  await rateLimit('signin-ip', sourceIp, 60, 300, now);
  const user = await findLocalUser(username);
  if (!user || !(await verifyPassword(body.password, user.passwordHash)))
    throw new Unauthorized('error.login_failed');
  const tokens = await issueLocalTokens(
    await localKey(),
    { username: user.username, groups: user.groups, attributes: user.attributes ?? {} },
    { issuer: config().AUTH_ISSUER, audience: config().AUTH_CLIENT_ID },
  );
  return json(200, tokens);
});
