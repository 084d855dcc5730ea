/**
 * Tracking codes and request secrets.
 *
 * A tracking code is what the citizen reads aloud, types on a phone, or writes down at the village
 * office: 10 Crockford base32 characters (50 random bits), shown as `XXXXX-XXXXX`. Crockford's alphabet
 * has no I, L, O or U, so misreadings (O/0, I/L/1) can be normalised back. The code alone is an
 * identifier; anything private also needs the secret, which is kept only as a SHA-256 hash.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;
const CANONICAL_RE = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/** A fresh random tracking code, e.g. `7K2QD-M9XWA`. */
export function newTrackingCode(): string {
  const bytes = new Uint8Array(CODE_LENGTH);
  crypto.getRandomValues(bytes);
  // 256 is a multiple of 32, so `b & 31` is uniform.
  const chars = Array.from(bytes, (b) => CROCKFORD_ALPHABET[b & 31]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/**
 * The canonical `XXXXX-XXXXX` form of what a citizen typed (any case, spaces, hyphens; O read as 0,
 * I and L read as 1), or `null` if it cannot be a tracking code.
 */
export function normalizeTrackingCode(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!CANONICAL_RE.test(compact)) return null;
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}

/** A fresh secret: 256 random bits, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of the secret, lower-case hex — the only form that is stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time check of a presented secret against a stored hash. */
export function secretMatches(secret: string, hash: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(hash)) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = createHash('sha256').update(secret, 'utf8').digest();
  return timingSafeEqual(actual, expected);
}
