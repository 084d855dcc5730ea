/**
 * The workspace's `/kerja/config.json` of the local runtime: the local API and the local issuer's
 * OAuth endpoints (functions/auth/), which stand in for Cognito's managed login.
 */
import { issuerEndpoints } from '../../functions/auth/oauth-clients';
import { config } from '../../functions/lib/config';
import type { WorkspaceConfig } from '../../site/workspace-config';

export function localWorkspaceConfig(): WorkspaceConfig {
  const c = config();
  const e = issuerEndpoints(c.AUTH_ISSUER);
  return {
    apiBase: c.API_URL.replace(/\/+$/, ''),
    issuer: e.issuer,
    clientId: c.AUTH_CLIENT_ID,
    authorizationEndpoint: e.authorization,
    tokenEndpoint: e.token,
    revocationEndpoint: e.revocation,
    logoutEndpoint: e.logout,
    siteOrigin: new URL(c.SITE_URL).origin,
  };
}
