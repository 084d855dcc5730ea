/** The local stand-in for Cognito's user directory: the sign-ins `npm start` seeds and registration adds. */
import { getItem } from '../lib/table';
import { LocalUser } from './entities';

export async function findLocalUser(username: string) {
  return (await getItem(LocalUser, { username })).Item;
}
