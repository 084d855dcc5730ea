/**
 * What the workspace app (`/kerja/`) reads at start from `/kerja/config.json`: where the API is and
 * how to sign in (OAuth 2.0 authorization code with PKCE). One shape for both sides: the app imports
 * this type; the local site server answers it from the running configuration
 * (infra/local/workspace-config.ts), and on AWS the CDK app writes it to the site bucket
 * (infra/stacks/api-stack.ts, with the user pool's managed-login domain and the workspace client).
 */
export interface WorkspaceConfig {
  /** the JSON API, without a trailing slash: `http://localhost:3000`, `https://….execute-api….amazonaws.com` */
  apiBase: string;
  /** the ID token's `iss`: `http://localhost:3000/local-cognito`, `https://cognito-idp.<region>.amazonaws.com/<pool id>` */
  issuer: string;
  /** the public app client (no secret): the ID token's `aud` */
  clientId: string;
  /** `<issuer or managed-login domain>/oauth2/authorize` */
  authorizationEndpoint: string;
  /** `…/oauth2/token` (form post: authorization_code with code_verifier, refresh_token) */
  tokenEndpoint: string;
  /** `…/oauth2/revoke` (form post: token, client_id) */
  revocationEndpoint: string;
  /** `…/logout?client_id=…&logout_uri=<siteOrigin>/kerja/` (or `/kerja/en/`) */
  logoutEndpoint: string;
  /** the site's origin: callbacks are `<siteOrigin>/kerja/callback/` and `<siteOrigin>/kerja/en/callback/` */
  siteOrigin: string;
}

/** Where the app finds it, under the site's origin. */
export const WORKSPACE_CONFIG_PATH = '/kerja/config.json';
