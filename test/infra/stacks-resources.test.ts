/**
 * CDK template assertions: the data stack, the sites and their host names and access logs, the photo
 * processor, the publisher and operations (the stacks and shared matchers: ./stacks-world.ts).
 */
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_RECEIVES } from '../../functions/products/photo-limits';
import { aliasStoreName } from '../../infra/cloudfront/render';
import { flattenForNag } from '../../infra/nag';
import { CNAME_QUOTA } from '../../infra/stacks/sites-stack';
import { tableDesign } from '../../infra/table-design';
import {
  asArray,
  bucketArn,
  expectResource,
  type Json,
  resourceMatcher,
  type Statement,
  stacks,
  templates,
  useStacks,
} from './stacks-world';
import { buildApp, resourcesOfType } from './support';

useStacks();

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
