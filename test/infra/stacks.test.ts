import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { Env } from '../../functions/lib/config';
import { PHOTO_MAX_RECEIVES } from '../../functions/products/photo-limits';
import { corsRequestHeaders, type Route, routes } from '../../functions/routes';
import {
  cdnActions,
  identityActions,
  listActions,
  objectActions,
  queueActions,
  tableActions,
} from '../../infra/access';
import { accessKeys, functionSpecs, repoRoot } from '../../infra/bundles';
import { aliasStoreName } from '../../infra/cloudfront/render';
import { createLocalApi } from '../../infra/local/adapter';
import { flattenForNag } from '../../infra/nag';
import { confinedGrants } from '../../infra/partitions';
import type { SmartKampung } from '../../infra/smart-kampung';
import { apiGatewayPath } from '../../infra/stacks/api-stack';
import { groups } from '../../infra/stacks/auth-stack';
import { CNAME_QUOTA } from '../../infra/stacks/sites-stack';
import { gsiNames, tableDesign } from '../../infra/table-design';
import { buildApp, hasResource, resourcesOfType } from './support';

/** Assertions with vitest matchers (CDK's own `Template` wants its `Match` helpers instead). */
function resourceMatcher(template: Json) {
  return {
    hasResourceProperties(type: string, shape: Json) {
      expect(hasResource(template, type, shape), `a ${type} like ${JSON.stringify(shape)}`).toBe(true);
    },
    hasResource(type: string, shape: Json) {
      expect(
        hasResource(template, type, shape, { whole: true }),
        `a ${type} like ${JSON.stringify(shape)}`,
      ).toBe(true);
    },
  };
}
const expectResource = (template: Json, type: string, shape: Json) =>
  resourceMatcher(template).hasResourceProperties(type, shape);

type Json = Record<string, unknown>;
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

let stacks: SmartKampung;
let templates: Record<keyof SmartKampung, Json>;

beforeAll(() => {
  ({ stacks } = buildApp());
  templates = Object.fromEntries(
    Object.entries(stacks).map(([name, stack]) => [name, Template.fromStack(stack as Stack).toJSON()]),
  ) as Record<keyof SmartKampung, Json>;
});

/** every variable functions/lib/config.ts reads */
const configShape = Env.shape;
const allTemplates = () => Object.values(templates);
const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const tableArn = 'arn:<AWS::Partition>:dynamodb:<AWS::Region>:<AWS::AccountId>:table/smart-kampung-3510';
const bucketArn = (kind: string) =>
  `arn:<AWS::Partition>:s3:::smart-kampung-3510-${kind}-<AWS::AccountId>-<AWS::Region>`;
const bucketObjects = (kind: string) => `${bucketArn(kind)}/*`;
/** the SitesStack's distribution, as the ApiStack imports it (its id is the Sites stack's export) */
const distributionArn = 'arn:<AWS::Partition>:cloudfront::<AWS::AccountId>:distribution/<distribution>';
const namedDistribution = (flat: string) =>
  flat.replace(
    /distribution\/SmartKampung-3510-Sites:ExportsOutputRefDistribution[0-9A-F]{8,}$/,
    'distribution/<distribution>',
  );

