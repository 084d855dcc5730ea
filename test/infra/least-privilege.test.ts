/**
 * Issue 13, defect 7: least privilege the review found missing, asserted on the synthesized templates.
 * (Beside stacks.test.ts, which is past its size: same app, same helpers.)
 *
 * - public read routes and the site build read only the table partitions they serve (IAM
 *   `dynamodb:LeadingKeys`), never a citizen's request, document, replay record or sign-in;
 * - indexes those readers query project no personal attribute of any entity written into them;
 * - officers, camat and admins cannot use the API without TOTP; sellers' MFA stays optional;
 * - API access logs do not store the caller's address;
 * - the uploads bucket keeps refused and moved uploads a day, not a month, and moves confirmed
 *   documents to a cheaper storage class after 90 days.
 */
import type { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Route } from '../../functions/routes';
import { deployedRoutes, functionSpecs } from '../../infra/bundles';
import { flattenForNag } from '../../infra/nag';
import type { SmartKampung } from '../../infra/smart-kampung';
import { entities } from '../support/entities';
import { stringLike } from '../support/string-like';
import { buildApp, resourcesOfType } from './support';

type Json = Record<string, unknown>;
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
}

let stacks: SmartKampung;
let templates: Record<keyof SmartKampung, Json>;

beforeAll(() => {
  ({ stacks } = buildApp());
  templates = Object.fromEntries(
    Object.entries(stacks).map(([name, stack]) => [name, Template.fromStack(stack as Stack).toJSON()]),
  ) as Record<keyof SmartKampung, Json>;
});

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const TABLE = 'arn:<AWS::Partition>:dynamodb:<AWS::Region>:<AWS::AccountId>:table/smart-kampung-3510';
const where = (resource: string) => (resource === TABLE ? 'table' : resource.replace(`${TABLE}/index/`, ''));
const READS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'];

function statementsOfRole(template: Json, roleLogicalId: string): Statement[] {
  return resourcesOfType(template, 'AWS::IAM::Policy')
    .filter(([, props]) => JSON.stringify(props.Roles) === JSON.stringify([{ Ref: roleLogicalId }]))
    .flatMap(([, props]) => (props.PolicyDocument as { Statement: Statement[] }).Statement);
}

function roleOf(template: Json, id: string): string {
  const [[roleId] = ['']] = resourcesOfType(template, 'AWS::IAM::Role').filter(([logical]) =>
    new RegExp(`^${id}Role[0-9A-F]{8}$`).test(logical),
  );
  return roleId;
}

function buildRole(): string {
  const [[, project] = ['', {}]] = resourcesOfType(templates.publish, 'AWS::CodeBuild::Project');
  return (project.ServiceRole as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0] as string;
}

/** The LeadingKeys patterns a role's read statements allow per table resource (`null` = any key). */
function readablePartitions(statements: Statement[]): Map<string, (string[] | null)[]> {
  const readable = new Map<string, (string[] | null)[]>();
  for (const st of statements) {
    if (st.Effect !== 'Allow' || !asArray(st.Action).some((a) => READS.includes(a))) continue;
    const condition = st.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];
    const others = Object.keys(st.Condition ?? {}).filter((op) => op !== 'ForAllValues:StringLike');
    expect(others, 'no condition but LeadingKeys on reads').toEqual([]);
    for (const resource of asArray(st.Resource)) {
      const name = where(flattenForNag(resource));
      readable.set(name, [...(readable.get(name) ?? []), condition ? asArray(condition) : null]);
    }
  }
  return readable;
}

const canRead = (readable: Map<string, (string[] | null)[]>, resource: string, key: string) =>
  (readable.get(resource) ?? []).some((patterns) => !patterns || patterns.some((p) => stringLike(p, key)));

/** Partitions of the table that hold what no public reader may see, with an example key of each. */
const PRIVATE = {
  document: ['table', 'documents#a1b2c3d4e5f6g7h8'],
  replay: ['table', 'idempotency#35.10.24.2008#form:0a1b2c'],
  localUser: ['table', 'localuser#officer@tamansari-licin'],
  sellerAccount: ['table', 'selleraccount#+6281355599901'],
  seller: ['table', 'seller#a1b2c3d4e5f6g7h8'],
  counter: ['table', 'counter#letter#35.10.24.2008#2026'],
  requestsByStatus: ['gsi3', 'village#35.10.24.2008#requests#submitted'],
  requestsByKecamatan: ['gsi4', 'kecamatan#35.10.24#requests#forwarded'],
  // the regency admin's queue: keyed on the request's own regencyCode (decision 0029)
  requestsByRegency: ['gsi5', '35.10'],
  privateProducts: ['gsi3', 'village#35.10.24.2008#products#private'],
  sellerProducts: ['gsi1', 'seller#a1b2c3d4e5f6g7h8#products'],
  sellersByVillage: ['gsi2', 'village#35.10.24.2008#sellers'],
} as const;
/** A request by id, and a village's requests: readable only where they are served. */
const REQUESTS = {
  byId: ['table', 'request#a1b2c3d4e5f6g7h8'],
  byVillage: ['gsi2', 'village#35.10.24.2008#requests'],
} as const;
/** A product by id: readable only by the product routes (and never by the request readers). */
const PRODUCT_BY_ID = ['table', 'product#a1b2c3d4e5f6g7h8'] as const;

