/** The local stand-in for Cognito's user directory: the sign-ins `npm start` seeds and registration adds. */
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { getItem, LocalUser } from '../lib/table';
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
