/**
 * For public routes that show more to a signed-in caller (a product's owner view): API Gateway runs
 * no authorizer on a public route, so the handler verifies a bearer token itself — with the same
 * checks as the authorizer, against the issuer's JWKS fetched from `<issuer>/.well-known/jwks.json`
 * (Cognito's, or the local issuer's in `npm start`). No header: anonymous. A bad token: 401.
 */
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { type Caller, callerFromClaims } from './auth';
import { config } from './config';
import { Unauthorized } from './errors';
import { tryVerifyIdToken } from './jwt';

let jwks: JWTVerifyGetKey | undefined;

export async function optionalCaller(
  headers: Record<string, string | undefined>,
): Promise<Caller | undefined> {
  const header = headers.authorization;
  if (!header) return undefined;
  const token = header.replace(/^Bearer\s+/i, '').trim();
  jwks ??= createRemoteJWKSet(new URL(`${config().AUTH_ISSUER}/.well-known/jwks.json`));
  const claims = token
    ? await tryVerifyIdToken(token, {
        issuer: config().AUTH_ISSUER,
        audience: config().AUTH_CLIENT_ID.split(','),
        jwks,
      })
    : null;
  if (!claims) throw new Unauthorized();
  return callerFromClaims(claims);
}