const isPublicRead = (routes: Route[]) =>
  routes.every((r) => r.auth === 'public') && routes.some((r) => r.table === 'read');
const routesOf = (ids: string[]) => deployedRoutes().filter((r) => ids.includes(r.id));
/**
 * the public routes whose answer is a request's public status (tracking, Open311) or, to the holder of
 * its secret, its letter: they read requests
 */
const REQUEST_READERS = [
  'track.get',
  'track.query',
  'open311.request',
  'open311.requests',
  'requests.letter',
];

describe('public read routes and the site build read only the partitions they serve', () => {
  const publicReaders = () =>
    functionSpecs().filter((spec) => spec.kind === 'api' && isPublicRead(routesOf(spec.routeIds)));

  it('finds the public readers (catalogue, villages, products, tracking, Open311)', () => {
    expect(
      publicReaders()
        .flatMap((s) => s.routeIds)
        .sort(),
    ).toEqual(
      [
        'villages.list',
        'villages.get',
        'services.list',
        'track.get',
        'track.query',
        'open311.services',
        'open311.service',
        'open311.request',
        'open311.requests',
        'products.list',
        'products.search',
        'products.get',
        'requests.letter',
        'letters.verify',
      ].sort(),
    );
  });

  it('every table read of a public route is confined by dynamodb:LeadingKeys, never a private partition', () => {
    for (const spec of publicReaders()) {
      const readable = readablePartitions(statementsOfRole(templates.api, roleOf(templates.api, spec.id)));
      expect(readable.size, spec.id).toBeGreaterThan(0);
      for (const [resource, grants] of readable)
        expect(grants, `${spec.id} reads ${resource} with LeadingKeys`).not.toContain(null);
      for (const [name, [resource, key]] of Object.entries(PRIVATE))
        expect(canRead(readable, resource, key), `${spec.id} reads a ${name}`).toBe(false);
      const servesRequests = spec.routeIds.some((id) => REQUEST_READERS.includes(id));
      // products, sellers and requests have their own key spaces (`product#…`, `seller#…`,
      // `request#…`): a product route's grant reads no request, a request reader's no product
      if (!servesRequests)
        expect(canRead(readable, ...REQUESTS.byId), `${spec.id} reads a request by id`).toBe(false);
      if (spec.id !== 'ProductsGet')
        expect(canRead(readable, ...PRODUCT_BY_ID), `${spec.id} reads a product by id`).toBe(false);
      if (!spec.routeIds.includes('open311.requests'))
        expect(canRead(readable, ...REQUESTS.byVillage), `${spec.id} reads a village's requests`).toBe(false);
    }
  });

  it('products, sellers and requests are apart: products.get reads products by id, never a request or seller', () => {
    const readableOf = (routeId: string) => {
      const spec = functionSpecs().find((s) => s.kind === 'api' && s.routeIds.includes(routeId));
      if (!spec) throw new Error(`no function serves ${routeId}`);
      return readablePartitions(statementsOfRole(templates.api, roleOf(templates.api, spec.id)));
    };
    const productsGet = readableOf('products.get');
    expect(canRead(productsGet, ...PRODUCT_BY_ID)).toBe(true);
    expect(canRead(productsGet, ...REQUESTS.byId), 'products.get reads a request').toBe(false);
    expect(canRead(productsGet, ...PRIVATE.seller), 'products.get reads a seller').toBe(false);
    expect(canRead(productsGet, ...PRIVATE.document), 'products.get reads a document').toBe(false);
    const trackGet = readableOf('track.get');
    expect(canRead(trackGet, ...REQUESTS.byId)).toBe(true);
    expect(canRead(trackGet, ...PRODUCT_BY_ID), 'track.get reads a product').toBe(false);
    expect(canRead(trackGet, ...PRIVATE.document), "track.get reads a request's documents").toBe(false);
  });

  it('a public reader that counts its calls may update only the rate-limit counters', () => {
    const counting = publicReaders().filter((spec) => spec.counts);
    expect(counting.map((spec) => spec.id).sort()).toEqual([
      'Open311Request',
      'Open311Requests',
      'RequestsTrack',
      'RequestsVerify',
    ]);
    for (const spec of publicReaders()) {
      const writes = statementsOfRole(templates.api, roleOf(templates.api, spec.id)).filter((st) =>
        asArray(st.Action).some((a) => !READS.includes(a) && a.startsWith('dynamodb:')),
      );
      if (!spec.counts) {
        expect(writes, `${spec.id} writes the table`).toEqual([]);
        continue;
      }
      expect(writes.map((st) => asArray(st.Action))).toEqual([['dynamodb:UpdateItem']]);
      const patterns = asArray(
        writes[0]?.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] ?? [],
      );
      const updatable = (key: string) => patterns.some((p) => stringLike(p, key));
      expect(updatable('counter#rate#track#esoxtjrykjq28wpgfmawoh#2994459')).toBe(true);
      expect(updatable(PRIVATE.counter[1]), `${spec.id} updates a letter counter`).toBe(false);
      expect(updatable(REQUESTS.byId[1]), `${spec.id} updates a request`).toBe(false);
    }
  });

  it("the site build's reads are confined too (as its writes are)", () => {
    const readable = readablePartitions(statementsOfRole(templates.publish, buildRole()));
    expect(readable.size).toBeGreaterThan(0);
    for (const [resource, grants] of readable)
      expect(grants, `the build reads ${resource} with LeadingKeys`).not.toContain(null);
    for (const [name, [resource, key]] of Object.entries(PRIVATE))
      expect(canRead(readable, resource, key), `the build reads a ${name}`).toBe(false);
    expect(canRead(readable, ...REQUESTS.byId), 'the build reads a request by id').toBe(false);
    // what it serves: the regency's villages, their catalogue, news, budget and public products
    for (const [resource, key] of [
      ['table', 'village#35.10.24.2008'],
      ['table', 'catalogue#35.10'],
      ['table', 'catalogue#35.10.24.2008'],
      ['table', 'site#35.10.24.2008'],
      ['gsi1', 'regency#35.10'],
      ['gsi3', 'village#35.10.24.2008#products#public'],
    ] as const)
      expect(canRead(readable, resource, key), `the build reads ${resource} ${key}`).toBe(true);
  });
});

