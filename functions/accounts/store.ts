/**
 * The regency's staff accounts: the register in the table (./entities.ts) and the directory's
 * sign-ins (./directory.ts), kept in step. Creation writes the register first (`creating`), so a
 * retry of the same request resumes it, and a name taken by someone else is a 409 either way.
 */
import { DeleteItemCommand } from 'dynamodb-toolbox/entity/actions/delete';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { Conflict, Invalid, NotFound } from '../lib/errors';
import { withCursor } from '../lib/paging';
import { getItem, isConditionFailed, queryPage } from '../lib/table';
import { Kecamatan } from '../villages/entities';
import { getVillage } from '../villages/store';
import { type Directory, directory } from './directory';
import { Account, accountsByRegency } from './entities';
import type { NewAccount } from './schemas';

export type AccountItem = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

export async function findAccount(username: string) {
  return (await getItem(Account, { username }, { consistent: true })).Item;
}

/** The account's scope from the request: a village (and its kecamatan) or a kecamatan, in this regency. */
async function scopeOf(regencyCode: string, input: NewAccount) {
  const outside = (path: string) => new Invalid([{ path, message: 'field.not_in_regency' }]);
  if (input.role === 'village-officer') {
    if (!input.villageCode) throw new Invalid([{ path: 'villageCode', message: 'field.required' }]);
    if (!input.villageCode.startsWith(`${regencyCode}.`)) throw outside('villageCode');
    const village = await getVillage(input.villageCode).catch(() => undefined);
    if (!village) throw outside('villageCode');
    return { kecamatanCode: village.kecamatanCode, villageCode: village.code };
  }
  if (!input.kecamatanCode) throw new Invalid([{ path: 'kecamatanCode', message: 'field.required' }]);
  if (!input.kecamatanCode.startsWith(`${regencyCode}.`)) throw outside('kecamatanCode');
  const kecamatan = (await getItem(Kecamatan, { code: input.kecamatanCode })).Item;
  if (!kecamatan) throw outside('kecamatanCode');
  return { kecamatanCode: kecamatan.code };
}

const sameRequest = (
  a: AccountItem,
  regencyCode: string,
  input: NewAccount,
  scope: { kecamatanCode: string; villageCode?: string },
  by: string,
) =>
  a.regencyCode === regencyCode &&
  a.role === input.role &&
  a.displayName === input.displayName &&
  a.kecamatanCode === scope.kecamatanCode &&
  a.villageCode === scope.villageCode &&
  a.createdBy === by;

/**
 * Creates an officer or camat account: 201 with the account (and locally its temporary password,
 * once); the same request again answers the account with 200 (`replayed`), another one for a taken
 * username 409.
 */
export async function createAccount(
  regencyCode: string,
  input: NewAccount,
  by: string,
  now: Date,
  dir: Directory = directory(),
): Promise<{ account: AccountItem; replayed: boolean; temporaryPassword?: string }> {
  const scope = await scopeOf(regencyCode, input);
  const username = input.email;
  const at = now.toISOString();
  let existing = await findAccount(username);
  if (!existing) {
    const fresh = {
      username,
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      regencyCode,
      ...scope,
      status: 'creating' as const,
      createdBy: by,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await Account.build(PutItemCommand)
        .item(fresh)
        .options({ condition: { attr: 'email', exists: false } })
        .send();
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      existing = await findAccount(username);
    }
    if (!existing) return finishCreate(fresh, dir, { fresh: true });
  }
  if (!sameRequest(existing, regencyCode, input, scope, by))
    throw new Conflict('error.account_exists', 'account_exists');
  if (existing.status !== 'creating') return { account: existing, replayed: true };
  return finishCreate(existing, dir, { fresh: false });
}

async function finishCreate(
  account: AccountItem,
  dir: Directory,
  opts: { fresh: boolean },
): Promise<{ account: AccountItem; replayed: boolean; temporaryPassword?: string }> {
  const attributes: Record<string, string> = {
    'custom:kecamatan': account.kecamatanCode,
    'custom:regency': account.regencyCode,
    ...(account.villageCode ? { 'custom:village': account.villageCode } : {}),
  };
  const created = await dir.create({
    username: account.username,
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    attributes,
  });
  // taken in the directory by a sign-in this register does not know (a seller, the first admin):
  // our claim goes, the name stays theirs. A resumed creation meets its own earlier sign-in instead.
  if (!created.created && opts.fresh) {
    await Account.build(DeleteItemCommand).key({ username: account.username }).send();
    throw new Conflict('error.account_exists', 'account_exists');
  }
  await Account.build(UpdateItemCommand).item({ username: account.username, status: 'active' }).send();
  const active = { ...account, status: 'active' as const };
  return {
    account: active,
    replayed: false,
    ...(created.created && created.temporaryPassword ? { temporaryPassword: created.temporaryPassword } : {}),
  };
}

/** Disables or enables an account of this regency (404 for another regency's or an unknown one). */
export async function setAccountStatus(
  regencyCode: string,
  username: string,
  status: 'active' | 'disabled',
  now: Date,
  dir: Directory = directory(),
): Promise<AccountItem> {
  const account = await findAccount(username);
  if (!account || account.regencyCode !== regencyCode || account.status === 'creating') throw new NotFound();
  if (status === 'disabled') await dir.disable(username);
  else await dir.enable(username);
  const updatedAt = now.toISOString();
  await Account.build(UpdateItemCommand).item({ username, status, updatedAt }).send();
  return { ...account, status, updatedAt };
}

/** A page of the regency's accounts, all or of one kecamatan or village: one key query on gsi1. */
export async function listAccounts(q: {
  regencyCode: string;
  kecamatan?: string;
  village?: string;
  cursor?: string;
  limit: number;
}) {
  // a village's accounts sort under its kecamatan: `35.10.24.2008` is in kecamatan `35.10.24`
  const kecamatanCode = q.kecamatan ?? q.village?.slice(0, 8);
  return withCursor(q.cursor, () =>
    queryPage(
      Account,
      accountsByRegency,
      {
        regencyCode: q.regencyCode,
        ...(kecamatanCode ? { kecamatanCode } : {}),
        ...(kecamatanCode && q.village ? { listVillage: q.village } : {}),
      },
      { cursor: q.cursor ?? null, limit: q.limit },
    ),
  );
}
