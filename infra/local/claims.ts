/**
 * How API Gateway (HTTP API, JWT authorizer) hands a verified token's claims to the Lambda:
 * `requestContext.authorizer.jwt.claims` is a flat map of STRINGS. Strings pass unchanged, numbers and
 * booleans are printed (`"exp": "1700000000"`, `"email_verified": "true"`), and arrays arrive in Go's
 * `%v` form: `"cognito:groups": "[village-officer kecamatan-officer]"` (space-separated, no quotes).
 *
 * Nested objects never occur in our tokens; they are rendered in the same Go `%v` style
 * (`map[key:value]`, keys sorted) as a best guess. Null/undefined claims are dropped.
 *
 * The local adapter and the tests use this, so handlers only ever see the shape they will see in AWS
 * (parse groups with the shared claims reader in functions/lib, never with `Array.isArray`).
 */
export type ApiGatewayClaims = Record<string, string>;

function formatClaimValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return `[${value.map(formatClaimValue).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}:${formatClaimValue(v)}`);
    return `map[${entries.join(' ')}]`;
  }
  return String(value);
}

/** Verified JWT payload → the claims map exactly as API Gateway passes it to the Lambda. */
export function toApiGatewayClaims(payload: Readonly<Record<string, unknown>>): ApiGatewayClaims {
  const claims: ApiGatewayClaims = {};
  for (const [key, value] of Object.entries(payload)) {
    if (value === null || value === undefined) continue;
    claims[key] = formatClaimValue(value);
  }
  return claims;
}
