import { TooManyRequests } from '../lib/errors';
import { endpoint, html, redirect } from '../lib/http';
import { passwordProblems } from '../lib/password';
import { type AuthorizeRequest, checkAuthorizeRequest, codeRedirect } from './authorize-request';
import contract from './authorize-submit.contract';
import { setLocalPassword } from './local-users';
import { issuerEndpoints } from './oauth-clients';
import { consumeGrant, issueGrant } from './oauth-store';
import { checkPassword, signInLimits, signInUsername } from './sign-in';
import { badRequestPage, newPasswordPage, signInPage } from './sign-in-page';

/** The code for a signed-in user, bound to the request, and the redirect that hands it over. */
async function signedIn(request: AuthorizeRequest, username: string, now: Date) {
  const code = await issueGrant(
    'code',
    {
      username,
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
    },
    now,
  );
  return redirect(codeRedirect(request, code), 302);
}

/**
 * `POST <issuer>/oauth2/authorize`, the sign-in form (local runtime only): the password with the same
 * limits as `POST /local/token`; a temporary password leads to the new-password form; then a one-time
 * code and a 302 to the client's redirect URI.
 */
export const handler = endpoint(contract, async ({ body, now, sourceIp }) => {
  const checked = checkAuthorizeRequest(body);
  if (!checked.ok)
    return 'redirect' in checked
      ? redirect(checked.redirect, 302)
      : html(400, badRequestPage(checked.lang, checked.show));
  const { request } = checked;
  const { lang, carried } = request;
  const action = issuerEndpoints().authorization;

  if (body.step === 'new_password') {
    const session = body.session ?? '';
    const newPassword = body.new_password ?? '';
    if (newPassword !== (body.new_password_again ?? ''))
      return html(400, newPasswordPage(lang, action, carried, session, { message: 'mismatch' }));
    const problems = passwordProblems(newPassword);
    if (problems.length) return html(400, newPasswordPage(lang, action, carried, session, { problems }));
    const grant = await consumeGrant('session', session, now);
    if (!grant || grant.clientId !== request.clientId)
      return html(401, signInPage(lang, action, carried, { message: 'expired' }));
    await setLocalPassword(grant.username, newPassword);
    return signedIn(request, grant.username, now);
  }

  const typed = (body.username ?? '').trim();
  const username = signInUsername(typed);
  const again = (status: number, message: 'failed' | 'disabled' | 'tooMany') =>
    html(status, signInPage(lang, action, carried, { username: typed, message }));
  if (typed === '' || (body.password ?? '') === '') return again(401, 'failed');
  try {
    await signInLimits(sourceIp, username, now);
  } catch (error) {
    if (error instanceof TooManyRequests) {
      const answer = again(429, 'tooMany');
      return { ...answer, headers: { ...answer.headers, ...error.headers } };
    }
    throw error;
  }
  const result = await checkPassword(username, body.password ?? '');
  if (!result.ok) return result.reason === 'disabled' ? again(403, 'disabled') : again(401, 'failed');
  if (result.user.mustChangePassword) {
    const session = await issueGrant('session', { username, clientId: request.clientId }, now);
    return html(200, newPasswordPage(lang, action, carried, session));
  }
  return signedIn(request, username, now);
});
