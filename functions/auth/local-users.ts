/** The local stand-in for Cognito's user directory: the sign-ins `npm start` seeds and registration adds. */
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { getItem, isConditionFailed } from '../lib/table';
import { LocalUser } from './entities';
import { hashPassword } from './local-identity';

export async function findLocalUser(username: string) {
  return (await getItem(LocalUser, { username }, { consistent: true })).Item;
}

/** The user's own password, replacing a temporary one (Cognito's NEW_PASSWORD_REQUIRED answered). */
export async function setLocalPassword(username: string, password: string): Promise<void> {
  await LocalUser.build(UpdateItemCommand)
    .item({ username, passwordHash: await hashPassword(password), mustChangePassword: false })
    .options({ condition: { attr: 'passwordHash', exists: true } })
    .send();
}

/** A new local user with a temporary password (must be changed at first sign-in); false if the name is taken. */
export async function createLocalUser(user: {
  username: string;
  password: string;
  groups: string[];
  attributes: Record<string, string>;
  displayName: string;
  email: string;
}): Promise<boolean> {
  const { password, ...rest } = user;
  try {
    await LocalUser.build(PutItemCommand)
      .item({ ...rest, passwordHash: await hashPassword(password), mustChangePassword: true })
      .options({ condition: { attr: 'passwordHash', exists: false } })
      .send();
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

/** Disables (and signs out everywhere: refresh tokens issued before now die) or enables a local user. */
export async function setLocalUserDisabled(username: string, disabled: boolean, now: Date): Promise<void> {
  await LocalUser.build(UpdateItemCommand)
    .item({
      username,
      disabled,
      ...(disabled ? { signedOutAt: Math.floor(now.getTime() / 1000) } : {}),
    })
    .options({ condition: { attr: 'passwordHash', exists: true } })
    .send();
}
