/**
 * The regency's register of staff accounts (issue 15): one item per officer or camat account, the
 * source of the accounts list; the credentials live in the directory (./directory.ts: Cognito on
 * AWS, the local users locally). Keyed by the account's username (its e-mail, lower-cased); listed
 * per regency through gsi1, sorted by kecamatan, village and username, so a kecamatan's or a
 * village's accounts are one key query (`begins_with`). A camat's account has no village: `-` there.
 * The list's partition has a word of its own (`accounts#`), not the public `regency#` of the places:
 * a public reader's LeadingKeys (infra/partitions.ts) never reach the staff's names and e-mails.
 */
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { type AccessPattern, inTable, type KeyValues, keyOf, primaryKey } from '../lib/table';

export type AccountRole = 'village-officer' | 'kecamatan-officer';
export type AccountStatus = 'creating' | 'active' | 'disabled';

export const accountKey = { pk: 'account#{username}', sk: 'account' } as const satisfies AccessPattern;
export const accountsByRegency = {
  index: 'gsi1',
  pk: 'accounts#{regencyCode}',
  sk: 'account#{kecamatanCode}#{listVillage}#{username}',
} as const satisfies AccessPattern;

/** The village part of the list key: the village's code, `-` for a camat's account. */
export const listVillage = (villageCode: string | undefined) => villageCode ?? '-';

/** pk `account#<username>`, sk `account`; gsi1 `accounts#<regency>` / `account#<kecamatan>#<village|->#<username>` */
export const Account = /* @__PURE__ */ (() => {
  // linked on puts only: an account's scope never changes (status updates leave the list keys alone)
  const listed = (i: unknown) => {
    const v = i as KeyValues & { villageCode?: string };
    return { ...v, listVillage: listVillage(v.villageCode) };
  };
  return new Entity({
    name: 'account',
    ...inTable,
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
      ...primaryKey(accountKey),
      gsi1pk: string()
        .hidden()
        .putLink((i) => keyOf(accountsByRegency.pk, i as KeyValues)),
      gsi1sk: string()
        .hidden()
        .putLink((i) => keyOf(accountsByRegency.sk, listed(i))),
    }),
  });
})();
