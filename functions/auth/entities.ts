/**
 * The local runtime's sign-ins (Cognito's user pool stands in for them on AWS): the demo accounts and
 * the sellers registered locally.
 */
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
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
      ...primaryKey(localUserKey),
    }),
  }))();
