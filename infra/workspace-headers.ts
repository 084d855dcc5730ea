/**
 * The response headers of the workspace app (`/kerja/*`), in ONE place: the local site server sets
 * them on its /kerja/ answers (infra/local/site-server.ts) and CDK puts the same values in the
 * CloudFront response headers policy of the `/kerja/*` behaviours (infra/stacks/sites-stack.ts).
 *
 * A strict Content-Security-Policy: scripts and styles only from the app's own files (no inline
 * script, style or handler — the build checks it), documents shown from the uploads origin only,
 * the API and the sign-in service the only other hosts it talks to. Origins are plain strings here:
 * locally the runtime's URLs, on AWS CDK tokens (region) resolved at deploy.
 */

/** The app's path on the regency's site origin. */
export const WORKSPACE_PATH = '/kerja/';
/** CloudFront path patterns: the hashed assets first (more specific), then everything else. */
export const WORKSPACE_PATTERNS = { assets: '/kerja/_astro/*', pages: '/kerja/*' } as const;
/** the runtime configuration's key in the site bucket (written by CDK; never synced or deleted) */
export const WORKSPACE_CONFIG_KEY = 'kerja/config.json';

export interface WorkspaceOrigins {
  /** the JSON API (`apiBase`), e.g. `http://localhost:3000` or `https://*.execute-api.<region>.amazonaws.com` */
  api: string;
  /**
   * the OAuth token/revoke endpoints' origins (Cognito's managed-login domain; locally the API's) and,
   * on AWS, Cognito's user-pools API (`https://cognito-idp.<region>.amazonaws.com`: TOTP enrolment,
   * decision 0030)
   */
  auth: readonly string[];
  /** where presigned document links point (the uploads bucket); absent = the site's own origin */
  uploads?: string;
  /** where the sign-in page is (authorize endpoint's origin): the app navigates there */
  authorize?: readonly string[];
}

const unique = (values: readonly string[]) => [...new Set(values.filter(Boolean))].join(' ');

export function workspaceCsp(o: WorkspaceOrigins): string {
  const uploads = o.uploads ?? '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${unique(["'self'", 'data:', 'blob:', uploads])}`,
    `frame-src ${unique(["'self'", uploads])}`,
    `connect-src ${unique(["'self'", o.api, ...o.auth])}`,
    `form-action ${unique(["'self'", ...(o.authorize ?? o.auth)])}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

export const WORKSPACE_PERMISSIONS_POLICY =
  'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';
/** two years, subdomains too (as the village sites) */
export const WORKSPACE_HSTS_SECONDS = 2 * 365 * 24 * 3600;
export const WORKSPACE_CACHE = {
  /** pages and config.json: revalidate after a minute, so a new build shows at once */
  html: 'public, max-age=60, must-revalidate',
  /** content-hashed files */
  hashed: 'public, max-age=31536000, immutable',
} as const;

/** Every header of a /kerja/ answer; `hashed` for the content-hashed files under /kerja/_astro/. */
export function workspaceHeaders(o: WorkspaceOrigins, hashed: boolean): Record<string, string> {
  return {
    'content-security-policy': workspaceCsp(o),
    'strict-transport-security': `max-age=${WORKSPACE_HSTS_SECONDS}; includeSubDomains`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'permissions-policy': WORKSPACE_PERMISSIONS_POLICY,
    'cache-control': hashed ? WORKSPACE_CACHE.hashed : WORKSPACE_CACHE.html,
  };
}
