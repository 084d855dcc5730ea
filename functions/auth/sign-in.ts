/**
 * A local sign-in with a password, whichever door it comes through (`POST /local/token`, the local
 * OAuth authorize form): the same username rule, the same limits, the same checks.
 */
import { WhatsApp } from '../lib/contact';
import { rateLimit } from '../lib/rate-limit';
import { verifyPassword } from './local-identity';
import { findLocalUser } from './local-users';

/**
 * A seller's username is its WhatsApp number in +62 form (registration normalises it with the same
 * schema): a number typed as villagers type it — `0812…`, `62812…`, with spaces or dashes — signs in
 * as `+62812…`. Anything else (the demo officers' `officer@…`) is looked up as typed.
 */
export function signInUsername(typed: string): string {
  const number = WhatsApp.safeParse(typed);
  return number.success ? number.data : typed;
}

/**
 * Guessing one account's password from one address, and spraying many accounts from one address;
 * keyed by address too, so nobody can lock another person out by failing on their username. 429 past
 * either (TooManyRequests).
 */
export async function signInLimits(sourceIp: string, username: string, now: Date): Promise<void> {
  await rateLimit('signin', `${sourceIp}|${username}`, 10, 300, now);
  await rateLimit('signin-ip', sourceIp, 60, 300, now);
}

export type LocalAccount = NonNullable<Awaited<ReturnType<typeof findLocalUser>>>;

/**
 * The account whose password this is, or why not: `failed` for an unknown username or a wrong
 * password alike (no hint which), `disabled` only after the right password (as Cognito answers
 * "User is disabled" only then).
 */
export async function checkPassword(
  username: string,
  password: string,
): Promise<{ ok: true; user: LocalAccount } | { ok: false; reason: 'failed' | 'disabled' }> {
  const user = await findLocalUser(username);
  if (!user || !(await verifyPassword(password, user.passwordHash))) return { ok: false, reason: 'failed' };
  if (user.disabled) return { ok: false, reason: 'disabled' };
  return { ok: true, user };
}
