/** The local stand-in for Cognito's user directory: the sign-ins `npm start` seeds and registration adds. */
import { getItem, LocalUser } from '../lib/table';

export async function findLocalUser(username: string) {
  return (await getItem(LocalUser, { username })).Item;
}
