/**
 * The local stand-in for Cognito: one RS256 signing key (persisted as JWK under the data dir, or
 * in-memory), tokens with Cognito's claim shapes, and password hashing for local users.
 * Tokens are verified with the very same code as in AWS (./jwt), only the JWKS differs.
 * Never deployed: nothing in AWS imports this module except through the localOnly route.
 */
import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
  SignJWT,
} from 'jose';

export const LOCAL_SIGNING_KEY_FILE = 'local-signing-key.json';
export const DEFAULT_LOCAL_ISSUER = 'http://localhost:3000/local-cognito';
export const DEFAULT_LOCAL_CLIENT_ID = 'local-app-client';

const ALG = 'RS256';

export interface LocalSigningKey {
  kid: string;
  alg: typeof ALG;
  privateKey: CryptoKey;
  /** public half, with kid/alg/use set: serve it as `{keys: [publicJwk]}` */
  publicJwk: JWK;
}

interface StoredKey {
  kid: string;
  alg: typeof ALG;
  privateJwk: JWK;
}

async function fromPrivateJwk(kid: string, privateJwk: JWK): Promise<LocalSigningKey> {
  const privateKey = (await importJWK(privateJwk, ALG)) as CryptoKey;
  const { kty, n, e } = privateJwk;
  const publicJwk: JWK = { kty, n, e, kid, alg: ALG, use: 'sig' };
  return { kid, alg: ALG, privateKey, publicJwk };
}

async function createKey(): Promise<{ key: LocalSigningKey; stored: StoredKey }> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true, modulusLength: 2048 });
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: privateJwk.kty, n: privateJwk.n, e: privateJwk.e });
  return { key: await fromPrivateJwk(kid, privateJwk), stored: { kid, alg: ALG, privateJwk } };
}

/**
 * The signing key at `<dataDir>/local-signing-key.json`, created (mode 0600) if absent; a fresh
 * in-memory key when `dataDir` is undefined (tokens then die with the process).
 */
export async function loadOrCreateLocalKey(dataDir?: string): Promise<LocalSigningKey> {
  if (dataDir === undefined) return (await createKey()).key;
  const file = join(dataDir, LOCAL_SIGNING_KEY_FILE);
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as StoredKey;
    if (stored.alg !== ALG || typeof stored.kid !== 'string' || !stored.privateJwk?.d) {
      throw new Error(`${file} is not a local signing key`);
    }
    return await fromPrivateJwk(stored.kid, stored.privateJwk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dataDir, { recursive: true });
  const { key, stored } = await createKey();
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, file);
  return key;
}

/** The JWKS document (what Cognito serves at /.well-known/jwks.json). */
export function localJwksDocument(key: LocalSigningKey): { keys: JWK[] } {
  return { keys: [key.publicJwk] };
}

/** Key resolver for `verifyIdToken` locally. */
export function localJwks(key: LocalSigningKey): JWTVerifyGetKey {
  return createLocalJWKSet(localJwksDocument(key));
}

export type CustomAttribute = 'custom:village' | 'custom:kecamatan' | 'custom:regency' | 'custom:seller';

export interface LocalUser {
  username: string;
  groups: string[];
  attributes: Partial<Record<CustomAttribute, string | undefined>>;
}

export interface IssueOptions {
  issuer: string;
  /** the app client id: `aud` of the id token, `client_id` of the access token */
  audience: string;
  ttlSeconds?: number;
  /** seconds since epoch; for tests */
  now?: number;
  /** more claims of the ID token (the OAuth endpoints' `nonce`, the account's `name`, `email`) */
  idClaims?: Record<string, string>;
  /** the access token's scopes (Cognito's OAuth tokens carry the granted ones) */
  scope?: string;
}

export interface LocalTokens {
  idToken: string;
  accessToken: string;
  /** seconds, like Cognito's `ExpiresIn` */
  expiresIn: number;
  tokenType: 'Bearer';
}

/** Stable UUID-shaped `sub` derived from the username (Cognito's sub is a UUID, stable per user). */
export function localSub(username: string): string {
  const h = createHash('sha256').update(`local-cognito:${username}`).digest('hex');
  const variant = ((Number.parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** ID + access token with Cognito's claim names and shapes, signed with the local key. */
export async function issueLocalTokens(
  key: LocalSigningKey,
  user: LocalUser,
  opts: IssueOptions,
): Promise<LocalTokens> {
  const ttl = opts.ttlSeconds ?? 3600;
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  const sub = localSub(user.username);
  const eventId = randomUUID();
  const originJti = randomUUID();
  const groups = user.groups.length > 0 ? { 'cognito:groups': [...user.groups] } : {};
  const custom: Record<string, string> = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    if (typeof value === 'string' && value !== '') custom[name] = value;
  }
  const header = { alg: ALG, kid: key.kid };

  const idToken = await new SignJWT({
    ...groups,
    'cognito:username': user.username,
    origin_jti: originJti,
    event_id: eventId,
    token_use: 'id',
    auth_time: now,
    ...custom,
    ...opts.idClaims,
  })
    .setProtectedHeader(header)
    .setSubject(sub)
    .setIssuer(opts.issuer)
    .setAudience(opts.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + ttl)
    .setJti(randomUUID())
    .sign(key.privateKey);

  const accessToken = await new SignJWT({
    ...groups,
    client_id: opts.audience,
    origin_jti: originJti,
    event_id: eventId,
    token_use: 'access',
    scope: opts.scope ?? 'aws.cognito.signin.user.admin',
    auth_time: now,
    username: user.username,
  })
    .setProtectedHeader(header)
    .setSubject(sub)
    .setIssuer(opts.issuer)
    .setIssuedAt(now)
    .setExpirationTime(now + ttl)
    .setJti(randomUUID())
    .sign(key.privateKey);

  return { idToken, accessToken, expiresIn: ttl, tokenType: 'Bearer' };
}

// ---- passwords (local users only; Cognito owns passwords in AWS) ----

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64, maxmem: 64 * 1024 * 1024 } as const;

function scryptAsync(
  password: string,
  salt: Buffer,
  keylen: number,
  params: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keylen, { ...params, maxmem: SCRYPT.maxmem }, (err, derived) =>
      err ? reject(err) : resolve(derived),
    );
  });
}

/** `scrypt$N$r$p$<salt b64>$<hash b64>`, random 16-byte salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, SCRYPT.keylen, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Timing-safe check of a password against `hashPassword`'s output; false for malformed input. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > 1 << 20) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || expected.length === 0) return false;
  try {
    const actual = await scryptAsync(password, salt, expected.length, { N, r, p });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}
