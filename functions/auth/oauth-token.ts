import { createHash } from 'node:crypto';
import { config } from '../lib/config';
import { endpoint, json } from '../lib/http';
import { issueLocalTokens } from './local-identity';
import { localKey } from './local-key';
import { findLocalUser } from './local-users';
import { isClient } from './oauth-clients';
import { consumeGrant, findGrant, issueGrant } from './oauth-store';
import contract from './oauth-token.contract';

type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

const refuse = (error: OAuthErrorCode, description: string) =>
  json(400, { error, error_description: description }, { pragma: 'no-cache' });

const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** ID and access tokens of a user still allowed to have them (not disabled, not signed out since). */
async function tokensFor(username: string, issuedAt: number, nonce?: string) {
  const user = await findLocalUser(username);
  if (!user || user.disabled || (user.signedOutAt !== undefined && issuedAt <= user.signedOutAt))
    return undefined;
  const idClaims: Record<string, string> = {};
  if (user.displayName) idClaims.name = user.displayName;
  if (user.email) idClaims.email = user.email;
  if (nonce !== undefined) idClaims.nonce = nonce;
  return issueLocalTokens(
    await localKey(),
    { username: user.username, groups: user.groups, attributes: user.attributes ?? {} },
    {
      issuer: config().AUTH_ISSUER,
      audience: config().AUTH_CLIENT_ID,
      idClaims,
      scope: 'openid email profile',
    },
  );
}

/**
 * `POST <issuer>/oauth2/token` (local runtime only), Cognito's token endpoint for a public client:
 * a code with its PKCE verifier for tokens and a refresh token; a refresh token for new ID and
 * access tokens (the refresh token is not rotated, as in Cognito).
 */
export const handler = endpoint(contract, async ({ body, now }) => {
  if (!body.client_id) return refuse('invalid_request', 'client_id is required');
  if (!isClient(body.client_id)) return refuse('invalid_client', 'unknown client_id');

  if (body.grant_type === 'authorization_code') {
    if (!body.code || !body.redirect_uri || !body.code_verifier)
      return refuse('invalid_request', 'code, redirect_uri and code_verifier are required');
    if (!VERIFIER.test(body.code_verifier))
      return refuse('invalid_request', 'code_verifier must be 43 to 128 unreserved characters');
    // consumed before it is checked: a code that was tried once with a wrong verifier is gone too
    const grant = await consumeGrant('code', body.code, now);
    if (
      !grant ||
      grant.clientId !== body.client_id ||
      grant.redirectUri !== body.redirect_uri ||
      grant.codeChallenge !== s256(body.code_verifier)
    )
      return refuse('invalid_grant', 'the code is not valid for this request');
    const tokens = await tokensFor(grant.username, Math.floor(now.getTime() / 1000), grant.nonce);
    if (!tokens) return refuse('invalid_grant', 'the account cannot sign in');
    const refreshToken = await issueGrant(
      'refresh',
      { username: grant.username, clientId: body.client_id },
      now,
    );
    return json(
      200,
      {
        id_token: tokens.idToken,
        access_token: tokens.accessToken,
        refresh_token: refreshToken,
        expires_in: tokens.expiresIn,
        token_type: 'Bearer',
      },
      { pragma: 'no-cache' },
    );
  }

  if (body.grant_type === 'refresh_token') {
    if (!body.refresh_token) return refuse('invalid_request', 'refresh_token is required');
    const grant = await findGrant('refresh', body.refresh_token, now);
    if (!grant || grant.clientId !== body.client_id)
      return refuse('invalid_grant', 'the refresh token is not valid');
    const tokens = await tokensFor(grant.username, grant.issuedAt);
    if (!tokens) return refuse('invalid_grant', 'the refresh token is not valid');
    return json(
      200,
      {
        id_token: tokens.idToken,
        access_token: tokens.accessToken,
        expires_in: tokens.expiresIn,
        token_type: 'Bearer',
      },
      { pragma: 'no-cache' },
    );
  }

  return refuse(
    body.grant_type ? 'unsupported_grant_type' : 'invalid_request',
    'grant_type must be authorization_code or refresh_token',
  );
});