/** Attributes of an entity that are personal data or secrets (what only officers, or nobody, may read). */
const PERSONAL: Record<string, readonly string[]> = {
  request: [
    'applicant',
    'fields',
    'secretHash',
    'trackingCode',
    'history',
    'letterNumber',
    'requiredDocuments',
  ],
  seller: ['ownerName', 'whatsapp', 'history', 'reason', 'location'],
};

describe('indexes that public readers query carry no personal data', () => {
  it('an index a public route or the build reads projects no personal attribute of an entity written into it', () => {
    const [[, table] = ['', {}]] = resourcesOfType(templates.data, 'AWS::DynamoDB::Table');
    const gsis = table.GlobalSecondaryIndexes as {
      IndexName: string;
      Projection: { ProjectionType: string; NonKeyAttributes?: string[] };
    }[];
    const roles = [
      ...functionSpecs()
        .filter((spec) => spec.kind === 'api' && isPublicRead(routesOf(spec.routeIds)))
        .map((spec) => statementsOfRole(templates.api, roleOf(templates.api, spec.id))),
      statementsOfRole(templates.publish, buildRole()),
    ];
    const read = new Set(roles.flatMap((statements) => [...readablePartitions(statements).keys()]));
    expect(read.has('gsi3'), 'products.list and the build read gsi3').toBe(true);
    let checked = 0;
    for (const gsi of gsis) {
      if (!read.has(gsi.IndexName)) continue;
      // an entity writes into an index when it has the index's key attributes
      const writers = new Set(
        Object.values(entities)
          .filter((entity) => `${gsi.IndexName}pk` in entity.schema.attributes)
          .map((entity) => entity.entityName),
      );
      for (const entity of writers) {
        const personal = PERSONAL[entity] ?? [];
        if (personal.length === 0) continue;
        checked++;
        expect(gsi.Projection.ProjectionType, `${gsi.IndexName} holds ${entity}s`).toBe('INCLUDE');
        expect(
          (gsi.Projection.NonKeyAttributes ?? []).filter((a) => personal.includes(a)),
          `${gsi.IndexName} projects ${entity} attributes`,
        ).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('changing an index on a deployed table', () => {
  it('-c withoutIndexes=gsi2 leaves that index out (one deployment deletes it, the next makes it again) and warns', () => {
    const { stacks: without } = buildApp({ withoutIndexes: 'gsi2' });
    const [[, table] = ['', {}]] = resourcesOfType(
      Template.fromStack(without.data).toJSON(),
      'AWS::DynamoDB::Table',
    );
    expect((table.GlobalSecondaryIndexes as { IndexName: string }[]).map((g) => g.IndexName)).toEqual([
      'gsi1',
      'gsi3',
      'gsi4',
      'gsi5',
    ]);
    expect(
      Annotations.fromStack(without.data).findWarning('*', Match.stringLikeRegexp('index-left-out')),
    ).toHaveLength(1);
    expect(
      Annotations.fromStack(stacks.data).findWarning('*', Match.stringLikeRegexp('index-left-out')),
    ).toEqual([]);
  });

  it('-c allProjectionIndexes=gsi3 keeps that index projecting ALL, as deployed before (one index changes at a time)', () => {
    const { stacks: kept } = buildApp({ withoutIndexes: 'gsi2', allProjectionIndexes: 'gsi3' });
    const [[, table] = ['', {}]] = resourcesOfType(
      Template.fromStack(kept.data).toJSON(),
      'AWS::DynamoDB::Table',
    );
    const gsis = table.GlobalSecondaryIndexes as { IndexName: string; Projection: unknown }[];
    expect(gsis.map((g) => [g.IndexName, g.Projection])).toEqual([
      ['gsi1', { ProjectionType: 'ALL' }],
      ['gsi3', { ProjectionType: 'ALL' }],
      ['gsi4', { ProjectionType: 'ALL' }],
      ['gsi5', { ProjectionType: 'ALL' }],
    ]);
  });
});

describe('staff sign in with TOTP; sellers may', () => {
  const pool = () => resourcesOfType(templates.auth, 'AWS::Cognito::UserPool')[0]?.[1] ?? {};

  it('MFA is TOTP only, optional per user (sellers), with no remembered devices that would skip it', () => {
    expect(pool()).toMatchObject({ MfaConfiguration: 'OPTIONAL', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    expect(pool().DeviceConfiguration).toBeUndefined();
  });

  it('a pre-token-generation trigger gives staff groups only to users with TOTP, and may read only this pool', () => {
    const config = pool().LambdaConfig as Json | undefined;
    const trigger =
      (config?.PreTokenGenerationConfig as Json | undefined)?.LambdaArn ?? config?.PreTokenGeneration;
    expect(trigger, 'LambdaConfig.PreTokenGeneration').toBeDefined();
    const functionId = (trigger as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0] as string;
    const fn = Template.fromJSON(templates.auth).toJSON().Resources[functionId] as {
      Type: string;
      Properties: { Role: { 'Fn::GetAtt': string[] } };
    };
    expect(fn.Type).toBe('AWS::Lambda::Function');
    const statements = statementsOfRole(templates.auth, fn.Properties.Role['Fn::GetAtt'][0] as string);
    const cognito = statements.filter((st) => asArray(st.Action).some((a) => a.startsWith('cognito-idp:')));
    expect(cognito.flatMap((st) => asArray(st.Action))).toEqual(['cognito-idp:AdminGetUser']);
    const [[poolId] = ['']] = resourcesOfType(templates.auth, 'AWS::Cognito::UserPool');
    expect(cognito.flatMap((st) => asArray(st.Resource).map((r) => flattenForNag(r)))).toEqual([
      `<${poolId}.Arn>`,
    ]);
  });
});

describe('API access logs', () => {
  it("do not store the caller's address (nor a path: ids and codes stay out of them)", () => {
    const [[, stage] = ['', {}]] = resourcesOfType(templates.api, 'AWS::ApiGatewayV2::Stage');
    const format = (stage.AccessLogSettings as { Format?: string } | undefined)?.Format ?? '';
    expect(format).not.toMatch(/sourceIp|\$context\.identity|\$context\.path/);
    const fields = JSON.parse(format) as Record<string, string>;
    expect(fields).toMatchObject({
      requestId: '$context.requestId',
      route: '$context.routeKey',
      status: '$context.status',
    });
  });
});

describe('uploads bucket lifecycle', () => {
  const rules = () => {
    const [, uploads = {}] =
      resourcesOfType(templates.data, 'AWS::S3::Bucket').find(([id]) => id.startsWith('Uploads')) ?? [];
    return (uploads.LifecycleConfiguration as { Rules: Json[] }).Rules;
  };

  it('refused and moved uploads (noncurrent versions under incoming/) are gone within a day', () => {
    expect(rules()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Prefix: 'incoming/',
          Status: 'Enabled',
          NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        }),
      ]),
    );
  });

  it('confirmed documents move to Glacier Instant Retrieval after 90 days (an officer still opens them at once)', () => {
    expect(rules()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Prefix: 'requests/',
          Status: 'Enabled',
          Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 90 }],
        }),
      ]),
    );
  });
});
