/**
 * The local OAuth endpoints' grants in the table (./entities.ts): random 32-byte secrets handed to the
 * browser once, stored as their SHA-256 only, each bound to what it was issued for. A code is consumed
 * by a conditional delete, so it works exactly once even when two exchanges race.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { getItem, isConditionFailed } from '../lib/table';
import { AuthGrant, type GrantKind } from './entities';

/** Lifetimes: Cognito's authorization code (5 min), the workspace client's refresh token (12 h). */
export const CODE_TTL_SECONDS = 300;
export const REFRESH_TTL_SECONDS = 12 * 3600;
export const SESSION_TTL_SECONDS = 300;

const TTL: Record<GrantKind, number> = {
  code: CODE_TTL_SECONDS,
  refresh: REFRESH_TTL_SECONDS,
  session: SESSION_TTL_SECONDS,
};

export interface GrantData {
  username: string;
  clientId: string;
  redirectUri?: string;
  codeChallenge?: string;
  nonce?: string;
}

export type Grant = GrantData & { kind: GrantKind; issuedAt: number; expiresAt: number };

const keyOf = (kind: GrantKind, secret: string) => ({
  grant: `${kind}_${createHash('sha256').update(secret).digest('hex')}`,
});

const seconds = (now: Date) => Math.floor(now.getTime() / 1000);

/** A new secret of this kind, stored (hashed) with its data; the secret is answered, once. */
export async function issueGrant(kind: GrantKind, data: GrantData, now: Date): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  const issuedAt = seconds(now);
  const defined = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) as GrantData;
  await AuthGrant.build(PutItemCommand)
    .item({ ...keyOf(kind, secret), ...defined, kind, issuedAt, expiresAt: issuedAt + TTL[kind] })
    .send();
  return secret;
}

/** The grant of a secret, if it exists and has not expired (refresh tokens, sessions). */
export async function findGrant(kind: GrantKind, secret: string, now: Date): Promise<Grant | undefined> {
  if (secret === '' || secret.length > 256) return undefined;
  const { Item } = await getItem(AuthGrant, keyOf(kind, secret), { consistent: true });
  if (!Item || Item.expiresAt <= seconds(now)) return undefined;
  return Item as Grant;
}

/**
 * Takes a grant out of the table and answers it, if it was there and not expired: the delete is
 * conditional on the item existing, so of two racing calls exactly one gets it.
 */
export async function consumeGrant(kind: GrantKind, secret: string, now: Date): Promise<Grant | undefined> {
  if (secret === '' || secret.length > 256) return undefined;
  try {
    const { Attributes } = await AuthGrant.build(DeleteItemCommand)
      .key(keyOf(kind, secret))
      .options({ condition: { attr: 'expiresAt', gt: seconds(now) }, returnValues: 'ALL_OLD' })
      .send();
    return Attributes as Grant | undefined;
  } catch (error) {
    if (isConditionFailed(error)) return undefined;
    throw error;
  }
}

/** Removes a grant (revocation); nothing happens when it is not there. */
export async function dropGrant(kind: GrantKind, secret: string): Promise<void> {
  if (secret === '' || secret.length > 256) return;
  await AuthGrant.build(DeleteItemCommand).key(keyOf(kind, secret)).send();
}