describe('functions', () => {
  it('every function runs Node 24 on arm64', () => {
    const functions = allTemplates().flatMap((t) => resourcesOfType(t, 'AWS::Lambda::Function'));
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
    expect(env.AUTH_CLIENT_ID, resolved).toEqual({
      'Fn::ImportValue': expect.stringMatching(new RegExp(`:ExportsOutputRef${clientId}`)),
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

  it('the JWT authorizer trusts the Cognito user pool and its web client', () => {
    const [[, authorizer] = ['', {}]] = resourcesOfType(templates.api, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [expect.anything()], Issuer: expect.anything() },
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

    const server = createServer(
      createLocalApi({ routes, loadHandler: async () => undefined, verifyToken: async () => null }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const preflight = await fetch(`http://127.0.0.1:${port}/villages/35.10.24.2008/requests`, {
        method: 'OPTIONS',
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

describe('least privilege', () => {
  function policyOf(stackTemplate: Json, roleLogicalId: string): Statement[] {
    return resourcesOfType(stackTemplate, 'AWS::IAM::Policy')
      .filter(([, props]) => JSON.stringify(props.Roles) === JSON.stringify([{ Ref: roleLogicalId }]))
      .flatMap(([, props]) => (props.PolicyDocument as { Statement: Statement[] }).Statement);
  }

  /** What a spec may be granted: [action, flattened resource] pairs. */
  function allowedGrants(spec: typeof functionSpecs extends () => (infer S)[] ? S : never): Set<string> {
    const allowed = new Set<string>();
    for (const key of accessKeys) {
      const access = spec.access[key];
      if (!access) continue;
      if (key === 'identity') {
        for (const action of identityActions[access]) allowed.add(`${action} <user-pool>`);
      } else if (key === 'photoQueue') {
        for (const action of queueActions[access]) allowed.add(`${action} <photo-queue>`);
      } else if (key === 'cdn') {
        for (const action of cdnActions[access]) allowed.add(`${action} ${distributionArn}`);
      } else if (key === 'table') {
        // a function whose routes name their partitions: only the table or indexes they live in
        // (each statement's LeadingKeys condition: least-privilege.test.ts)
        const grants = spec.partitions
          ? confinedGrants('35.10', spec.partitions, tableActions[access]).map((g) => ({
              actions: g.actions,
              resources: [g.resource === 'table' ? tableArn : `${tableArn}/index/${g.resource}`],
            }))
          : [
              {
                actions: tableActions[access],
                resources: [tableArn, ...gsiNames.map((n) => `${tableArn}/index/${n}`)],
              },
            ];
        for (const { actions, resources } of grants)
          for (const action of actions)
            for (const resource of resources) allowed.add(`${action} ${resource}`);
      } else {
        const prefixes = spec.keys[key];
        const resources = prefixes ? prefixes.map((p) => `${bucketArn(key)}/${p}*`) : [bucketObjects(key)];
        for (const action of objectActions[access]) for (const r of resources) allowed.add(`${action} ${r}`);
      }
    }
    for (const bucket of spec.probes)
      for (const action of listActions) allowed.add(`${action} ${bucketArn(bucket)}`);
    return allowed;
  }

  /** Where each kind of function is deployed. */
  const stackOf = (spec: { kind: string }) =>
    spec.kind === 'site-dispatch' ? 'publish' : spec.kind === 'overdue-metric' ? 'operations' : 'api';

  it("each function's policy grants only the table, buckets and actions its routes declare", () => {
    const kinds = new Set(functionSpecs().map((spec) => spec.kind));
    expect([...kinds].sort()).toEqual([
      'api',
      'not-found',
      'overdue-metric',
      'photo-processor',
      'site-dispatch',
    ]);
    for (const spec of functionSpecs()) {
      const template = templates[stackOf(spec)];
      const roles = resourcesOfType(template, 'AWS::IAM::Role').filter(([id]) =>
        new RegExp(`^${spec.id}Role[0-9A-F]{8}$`).test(id),
      );
      expect(roles.length, `${spec.id}: one role in the ${stackOf(spec)} stack`).toBe(1);
      const roleId = roles[0]?.[0] ?? '';
      const statements = policyOf(template, roleId);
      expect(statements.length, spec.id).toBeGreaterThan(0);
      const allowed = allowedGrants(spec);
      const granted = new Set<string>();
      for (const statement of statements) {
        expect(statement.Effect).toBe('Allow');
        for (const action of asArray(statement.Action)) {
          for (const resource of asArray(statement.Resource)) {
            const raw = flattenForNag(resource);
            // the user pool's ARN arrives from the auth stack (an import): one name for it
            const flat =
              action.startsWith('cognito-idp:') && /Users/.test(JSON.stringify(resource))
                ? '<user-pool>'
                : raw;
            expect(flat, `${spec.id}: ${action}`).not.toBe('*');
            if (action.startsWith('logs:')) {
              expect(flat, `${spec.id} logs only to its own log group`).toMatch(/^<.*Logs.*\.Arn>$/);
            } else if (action.startsWith('sqs:') && spec.kind === 'photo-processor') {
              expect(flat).toMatch(/^<PhotoQueue.*\.Arn>$/);
            } else if (action === 'events:PutEvents' && spec.kind === 'site-dispatch') {
              expect(flat).toMatch(/^<Bus.*\.Arn>$/);
            } else {
              // the photo queue (a route's `photoQueue`): one name for it
              // and the distribution (a route's `cdn`), imported from the Sites stack
              const named = action.startsWith('sqs:')
                ? flat.replace(/^<PhotoQueue[0-9A-F]*\.Arn>$/, '<photo-queue>')
                : action.startsWith('cloudfront:')
                  ? namedDistribution(flat)
                  : flat;
              expect(allowed.has(`${action} ${named}`), `${spec.id} may not ${action} on ${named}`).toBe(
                true,
              );
              granted.add(`${action} ${named}`);
            }
          }
        }
      }
      // and it gets all of what it declares
      expect(
        [...allowed].filter((grant) => !granted.has(grant)),
        spec.id,
      ).toEqual([]);
    }
  });

  it('s3:ListBucket on the uploads bucket exactly for the functions that probe for an upload', () => {
    const listing = resourcesOfType(templates.api, 'AWS::IAM::Policy')
      .filter(([, props]) =>
        (props.PolicyDocument as { Statement: Statement[] }).Statement.some((s) =>
          asArray(s.Action).includes('s3:ListBucket'),
        ),
      )
      .map(([, props]) => (props.Roles as { Ref: string }[])[0]?.Ref.replace(/Role[0-9A-F]{8}$/, ''))
      .sort();
    // a missing upload is then 404 (→ 422 / "refused"), not 403 (→ 500 / retried into the DLQ)
    expect(listing).toEqual(['ProductsPhotoConfirm', 'ProductsProcessPhoto', 'RequestsDocumentConfirm']);
    for (const [, props] of resourcesOfType(templates.api, 'AWS::IAM::Policy')) {
      for (const statement of (props.PolicyDocument as { Statement: Statement[] }).Statement) {
        if (!asArray(statement.Action).includes('s3:ListBucket')) continue;
        expect(asArray(statement.Resource).map((r) => flattenForNag(r))).toEqual([bucketArn('uploads')]);
      }
    }
  });

  it('the public receipt route cannot touch confirmed documents: its object grants stop at incoming/requests/', () => {
    const receipt = functionSpecs().find((spec) => spec.routeIds.includes('requests.receipt'));
    if (!receipt) throw new Error('no receipt function');
    const [[roleId] = ['']] = resourcesOfType(templates.api, 'AWS::IAM::Role').filter(([id]) =>
      new RegExp(`^${receipt.id}Role[0-9A-F]{8}$`).test(id),
    );
    const s3Resources = resourcesOfType(templates.api, 'AWS::IAM::Policy')
      .filter(([, props]) => JSON.stringify(props.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap(([, props]) => (props.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((statement) => asArray(statement.Action).some((a) => a.startsWith('s3:')))
      .flatMap((statement) => asArray(statement.Resource).map((r) => flattenForNag(r)));
    expect(s3Resources).toEqual([`${bucketArn('uploads')}/incoming/requests/*`]);
    // the officer's read of confirmed documents is confined the same way
    const get = functionSpecs().find((spec) => spec.routeIds.includes('requests.get'));
    expect(get?.keys).toEqual({ uploads: ['requests/'] });
  });

  it("no function may touch a whole bucket: every object grant names its key prefixes, and no product route reaches the citizens' documents", () => {
    const s3Resources = (specId: string) => {
      const [[roleId] = ['']] = resourcesOfType(templates.api, 'AWS::IAM::Role').filter(([id]) =>
        new RegExp(`^${specId}Role[0-9A-F]{8}$`).test(id),
      );
      return resourcesOfType(templates.api, 'AWS::IAM::Policy')
        .filter(([, props]) => JSON.stringify(props.Roles) === JSON.stringify([{ Ref: roleId }]))
        .flatMap(([, props]) => (props.PolicyDocument as { Statement: Statement[] }).Statement)
        .filter((statement) =>
          asArray(statement.Action).some((a) => a.startsWith('s3:') && a.endsWith('Object')),
        )
        .flatMap((statement) => asArray(statement.Resource).map((r) => flattenForNag(r)));
    };
    const routeSpecs = functionSpecs().filter((spec) => spec.routeIds.length > 0);
    let checked = 0;
    for (const spec of routeSpecs) {
      for (const resource of s3Resources(spec.id)) {
        checked++;
        // `<bucket>/*` is the whole bucket; `<bucket>/incoming/products/*` a prefix
        expect(resource.split('/').length, `${spec.id}: ${resource}`).toBeGreaterThan(2);
        if (spec.routeIds.some((id) => id.startsWith('products.') || id.startsWith('photos.')))
          expect(resource, spec.id).not.toMatch(/\/(incoming\/)?requests\//);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('exactly the functions that withhold photos (take-down, seller suspension) may invalidate the distribution, and only it', () => {
    const withholding = functionSpecs()
      .filter((spec) => spec.access.cdn)
      .map((spec) => spec.id)
      .sort();
    expect(withholding).toEqual(['ProductsPatch', 'SellersTransition']);
    expect(
      functionSpecs()
        .filter((spec) => spec.access.cdn)
        .flatMap((spec) => spec.routeIds)
        .sort(),
    ).toEqual(['products.patch', 'sellers.transition']);
    // the distribution id: the Sites stack's distribution, in those functions' environment only
    const sitesDistribution = resourcesOfType(templates.sites, 'AWS::CloudFront::Distribution');
    expect(sitesDistribution).toHaveLength(1);
    const withEnv = resourcesOfType(templates.api, 'AWS::Lambda::Function')
      .filter(
        ([, props]) => (props.Environment as { Variables?: Json } | undefined)?.Variables?.DISTRIBUTION_ID,
      )
      .map(([id, props]) => {
        const value = flattenForNag((props.Environment as { Variables: Json }).Variables.DISTRIBUTION_ID);
        expect(value, id).toMatch(/^<?SmartKampung-3510-Sites:ExportsOutputRefDistribution[0-9A-F]{8,}>?$/);
        expect(value, id).toContain(`Ref${sitesDistribution[0]?.[0]}`);
        return id.replace(/[0-9A-F]{8}$/, '');
      })
      .sort();
    expect(withEnv).toEqual(withholding);
    // the grant: CreateInvalidation, on that distribution's ARN, for those roles only
    const granted: string[] = [];
    for (const template of allTemplates())
      for (const [, props] of resourcesOfType(template, 'AWS::IAM::Policy'))
        for (const statement of (props.PolicyDocument as { Statement: Statement[] }).Statement) {
          const actions = asArray(statement.Action).filter((a) => a.startsWith('cloudfront:'));
          if (actions.length === 0 || template !== templates.api) continue;
          expect(actions).toEqual(['cloudfront:CreateInvalidation']);
          expect(asArray(statement.Resource).map((r) => namedDistribution(flattenForNag(r)))).toEqual([
            distributionArn,
          ]);
          granted.push((props.Roles as { Ref: string }[])[0]?.Ref.replace(/Role[0-9A-F]{8}$/, '') ?? '');
        }
    expect(granted.sort()).toEqual(withholding);
  });

  it('no policy of any stack grants an action on every resource (`*`)', () => {
    for (const template of allTemplates()) {
      for (const [id, props] of resourcesOfType(template, 'AWS::IAM::Policy')) {
        for (const statement of (props.PolicyDocument as { Statement: Statement[] }).Statement) {
          expect(asArray(statement.Resource), id).not.toContain('*');
        }
      }
    }
  });
});

describe('data', () => {
  it('every bucket blocks public access, is encrypted and refuses plain HTTP', () => {
    const template = templates.data;
    const buckets = resourcesOfType(template, 'AWS::S3::Bucket');
    expect(buckets.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(
      ['Letters', 'Logs', 'Photos', 'Site', 'Uploads'].sort(),
    );
    const policies = resourcesOfType(template, 'AWS::S3::BucketPolicy');
    for (const [id, props] of buckets) {
      expect(props.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(props.BucketEncryption, id).toBeDefined();
      const policy = policies.find(([, p]) => JSON.stringify(p.Bucket) === JSON.stringify({ Ref: id }));
      const statements = (policy?.[1].PolicyDocument as { Statement: (Statement & { Condition?: Json })[] })
        ?.Statement;
      expect(
        statements?.some(
          (s) =>
            s.Effect === 'Deny' &&
            JSON.stringify(s.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }),
        ),
        `${id} enforces SSL`,
      ).toBe(true);
    }
  });

  it('the uploads bucket answers CORS only for the regency site origins, and none without a site domain', () => {
    const uploadsOf = (template: Json) =>
      resourcesOfType(template, 'AWS::S3::Bucket').find(([id]) => id.startsWith('Uploads'))?.[1] ?? {};
    // plain form posts need no CORS; no wildcard `https://*.cloudfront.net` (every CloudFront site)
    expect(uploadsOf(templates.data).CorsConfiguration).toBeUndefined();
    const { stacks: withDomain } = buildApp({
      siteDomain: 'desa.banyuwangikab.go.id',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      villageAliases: JSON.stringify({ 'tamansari.desa.id': 'tamansari-licin' }),
    });
    expect(uploadsOf(Template.fromStack(withDomain.data).toJSON()).CorsConfiguration).toEqual({
      CorsRules: [
        expect.objectContaining({
          AllowedMethods: ['POST'],
          AllowedOrigins: ['https://desa.banyuwangikab.go.id', 'https://tamansari.desa.id'],
        }),
      ],
    });
  });

  it('documents and letters are versioned; unconfirmed uploads expire', () => {
    const t = resourceMatcher(templates.data);
    for (const kind of ['uploads', 'letters']) {
      t.hasResourceProperties('AWS::S3::Bucket', {
        BucketName: { 'Fn::Join': ['', expect.arrayContaining([`smart-kampung-3510-${kind}-`])] },
        VersioningConfiguration: { Status: 'Enabled' },
      });
    }
    t.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: expect.arrayContaining([
          expect.objectContaining({ Prefix: 'incoming/', ExpirationInDays: 2 }),
        ]),
      },
    });
  });

  it('the table has point-in-time recovery, deletion protection, TTL and is retained', () => {
    const t = resourceMatcher(templates.data);
    t.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        TableName: 'smart-kampung-3510',
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: tableDesign.ttlAttribute, Enabled: true },
      },
    });
  });

  it('the table has exactly the keys and indexes of tableDesign (the local runtime creates the same)', () => {
    const [[, table] = ['', {}]] = resourcesOfType(templates.data, 'AWS::DynamoDB::Table');
    expect(table.KeySchema).toEqual(tableDesign.KeySchema);
    expect(new Set(table.AttributeDefinitions as unknown[])).toEqual(
      new Set(tableDesign.AttributeDefinitions),
    );
    expect(table.GlobalSecondaryIndexes).toEqual(tableDesign.GlobalSecondaryIndexes);
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
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(['custom:village', 'custom:kecamatan']));
    // SRP for apps, the admin flow (IAM-guarded) for operators; never the plain password flow
    expect([...(client.ExplicitAuthFlows as string[])].sort()).toEqual([
      'ALLOW_ADMIN_USER_PASSWORD_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
  });
});

describe('sites', () => {
  it('serves the site bucket through origin access control with security headers and the viewer-request function', () => {
    const t = resourceMatcher(templates.sites);
    Template.fromJSON(templates.sites).resourceCountIs('AWS::CloudFront::OriginAccessControl', 2);
    t.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
    });
    t.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: expect.objectContaining({
          ContentSecurityPolicy: expect.objectContaining({ Override: true }),
          StrictTransportSecurity: expect.objectContaining({ AccessControlMaxAgeSec: expect.any(Number) }),
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: expect.objectContaining({ Override: true }),
        }),
      },
    });
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: expect.objectContaining({
        DefaultCacheBehavior: expect.objectContaining({
          Compress: true,
          ViewerProtocolPolicy: 'redirect-to-https',
          FunctionAssociations: [expect.objectContaining({ EventType: 'viewer-request' })],
        }),
        CacheBehaviors: expect.arrayContaining([
          expect.objectContaining({ PathPattern: '/_astro/*' }),
          expect.objectContaining({ PathPattern: '/photos/*' }),
        ]),
      }),
    });
  });

  it('adds the regency domain and village host names with the certificate when given', () => {
    const { stacks: withDomain } = buildApp({
      siteDomain: 'desa.banyuwangikab.go.id',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      villageAliases: JSON.stringify({ 'tamansari.desa.id': 'tamansari-licin' }),
    });
    resourceMatcher(Template.fromStack(withDomain.sites).toJSON()).hasResourceProperties(
      'AWS::CloudFront::Distribution',
      {
        DistributionConfig: expect.objectContaining({
          Aliases: ['desa.banyuwangikab.go.id', 'tamansari.desa.id'],
          ViewerCertificate: expect.objectContaining({ MinimumProtocolVersion: 'TLSv1.2_2021' }),
        }),
      },
    );
  });
});

describe('village host names', () => {
  it('the viewer-request function reads the alias map from a KeyValueStore imported from the aliases', () => {
    for (const t of [templates.sites]) {
      expectResource(t, 'AWS::CloudFront::Function', {
        FunctionConfig: expect.objectContaining({
          Runtime: 'cloudfront-js-2.0',
          KeyValueStoreAssociations: [{ KeyValueStoreARN: expect.anything() }],
        }),
      });
      // no aliases: an empty store (the function opens it at start), nothing to import
      const [[, store]] = resourcesOfType(t, 'AWS::CloudFront::KeyValueStore') as [[string, Json]];
      expect(store.ImportSource).toBeUndefined();
    }
    const { stacks: withAliases } = buildApp({
      siteDomain: 'desa.banyuwangikab.go.id',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      villageAliases: { 'tamansari.desa.id': 'tamansari-licin' },
    });
    const t = Template.fromStack(withAliases.sites).toJSON() as Json;
    const stores = resourcesOfType(t, 'AWS::CloudFront::KeyValueStore');
    expect(stores).toHaveLength(1);
    expect(stores[0]?.[1]).toMatchObject({
      Name: aliasStoreName('SmartKampung-3510', { 'tamansari.desa.id': 'tamansari-licin' }),
      ImportSource: { SourceType: 'S3' },
    });
    // the alias map is no longer in the function's code
    const fn = resourcesOfType(t, 'AWS::CloudFront::Function')[0]?.[1] as Json;
    expect(JSON.stringify(fn.FunctionCode)).not.toContain('tamansari');
  });

  it("warn at synth when the alias hosts exceed CloudFront's default 100 alternate domain names", () => {
    const aliases = Object.fromEntries(
      Array.from({ length: CNAME_QUOTA }, (_, i) => [`desa${i}.desa.id`, `desa-${i}`]),
    );
    const { stacks: many } = buildApp({
      siteDomain: 'desa.banyuwangikab.go.id',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      villageAliases: aliases,
    });
    const warnings = Annotations.fromStack(many.sites).findWarning(
      '*',
      Match.stringLikeRegexp('alias-quota'),
    );
    expect(warnings).toHaveLength(1);
    expect(
      Annotations.fromStack(stacks.sites).findWarning('*', Match.stringLikeRegexp('alias-quota')),
    ).toEqual([]);
  });
});

describe('site access logs (CloudFront standard logging v2, deliverable from Jakarta)', () => {
  const calls = () =>
    resourcesOfType(templates.sites, 'Custom::AWS').map(([, props]) => flattenForNag(props.Create));

  it('no legacy Logging on the distribution (it cannot deliver to buckets in opt-in regions)', () => {
    const distributions = resourcesOfType(templates.sites, 'AWS::CloudFront::Distribution');
    expect(distributions).toHaveLength(1);
    for (const [, props] of distributions) expect(props.DistributionConfig).not.toHaveProperty('Logging');
  });

  it('source, destination and delivery are created through the us-east-1 delivery API', () => {
    const created = calls();
    expect(created).toHaveLength(3);
    for (const call of created) expect(call).toContain('"region":"us-east-1"');
    expect(created.find((c) => c.includes('putDeliverySource'))).toMatch(
      /"resourceArn":"arn:<AWS::Partition>:cloudfront::<AWS::AccountId>:distribution\/<Distribution\w+>","logType":"ACCESS_LOGS"/,
    );
    expect(created.find((c) => c.includes('putDeliveryDestination'))).toContain(
      `"destinationResourceArn":"${bucketArn('logs')}"`,
    );
    expect(created.find((c) => c.includes('createDelivery'))).toBeDefined();
  });

  it('the logs bucket lets the log delivery service write CloudFront logs, for this account only', () => {
    expectResource(templates.data, 'AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Allow',
            Principal: { Service: 'delivery.logs.amazonaws.com' },
            Action: 's3:PutObject',
            Condition: expect.objectContaining({
              StringEquals: expect.objectContaining({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }),
            }),
          }),
        ]),
      },
    });
  });
});

describe('photo processor, publisher, operations', () => {
  it('the photo processor consumes a queue with a dead-letter queue, fed by S3 events of the uploads bucket', () => {
    const t = resourceMatcher(templates.api);
    t.hasResourceProperties('AWS::SQS::Queue', {
      // the processor's own constant: it marks the photo failed on exactly that receive
      RedrivePolicy: { deadLetterTargetArn: expect.anything(), maxReceiveCount: PHOTO_MAX_RECEIVES },
    });
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.s3'], 'detail-type': ['Object Created'], detail: expect.anything() },
    });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('the publisher is a CodeBuild project started by the site-out-of-date event, with a dead-letter queue', () => {
    const t = resourceMatcher(templates.publish);
    // default: EC2 compute, offered in every CodeBuild region (Lambda compute unconfirmed in ap-southeast-3)
    t.hasResourceProperties('AWS::CodeBuild::Project', {
      Environment: expect.objectContaining({ ComputeType: 'BUILD_GENERAL1_MEDIUM', Type: 'LINUX_CONTAINER' }),
    });
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['smart-kampung'], 'detail-type': ['site.outOfDate'] },
      Targets: [expect.objectContaining({ DeadLetterConfig: expect.anything() })],
    });
  });

  it("the site build reads the table and may update only the villages' own partitions (never requests, sellers or users)", () => {
    const project = resourcesOfType(templates.publish, 'AWS::CodeBuild::Project')[0]?.[1];
    const roleRef = JSON.stringify(
      (project?.ServiceRole as { 'Fn::GetAtt'?: string[] } | undefined)?.['Fn::GetAtt']?.[0] ??
        project?.ServiceRole,
    );
    const statements = resourcesOfType(templates.publish, 'AWS::IAM::Policy')
      .filter(([, props]) => JSON.stringify(props.Roles).includes(roleRef.replaceAll('"', '')))
      .flatMap(([, props]) => (props.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((st) => asArray(st.Action).some((a) => a.startsWith('dynamodb:')));
    expect(statements.length).toBeGreaterThan(0);
    const writes = ['PutItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems'].map(
      (a) => `dynamodb:${a}`,
    );
    for (const st of statements) {
      const actions = asArray(st.Action);
      expect(actions.filter((a) => writes.includes(a))).toEqual([]);
      if (actions.includes('dynamodb:UpdateItem')) {
        expect(actions).toEqual(['dynamodb:UpdateItem']);
        expect((st as { Condition?: unknown }).Condition).toEqual({
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['site#*'] },
        });
      }
    }
    expect(statements.some((st) => asArray(st.Action).includes('dynamodb:UpdateItem'))).toBe(true);
  });

  it('the site build caches npm downloads in S3 and installs from that cache', () => {
    const project = resourcesOfType(templates.publish, 'AWS::CodeBuild::Project')[0]?.[1];
    expect(project?.Cache).toMatchObject({ Type: 'S3' });
    const spec = JSON.parse(String(project?.Source && (project.Source as Json).BuildSpec)) as Json;
    expect(spec.cache).toEqual({ paths: ['/root/.npm/**/*'] });
    expect(JSON.stringify(spec.phases)).toContain('npm ci --prefer-offline');
    // --omit=optional would drop sharp's native build, --omit=dev Astro and tsx
    expect(JSON.stringify(spec.phases)).not.toContain('--omit');
  });

  it('-c buildCompute=lambda: Lambda compute (arm64, 4 GB) without a build cache', () => {
    const { stacks: lambda } = buildApp({ buildCompute: 'lambda' });
    const template = Template.fromStack(lambda.publish).toJSON() as Json;
    const project = resourcesOfType(template, 'AWS::CodeBuild::Project')[0]?.[1];
    expect(project?.Environment).toMatchObject({
      ComputeType: 'BUILD_LAMBDA_4GB',
      Type: 'ARM_LAMBDA_CONTAINER',
    });
    expect(project?.Cache).toEqual({ Type: 'NO_CACHE' });
    expect(resourcesOfType(template, 'AWS::S3::Bucket')).toEqual([]);
  });

  it('alarms on failed site builds, dispatcher errors and the API 4xx share (where throttled 429s count)', () => {
    const alarms = resourcesOfType(templates.operations, 'AWS::CloudWatch::Alarm');
    const byMetric = (name: string) => alarms.filter(([, props]) => props.MetricName === name);
    expect(byMetric('FailedBuilds')).toHaveLength(1);
    expect(byMetric('FailedBuilds')[0]?.[1]).toMatchObject({ Namespace: 'AWS/CodeBuild' });
    expect(byMetric('Errors')).toHaveLength(1);
    expect(byMetric('Errors')[0]?.[1]).toMatchObject({ Namespace: 'AWS/Lambda' });
    const rate = alarms.find(([, props]) => JSON.stringify(props.Metrics ?? []).includes('"4xx"'));
    expect(rate, 'a 4xx-share alarm').toBeDefined();
    expect(JSON.stringify(rate?.[1].Metrics)).toContain('"Count"');
    // all alarms of the system stay within CloudWatch's 10 free alarms
    expect(alarms.length).toBeLessThanOrEqual(10);
    const dashboard = resourcesOfType(templates.operations, 'AWS::CloudWatch::Dashboard')[0]?.[1];
    const body = JSON.stringify(dashboard?.DashboardBody);
    expect(body).toContain('FailedBuilds');
    expect(body).toContain('4xx share');
  });

  it('alarms on 5xx, throttles, dead letters and overdue requests', () => {
    const alarms = resourcesOfType(templates.operations, 'AWS::CloudWatch::Alarm').map(
      ([, props]) => props.MetricName,
    );
    expect(alarms).toEqual(
      expect.arrayContaining(['5xx', 'Throttles', 'ApproximateNumberOfMessagesVisible', 'OverdueRequests']),
    );
    Template.fromJSON(templates.operations).resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});
