/**
 * The local runtime's sign-ins (Cognito's user pool stands in for them on AWS): the demo accounts,
 * the sellers registered locally and the staff accounts a regency admin creates; and the local OAuth
 * endpoints' grants — one-time authorization codes, refresh tokens and "set your new password"
 * sessions (./oauth-store.ts), each keyed by the SHA-256 of its secret, never the secret itself, and
 * gone by TTL (`expiresAt`), which every read checks too (DynamoDB deletes expired items late).
 */
import { Entity } from 'dynamodb-toolbox/entity';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { number } from 'dynamodb-toolbox/schema/number';
import { record } from 'dynamodb-toolbox/schema/record';
import { string } from 'dynamodb-toolbox/schema/string';
import { type AccessPattern, inTable, primaryKey } from '../lib/table';

export const localUserKey = { pk: 'localuser#{username}', sk: 'localuser' } as const satisfies AccessPattern;

/** pk `localuser#<username>`, sk `localuser` */
export const LocalUser = /* @__PURE__ */ (() =>
  new Entity({
    name: 'localuser',
    ...inTable,
    schema: item({
      username: string().key(),
      passwordHash: string(),
      groups: list(string()),
      /** the token's custom claims (`custom:village`, …) */
      attributes: record(string(), string()).putDefault(() => ({})),
      /** the workspace's sign-in (issue 15): the name and e-mail in the ID token, the account's state */
      displayName: string().optional(),
      email: string().optional(),
      mustChangePassword: boolean().optional(),
      disabled: boolean().optional(),
      /** refresh tokens issued at or before this second (epoch) are dead: a global sign-out */
      signedOutAt: number().optional(),
      ...primaryKey(localUserKey),
    }),
  }))();

export type GrantKind = 'code' | 'refresh' | 'session';

export const authGrantKey = { pk: 'authgrant#{grant}', sk: 'authgrant' } as const satisfies AccessPattern;

/** pk `authgrant#<kind>_<sha-256 hex of the secret>`, sk `authgrant` */
export const AuthGrant = /* @__PURE__ */ (() =>
  new Entity({
    name: 'authgrant',
    ...inTable,
    schema: item({
      /** `<kind>_<sha-256 hex of the secret>` */
      grant: string().key(),
      kind: string().enum('code', 'refresh', 'session'),
      username: string(),
      clientId: string(),
      redirectUri: string().optional(),
      codeChallenge: string().optional(),
      nonce: string().optional(),
      /** seconds since epoch */
      issuedAt: number(),
      expiresAt: number(),
      ...primaryKey(authGrantKey),
    }),
  }))();
