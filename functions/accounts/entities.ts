/**
 * The regency's register of staff accounts (issue 15): one item per officer or camat account, the
 * source of the accounts list; the credentials live in the directory (./directory.ts: Cognito on
 * AWS, the local users locally). Keyed by the account's username (its e-mail, lower-cased); listed
 * per regency through gsi1, sorted by kecamatan, village and username, so a kecamatan's or a
 * village's accounts are one key query (`begins_with`).
 */
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { partitionKey } from '../lib/keys';
import { table } from '../lib/table';

export type AccountRole = 'village-officer' | 'kecamatan-officer';
export type AccountStatus = 'creating' | 'active' | 'disabled';

/** gsi1's sort key of an account: `$account_1#k_<kecamatan>#v_<village or ->#u_<username>` (lower-case). */
export function accountListKey(a: {
  kecamatanCode: string;
  villageCode?: string;
  username?: string;
}): string {
  let key = `$account_1#k_${a.kecamatanCode}#`;
  if (a.villageCode !== undefined || a.username !== undefined) key += `v_${a.villageCode ?? '-'}#`;
  if (a.username !== undefined) key += `u_${a.username}`;
  return key.toLowerCase();
}

export const accountListPartition = (regencyCode: string) => partitionKey(['regencyCode'], { regencyCode });

type ListKeyValues = { regencyCode: string; kecamatanCode: string; villageCode?: string; username: string };

export const Account = /* @__PURE__ */ (() =>
  new Entity({
    name: 'account',
    table,
    entityAttribute: false,
    timestamps: false,
    schema: item({
      username: string().key(),
      email: string(),
      displayName: string(),
      role: string().enum('village-officer', 'kecamatan-officer'),
      regencyCode: string(),
      kecamatanCode: string(),
      villageCode: string().optional(),
      status: string().enum('creating', 'active', 'disabled'),
      /** the regency admin who created it (their username) */
      createdBy: string(),
      createdAt: string(),
      updatedAt: string(),
      gsi1pk: string()
        .hidden()
        .putLink((a: unknown) => accountListPartition((a as ListKeyValues).regencyCode)),
      gsi1sk: string()
        .hidden()
        .putLink((a: unknown) => {
          const v = a as ListKeyValues;
          return accountListKey({ ...v, villageCode: v.villageCode ?? '-' });
        }),
    }),
    computeKey: (key: { username: string }) => ({
      pk: partitionKey(['account'], { account: key.username }),
      sk: '$account_1',
    }),
  }))();
