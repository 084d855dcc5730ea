/**
 * CDK template assertions: the functions, the API routes and auth (the stacks and shared matchers:
 * ./stacks-world.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { corsRequestHeaders, type Route, routes } from '../../functions/routes';
import { functionSpecs, repoRoot } from '../../infra/bundles';
import { createLocalApi } from '../../infra/local/adapter';
import { apiGatewayPath } from '../../infra/stacks/api-stack';
import { groups } from '../../infra/stacks/auth-stack';
import {
  allTemplates,
  configShape,
  expectResource,
  type Json,
  resourceMatcher,
  stacks,
  templates,
  useStacks,
} from './stacks-world';
import { resourcesOfType } from './support';

useStacks();

describe('functions', () => {
  it('every function runs Node 24 on arm64', () => {
    // but aws-cdk-lib's own deploy-time handler that writes /kerja/config.json (BucketDeployment: its
    // runtime is CDK's choice; it runs during `cdk deploy` only, never on a request)
    const functions = allTemplates()
      .flatMap((t) => resourcesOfType(t, 'AWS::Lambda::Function'))
      .filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'));
    expect(functions.length).toBeGreaterThanOrEqual(functionSpecs().length);
    for (const [id, props] of functions) {
      expect({ id, runtime: props.Runtime, architectures: props.Architectures }).toEqual({
        id,
        runtime: 'nodejs24.x',
        architectures: ['arm64'],
      });
    }
  });

  it('routes sharing a handler module share one function', () => {
    const track = functionSpecs().find((spec) => spec.handler === 'requests/handlers/track');
    expect(track?.routeIds.sort()).toEqual(['track.get', 'track.query']);
    const handlers = new Set(routes.filter((r) => !('localOnly' in r && r.localOnly)).map((r) => r.handler));
    expect(stacks.api.functions.size).toBe(handlers.size + 2); // + the photo processor and $default
  });

  it('a function gets TABLE_NAME / UPLOADS_BUCKET exactly when its routes declare table / uploads access', () => {
    for (const spec of functionSpecs().filter((s) => s.kind === 'api')) {
      const fn = stacks.api.functions.get(spec.id);
      if (!fn) throw new Error(`no function ${spec.id}`);
      const cfn = fn.node.defaultChild as CfnFunction;
      const env = (Stack.of(stacks.api).resolve(cfn.environment) as { variables: Json }).variables;
      expect('TABLE_NAME' in env, `${spec.id} TABLE_NAME`).toBe(Boolean(spec.access.table));
      expect('UPLOADS_BUCKET' in env, `${spec.id} UPLOADS_BUCKET`).toBe(Boolean(spec.access.uploads));
      // the issuer and client id under the names functions/lib/config.ts reads, wherever a token is
      // verified by the handler itself (a public route's optional bearer token) or checked by API Gateway
      const auth = spec.authenticated || spec.optionalAuth;
      expect('AUTH_ISSUER' in env, `${spec.id} AUTH_ISSUER`).toBe(auth);
      expect('AUTH_CLIENT_ID' in env, `${spec.id} AUTH_CLIENT_ID`).toBe(auth);
      expect(
        Object.keys(env).filter((name) => !(name in configShape)),
        `${spec.id} env read by nothing`,
      ).toEqual([]);
      expect(env).toMatchObject({ REGENCY_CODE: '35.10' });
      // no source maps are shipped (logs never print stacks): nothing for Node to load at cold start
      expect(env.NODE_OPTIONS, `${spec.id} NODE_OPTIONS`).toBeUndefined();
    }
  });

  it('every handler that verifies an optional bearer token itself is declared optionalAuth (so it gets the issuer)', async () => {
    const files = (await readdir(join(repoRoot, 'functions'), { recursive: true })).filter((f) =>
      f.endsWith('.ts'),
    );
    const verifying: string[] = [];
    for (const file of files) {
      const text = await readFile(join(repoRoot, 'functions', file), 'utf8');
      if (/from '[./]+\/lib\/optional-auth'/.test(text)) verifying.push(file.replace(/\.ts$/, ''));
    }
    expect(verifying).toContain('products/handlers/get');
    for (const handler of verifying) {
      const spec = functionSpecs().find((s) => s.handler === handler);
      expect(spec?.optionalAuth || spec?.authenticated, handler).toBe(true);
    }
  });

  it('products.get (public, optional bearer token) can verify a Cognito token as config.ts reads it', () => {
    const spec = functionSpecs().find((s) => s.routeIds.includes('products.get'));
    const fn = spec && stacks.api.functions.get(spec.id);
    if (!fn) throw new Error('no function for products.get');
    const cfn = fn.node.defaultChild as CfnFunction;
    const env = (Stack.of(stacks.api).resolve(cfn.environment) as { variables: Json }).variables;
    const resolved = JSON.stringify(env);
    // the web client's id and the pool's (exported by the auth stack under their logical ids)
    const [[clientId] = ['?']] = resourcesOfType(templates.auth, 'AWS::Cognito::UserPoolClient');
    const [[poolId] = ['?']] = resourcesOfType(templates.auth, 'AWS::Cognito::UserPool');
    // and the workspace's client (ApiStack): both audiences, comma-separated
    expect(env.AUTH_CLIENT_ID, resolved).toEqual({
      'Fn::Join': [
        '',
        [
          { 'Fn::ImportValue': expect.stringMatching(new RegExp(`:ExportsOutputRef${clientId}`)) },
          ',',
          { Ref: expect.stringMatching(/^WorkspaceClient/) },
        ],
      ],
    });
    expect(env.AUTH_ISSUER, resolved).toEqual({
      'Fn::Join': [
        '',
        [
          'https://cognito-idp.',
          { Ref: 'AWS::Region' },
          '.amazonaws.com/',
          { 'Fn::ImportValue': expect.stringMatching(new RegExp(`:ExportsOutputRef${poolId}`)) },
        ],
      ],
    });
  });
});

describe('API routes', () => {
  it('every deployed route of the route table has an API route with the right authorization', () => {
    const apiRoutes = new Map(
      resourcesOfType(templates.api, 'AWS::ApiGatewayV2::Route').map(([, props]) => [
        props.RouteKey as string,
        props,
      ]),
    );
    for (const route of routes as readonly Route[]) {
      const key = `${route.method} ${apiGatewayPath(route.path)}`;
      if (route.localOnly) {
        expect(apiRoutes.has(key), `${route.id} is local only`).toBe(false);
        continue;
      }
      const deployed = apiRoutes.get(key);
      expect(deployed, `${route.id} → ${key}`).toBeDefined();
      expect(deployed?.AuthorizationType, route.id).toBe(route.auth === 'public' ? 'NONE' : 'JWT');
      if (route.auth !== 'public') expect(deployed?.AuthorizerId, route.id).toBeDefined();
    }
    // … plus $default (below)
    expect(apiRoutes.size).toBe(routes.filter((r) => !('localOnly' in r && r.localOnly)).length + 1);
  });

  it('$default (no route matches) goes to the NotFound function, without an authorizer', () => {
    const [[, route] = []] = resourcesOfType(templates.api, 'AWS::ApiGatewayV2::Route').filter(
      ([, props]) => props.RouteKey === '$default',
    );
    expect(route?.AuthorizationType ?? 'NONE').toBe('NONE');
    const target = JSON.stringify(route?.Target);
    const [[integrationId, integration] = []] = resourcesOfType(
      templates.api,
      'AWS::ApiGatewayV2::Integration',
    ).filter(([id]) => target.includes(id));
    expect(integrationId).toBeDefined();
    expect(JSON.stringify(integration?.IntegrationUri)).toMatch(/NotFound/);
  });

  it("the JWT authorizer trusts the Cognito user pool, its web client and the workspace's", () => {
    const [[, authorizer] = ['', {}]] = resourcesOfType(templates.api, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [expect.anything(), expect.anything()], Issuer: expect.anything() },
    });
  });

  it('a part-segment variable becomes a whole segment (API Gateway rejects `{code}.json`)', () => {
    expect(apiGatewayPath('/open311/v2/services/{code}.json')).toBe('/open311/v2/services/{code}');
    expect(apiGatewayPath('/open311/v2/services.json')).toBe('/open311/v2/services.json');
  });

  it('CORS allows every request header a handler reads (API Gateway and the local adapter alike)', async () => {
    // headers handlers read from the request, minus those a browser sets itself (CORS-safelisted or
    // forbidden) and the S3 response headers lib/ reads
    const notByScripts = new Set(['accept', 'accept-language', 'content-length', 'link', 'x-amz-request-id']);
    const files = (await readdir(join(repoRoot, 'functions'), { recursive: true })).filter((f) =>
      f.endsWith('.ts'),
    );
    const read = new Set<string>();
    for (const file of files) {
      const text = await readFile(join(repoRoot, 'functions', file), 'utf8');
      for (const m of text.matchAll(/headers(?:\[['"]([a-z-]+)['"]\]|\.([a-z]+)\b)/g))
        read.add((m[1] ?? m[2]) as string);
    }
    const needed = [...read].filter((h) => !notByScripts.has(h)).sort();
    expect(needed).toEqual(expect.arrayContaining(['authorization', 'idempotency-key', 'x-request-secret']));
    expect([...corsRequestHeaders].sort()).toEqual(expect.arrayContaining(needed));

    const [[, api] = ['', {}]] = resourcesOfType(templates.api, 'AWS::ApiGatewayV2::Api');
    expect((api.CorsConfiguration as { AllowHeaders: string[] }).AllowHeaders.sort()).toEqual(
      [...corsRequestHeaders].sort(),
    );
    // the workspace (/kerja/ of the site origin) calls the API: that origin only, the app's methods,
    // headers (If-Match for decisions) and the response headers it reads
    const cors = api.CorsConfiguration as Record<string, string[]>;
    expect(cors.AllowHeaders).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'if-match']),
    );
    expect(cors.AllowMethods?.sort()).toEqual(['DELETE', 'GET', 'PATCH', 'POST', 'PUT']);
    expect(cors.ExposeHeaders).toEqual(expect.arrayContaining(['etag', 'retry-after']));
    expect(cors.AllowOrigins?.length).toBeGreaterThan(0);
    expect(JSON.stringify(cors.AllowOrigins)).not.toContain('"*"');

    const server = createServer(
      createLocalApi({ routes, loadHandler: async () => undefined, verifyToken: async () => null }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const preflight = await fetch(`http://127.0.0.1:${port}/villages/35.10.24.2008/requests`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:4321' },
      });
      expect(preflight.headers.get('access-control-allow-headers')?.split(',').sort()).toEqual(
        [...corsRequestHeaders].sort(),
      );
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('the stage is throttled and logs access', () => {
    expectResource(templates.api, 'AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: {
        ThrottlingRateLimit: expect.any(Number),
        ThrottlingBurstLimit: expect.any(Number),
      },
      AccessLogSettings: { DestinationArn: expect.anything() },
    });
  });
});

describe('auth', () => {
  it('has a group per role and the custom attributes the handlers read', () => {
    const t = resourceMatcher(templates.auth);
    for (const group of Object.keys(groups))
      t.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: expect.arrayContaining(
        ['village', 'kecamatan', 'seller'].map((name) =>
          expect.objectContaining({ Name: name, Mutable: true }),
        ),
      ),
      Policies: { PasswordPolicy: expect.objectContaining({ MinimumLength: 12, RequireSymbols: true }) },
      MfaConfiguration: 'OPTIONAL',
    });
  });

  it('the web client cannot write groups or custom attributes', () => {
    const [[, client] = ['', {}]] = resourcesOfType(templates.auth, 'AWS::Cognito::UserPoolClient');
    expect((client.WriteAttributes as string[]).filter((a) => a.startsWith('custom:'))).toEqual([]);
    // nobody renames themselves: the name is what a decision's history shows
    expect(client.WriteAttributes).toEqual(['locale']);
    // no OAuth flows on it (CDK's default would be the implicit grant to https://example.com)
    expect(client.AllowedOAuthFlows).toBeUndefined();
    expect(client.CallbackURLs).toBeUndefined();
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(['custom:village', 'custom:kecamatan']));
    // SRP for apps, the admin flow (IAM-guarded) for operators; never the plain password flow
    expect([...(client.ExplicitAuthFlows as string[])].sort()).toEqual([
      'ALLOW_ADMIN_USER_PASSWORD_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
  });
});
