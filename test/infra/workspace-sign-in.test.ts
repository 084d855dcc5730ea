/**
 * CDK template assertions of the workspace's sign-in (issue 15): the managed-login domain, the public
 * PKCE client with its /kerja/ URLs, its branding, the JWT authorizer trusting it, and
 * /kerja/config.json written to the site bucket.
 */
import { describe, expect, it } from 'vitest';
import { expectResource, templates, useStacks } from './stacks-world';
import { resourcesOfType } from './support';

useStacks();

describe('the workspace sign-in on AWS', () => {
  it('has a managed-login domain of the newer version', () => {
    expectResource(templates.auth, 'AWS::Cognito::UserPoolDomain', {
      Domain: 'smart-kampung-3510',
      ManagedLoginVersion: 2,
    });
  });

  it('has a public client: code flow with PKCE, no secret, /kerja/ callback and sign-out URLs', () => {
    const clients = resourcesOfType(templates.api, 'AWS::Cognito::UserPoolClient');
    expect(clients).toHaveLength(1);
    const [[, client] = ['', {}]] = clients;
    expect(client).toMatchObject({
      ClientName: 'workspace',
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      IdTokenValidity: 60,
      RefreshTokenValidity: 720,
    });
    const text = JSON.stringify(client);
    for (const path of ['/kerja/callback/', '/kerja/en/callback/']) expect(text).toContain(path);
    expect(JSON.stringify(client.CallbackURLs)).not.toContain('/kerja/"');
    expect(JSON.stringify(client.LogoutURLs)).toMatch(/\/kerja\/".*\/kerja\/en\/"/);
    expect(client.ReadAttributes).toEqual(
      expect.arrayContaining(['email', 'name', 'custom:village', 'custom:kecamatan', 'custom:regency']),
    );
    expect(client.ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
  });

  it('grants aws.cognito.signin.user.admin (TOTP enrolment in the browser, decision 0030) and lets users write nothing that matters', () => {
    const [[, client] = ['', {}]] = resourcesOfType(templates.api, 'AWS::Cognito::UserPoolClient');
    expect(client.AllowedOAuthScopes).toContain('aws.cognito.signin.user.admin');
    // the scope lets a user call UpdateUserAttributes: only a harmless attribute is writable (an empty
    // list would be Cognito's default: every standard attribute, name and e-mail included)
    expect(client.WriteAttributes).toEqual(['locale']);
  });

  it("brands the client's managed login with Cognito's values", () => {
    expectResource(templates.api, 'AWS::Cognito::ManagedLoginBranding', { UseCognitoProvidedValues: true });
  });

  it("lets the API's JWT authorizer accept both clients' ID tokens", () => {
    const [[, authorizer] = ['', {}]] = resourcesOfType(templates.api, 'AWS::ApiGatewayV2::Authorizer');
    const audience = (authorizer.JwtConfiguration as { Audience: unknown[] }).Audience;
    expect(audience).toHaveLength(2);
    expect(JSON.stringify(audience)).toContain('WorkspaceClient');
  });

  it('writes kerja/config.json to the site bucket, pruning nothing', () => {
    const [[, deployment] = ['', {}]] = resourcesOfType(templates.api, 'Custom::CDKBucketDeployment');
    expect(deployment).toMatchObject({ Prune: false });
    expect(deployment).not.toHaveProperty('DistributionId');
    expect(JSON.stringify(deployment.DestinationBucketName)).toContain('smart-kampung-3510-site-');
    const markers = JSON.stringify(deployment.SourceMarkers ?? {});
    for (const field of ['WorkspaceClient', 'UsersLogin', 'ApiEndpoint', 'Distribution830FAC52DomainName'])
      expect(markers, `config.json names the ${field}`).toContain(field);
  });
});
