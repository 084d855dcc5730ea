import { config } from '../lib/config';
import { Forbidden, Unauthorized } from '../lib/errors';
import { endpoint, json } from '../lib/http';
import { issueLocalTokens } from './local-identity';
import { localKey } from './local-key';
import contract from './local-token.contract';
import { checkPassword, signInLimits, signInUsername } from './sign-in';

/** Local stand-in for Cognito's sign-in: the same claims, signed by the local key (local runtime only). */
export const handler = endpoint(contract, async ({ body, now, sourceIp }) => {
  const username = signInUsername(body.username);
  await signInLimits(sourceIp, username, now);
  const checked = await checkPassword(username, body.password);
  if (!checked.ok) throw new Unauthorized('error.login_failed');
  const { user } = checked;
  // Cognito answers a temporary password with the NEW_PASSWORD_REQUIRED challenge, never tokens
  if (user.mustChangePassword) throw new Forbidden('error.new_password_required');
  const tokens = await issueLocalTokens(
    await localKey(),
    {
      username: user.username,
      groups: user.groups,
      attributes: user.attributes ?? {},
    },
    {
      issuer: config().AUTH_ISSUER,
      audience: config().AUTH_CLIENT_ID,
      ...(user.displayName ? { idClaims: { name: user.displayName } } : {}),
    },
  );
  return json(200, tokens);
});
