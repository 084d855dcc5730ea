/**
 * The local sign-in's own items (the local runtime only; Cognito keeps these on AWS): one-time
 * authorization codes, refresh tokens and the "set your new password" sessions of the local OAuth
 * endpoints (./oauth-store.ts). Each is keyed by the SHA-256 of its secret, never the secret itself,
 * and goes by TTL (`expiresAt`), which every read checks too (DynamoDB deletes expired items late).
 */
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { partitionKey, sortKey } from '../lib/keys';
import { table } from '../lib/table';

export type GrantKind = 'code' | 'refresh' | 'session';

export const AuthGrant = /* @__PURE__ */ (() =>
  new Entity({
    name: 'authgrant',
    table,
    entityAttribute: false,
    timestamps: false,
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
    }),
    computeKey: (key: { grant: string }) => ({
      pk: partitionKey(['grant'], key),
      sk: sortKey('authgrant', '1', [], key),
    }),
  }))();
