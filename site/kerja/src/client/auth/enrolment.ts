/**
 * Staff TOTP enrolment in the browser (decision 0030), its pure parts: who must enrol, the
 * authenticator's `otpauth://` URI, a code's shape, and where Cognito's user-pools API is.
 *
 * On AWS the pool's MFA is OPTIONAL (sellers share it) and the MfaGate trigger
 * (functions/auth/mfa-gate.ts) drops the staff groups from the tokens of a staff user without TOTP.
 * Such a user's ID token still has the scope an admin gave the account (`custom:village`,
 * `custom:kecamatan`, `custom:regency`) and no staff group: that, and nothing of a seller, is what
 * "must enrol" is read from. Locally every demo account has its group, so nobody is asked.
 */

const STAFF_GROUPS = ['village-officer', 'kecamatan-officer', 'regency-admin'] as const;
const STAFF_SCOPES = ['custom:village', 'custom:kecamatan', 'custom:regency'] as const;

/** Has this ID token's user been made staff by an admin, yet been given no staff group (no TOTP)? */
export function needsEnrolment(claims: Record<string, unknown>): boolean {
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as unknown[]) : [];
  if (groups.some((g) => (STAFF_GROUPS as readonly unknown[]).includes(g))) return false;
  // a seller's token has custom:village too: sellers never enrol here (their MFA stays optional)
  if (groups.includes('seller') || typeof claims['custom:seller'] === 'string') return false;
  return STAFF_SCOPES.some((k) => typeof claims[k] === 'string' && (claims[k] as string).length > 0);
}

/** What authenticator apps show above the codes (and the label's prefix). */
export const TOTP_ISSUER = 'Smart Kampung';

/**
 * The key URI authenticator apps read from the QR code (Google Authenticator's "Key Uri Format",
 * which every common app follows): `otpauth://totp/<issuer>:<account>?secret=…&issuer=…`, with
 * Cognito's parameters — SHA-1, 6 digits, 30 seconds (the defaults, said explicitly).
 */
export function otpauthUri(secret: string, account: string, issuer = TOTP_ISSUER): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({
    secret: secret.replace(/\s+/g, '').toUpperCase(),
    issuer,
    algorithm: 'SHA1',
    digits: '6',
    period: '30',
  });
  // URLSearchParams writes a space as '+', which authenticators show as is
  return `otpauth://totp/${label}?${query.toString().replace(/\+/g, '%20')}`;
}

/** The secret in groups of four, as it is easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return (
    secret
      .replace(/\s+/g, '')
      .toUpperCase()
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

/** A code as typed (spaces and dashes allowed), or undefined when it is not six digits. */
export function totpCode(typed: string): string | undefined {
  const code = typed.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(code) ? code : undefined;
}

/**
 * Cognito's user-pools API endpoint of the pool that issued the tokens: the issuer is
 * `https://cognito-idp.<region>.amazonaws.com/<pool id>`, the API is that origin. Undefined for any
 * other issuer (the local runtime's), where there is nothing to call.
 */
export function cognitoEndpoint(issuer: string): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || !/^cognito-idp\.[a-z0-9-]+\.amazonaws\.com$/.test(url.hostname))
    return undefined;
  return `${url.origin}/`;
}
