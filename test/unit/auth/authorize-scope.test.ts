/**
 * The local authorize endpoint accepts the scopes the workspace asks for, Cognito's
 * `aws.cognito.signin.user.admin` included (decision 0030), and still refuses any other.
 */
import { describe, expect, it } from 'vitest';
import { checkAuthorizeRequest, SCOPES } from '../../../functions/auth/authorize-request';
import { siteOrigin, workspaceUrls } from '../../../functions/auth/oauth-clients';
import { config } from '../../../functions/lib/config';

function request(scope: string) {
  const [redirectUri] = workspaceUrls(siteOrigin()).callbacks;
  return checkAuthorizeRequest({
    response_type: 'code',
    client_id: config().AUTH_CLIENT_ID,
    redirect_uri: redirectUri,
    state: 's',
    code_challenge: 'a'.repeat(43),
    code_challenge_method: 'S256',
    scope,
  });
}

describe('local authorize: scopes', () => {
  it("takes the workspace's scopes, Cognito's own for enrolment included", () => {
    const checked = request('openid email profile aws.cognito.signin.user.admin');
    expect(checked.ok).toBe(true);
  });

  it('refuses any other scope, and the discovery lists the OpenID ones only (as Cognito)', () => {
    const checked = request('openid phone');
    expect(checked).toMatchObject({ ok: false });
    expect(JSON.stringify(checked)).toContain('invalid_scope');
    expect(SCOPES).not.toContain('aws.cognito.signin.user.admin');
  });
});
