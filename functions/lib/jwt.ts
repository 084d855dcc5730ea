/**
 * One verification path for Cognito-shaped tokens, used in AWS (JWKS of the user pool) and locally
 * (JWKS of the local signing key, see functions/auth/local-identity.ts). Same checks in both: signature (RS256/ES256),
 * `iss`, `exp`/`nbf` (small clock tolerance), `token_use`, and the audience — `aud` on ID tokens,
 * `client_id` on access tokens (Cognito access tokens carry no `aud`).
 *
 * In AWS, API Gateway's JWT authorizer does this before the Lambda runs; the local adapter calls
 * `verifyIdToken` itself so a bad token fails locally exactly where it would fail in AWS.
 */
import { createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';

export type TokenUse = 'id' | 'access';

/** The Cognito claims we rely on (custom attributes are strings; groups an array in the raw token). */
export interface CognitoTokenClaims extends JWTPayload {
  sub: string;
  token_use: TokenUse;
  'cognito:username'?: string;
  username?: string;
  'cognito:groups'?: string[];
  client_id?: string;
  'custom:village'?: string;
  'custom:kecamatan'?: string;
  'custom:regency'?: string;
  'custom:seller'?: string;
  [claim: string]: unknown;
}

export interface VerifyTokenOptions {
  /** exact `iss`, e.g. https://cognito-idp.ap-southeast-3.amazonaws.com/<poolId> */
  issuer: string;
  /** app client id(s); checked against `aud` (id token) or `client_id` (access token) when given */
  audience?: string | readonly string[];
  jwks: JWTVerifyGetKey;
  /** seconds of clock skew tolerated on exp/nbf/iat; default 5 */
  clockToleranceSeconds?: number;
}

export class TokenInvalid extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'TokenInvalid';
  }
}

const ALGORITHMS = ['RS256', 'ES256'];

export function cognitoIssuer(userPoolId: string, region: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

/** Remote JWKS of a Cognito user pool (cached and rate-limited by jose). */
export function cognitoJwks(userPoolId: string, region: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(`${cognitoIssuer(userPoolId, region)}/.well-known/jwks.json`));
}

/** Verify a Cognito-shaped token of the given use; throws `TokenInvalid` on any failure. */
export async function verifyCognitoToken(
  token: string,
  tokenUse: TokenUse,
  opts: VerifyTokenOptions,
): Promise<CognitoTokenClaims> {
  let payload: JWTPayload;
  try {
    const result = await jwtVerify(token, opts.jwks, {
      issuer: opts.issuer,
      algorithms: ALGORITHMS,
      clockTolerance: opts.clockToleranceSeconds ?? 5,
      requiredClaims: ['exp', 'iat', 'sub', 'token_use'],
    });
    payload = result.payload;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new TokenInvalid('token rejected', typeof code === 'string' ? code : 'ERR_JWT_INVALID');
  }
  if (payload.token_use !== tokenUse) {
    throw new TokenInvalid(`expected a ${tokenUse} token`, 'ERR_TOKEN_USE');
  }
  if (opts.audience !== undefined) {
    const wanted: readonly string[] = typeof opts.audience === 'string' ? [opts.audience] : opts.audience;
    const got =
      tokenUse === 'id'
        ? typeof payload.aud === 'string'
          ? [payload.aud]
          : (payload.aud ?? [])
        : typeof payload.client_id === 'string'
          ? [payload.client_id]
          : [];
    if (!got.some((a) => wanted.includes(a))) {
      throw new TokenInvalid('audience mismatch', 'ERR_JWT_CLAIM_VALIDATION_FAILED');
    }
  }
  return payload as CognitoTokenClaims;
}

/** Verify a Cognito ID token (`token_use: 'id'`, `aud` = app client id). Throws `TokenInvalid`. */
export function verifyIdToken(token: string, opts: VerifyTokenOptions): Promise<CognitoTokenClaims> {
  return verifyCognitoToken(token, 'id', opts);
}

/** Same as `verifyIdToken` but resolves `null` instead of throwing (the adapter's `verifyToken`). */
export async function tryVerifyIdToken(
  token: string,
  opts: VerifyTokenOptions,
): Promise<CognitoTokenClaims | null> {
  try {
    return await verifyIdToken(token, opts);
  } catch {
    return null;
  }
}
