/**
 * Idempotent creation (decision 0001): an action a client may repeat — a request's submission, a
 * product's creation — writes a replay record in its own transaction, and a repeat (the same
 * Idempotency-Key, or the same form posted again) answers what the first one answered instead of
 * creating a second thing. The record is found by what the repeat presents and holds the answer
 * sealed with a key only that repeat can derive: a stored record gives away neither the answer (a
 * request's secret) nor the Idempotency-Key, which is stored hashed.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { Entity } from 'dynamodb-toolbox/entity';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { item } from 'dynamodb-toolbox/schema/item';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { Conflict } from './errors';
import { type AccessPattern, getItem, inTable, primaryKey } from './table';

export const idempotencyKey = {
  pk: 'idempotency#{scope}#{key}',
  sk: 'idempotency',
} as const satisfies AccessPattern;

/** pk `idempotency#<scope>#<key>` (e.g. `idempotency#35.10.24.2008#form:<hash>`), sk `idempotency`; TTL */
export const Idempotency = /* @__PURE__ */ (() =>
  new Entity({
    name: 'idempotency',
    ...inTable,
    schema: item({
      scope: string().key(),
      key: string().key(),
      /** a hash of the action's input: the same key with another input is a 409 */
      bodyHash: string(),
      /** the first answer, AES-256-GCM sealed (`sealAnswer`) */
      response: map({ v: number(), iv: string(), tag: string(), data: string() }),
      createdAt: string(),
      expiresAt: number(),
      ...primaryKey(idempotencyKey),
    }),
  }))();

/** Where a replay record lives, how long, and what its repeat presents (the key material, never stored). */
export interface Replay {
  /** whose records (a village's submissions, a seller's products) */
  scope: string;
  /** the record within the scope: `replayKey(idempotencyKey)`, or a form's `form:<bodyHash>` */
  key: string;
  /** what only a repeat knows (the Idempotency-Key with the body, or the whole body): seals the answer */
  material: string;
  ttlSeconds: number;
}

/** The record key of an Idempotency-Key: a hash, so the stored record does not hold the key itself. */
export const replayKey = (idempotencyKey: string) =>
  `key:${createHash('sha256').update(idempotencyKey).digest('base64url')}`;

/** A hash of an action's input, canonical or as the caller chooses. */
export const bodyHashOf = (body: string) => createHash('sha256').update(body).digest('hex');

const SEAL_VERSION = 1;

function sealKey(replay: Pick<Replay, 'scope' | 'key' | 'material'>): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      replay.material,
      replay.scope,
      `smart-kampung replay v${SEAL_VERSION} ${replay.key}`,
      32,
    ),
  );
}

export type Sealed = { v: number; iv: string; tag: string; data: string };

/** AES-256-GCM of the answer, bound (as associated data) to its record's scope and key. */
export function sealAnswer(answer: unknown, replay: Pick<Replay, 'scope' | 'key' | 'material'>): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(replay), iv);
  cipher.setAAD(Buffer.from(`${replay.scope}|${replay.key}`));
  const data = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
  return {
    v: SEAL_VERSION,
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    data: data.toString('base64url'),
  };
}

export function openAnswer<T>(sealed: Sealed, replay: Pick<Replay, 'scope' | 'key' | 'material'>): T {
  const decipher = createDecipheriv('aes-256-gcm', sealKey(replay), Buffer.from(sealed.iv, 'base64url'));
  decipher.setAAD(Buffer.from(`${replay.scope}|${replay.key}`));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
  const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64url')), decipher.final()]);
  return JSON.parse(text.toString('utf8')) as T;
}

const conflict = () => new Conflict('error.idempotency_conflict', 'idempotency_conflict');

/**
 * The answer of a live record of this replay (read consistently), undefined when there is none.
 * A record of another input (bodyHash) is a 409 `idempotency_conflict`; so is one that will not open
 * (only another key or body could fail to, and those differ in bodyHash or record).
 */
export async function findReplay<T>(replay: Replay, bodyHash: string, now: Date): Promise<T | undefined> {
  const { Item } = await getItem(Idempotency, { scope: replay.scope, key: replay.key }, { consistent: true });
  if (!Item || Item.expiresAt <= Math.floor(now.getTime() / 1000)) return undefined;
  if (Item.bodyHash !== bodyHash || Item.response.v !== SEAL_VERSION) throw conflict();
  try {
    return openAnswer<T>(Item.response, replay);
  } catch {
    throw conflict();
  }
}

/**
 * The replay record, for the action's own transaction: written on condition that no live record is
 * there (a live one means a concurrent twin won the race; an expired one may be replaced). The
 * answer is sealed here.
 */
export function replayPut(replay: Replay, bodyHash: string, answer: unknown, now: Date) {
  const nowSec = Math.floor(now.getTime() / 1000);
  return Idempotency.build(PutTransaction)
    .item({
      scope: replay.scope,
      key: replay.key,
      bodyHash,
      response: sealAnswer(answer, replay),
      createdAt: now.toISOString(),
      expiresAt: nowSec + replay.ttlSeconds,
    })
    .options({
      condition: {
        or: [
          { attr: 'bodyHash', exists: false },
          { attr: 'expiresAt', lt: nowSec },
        ],
      },
    });
}
