import {
  ArnFormat,
  Aws,
  CfnOutput,
  Duration,
  IgnoreMode,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import {
  BuildSpec,
  Cache,
  ComputeType,
  LinuxArmLambdaBuildImage,
  LinuxBuildImage,
  Project,
  Source,
} from 'aws-cdk-lib/aws-codebuild';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, EventField, Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { CodeBuildProject, LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { siteOutOfDate } from '../../functions/publish/events';
import type { Partition } from '../../functions/routes';
import { tableBinding } from '../access';
import { functionSpec, repoRoot } from '../bundles';
import type { InfraConfig } from '../config';
import { specFunction } from '../constructs/lambda';
import { acknowledgeWildcards } from '../nag';
import type { ResourceNames } from '../names';
import { SITE_STATE_PARTITIONS } from '../partitions';

/**
 * What a site build reads (functions/sites/export.ts, scripts/publish-site.ts): the regency's places,
 * catalogue, each village's news, APBDes and site state, its public products, and its requests' service
 * codes for "most used services" (gsi2 projects no personal attribute: infra/table-design.ts).
 */
export const SITE_BUILD_PARTITIONS: readonly Partition[] = [
  'places',
  'placesByRegency',
  'catalogue',
  'siteStates',
  'publicProducts',
  'requestsByVillage',
];

export interface PublishStackProps extends StackProps {
  config: InfraConfig;
  names: ResourceNames;
  /** CloudFront distribution serving the site bucket (invalidated after each publish) */
  distributionId: string;
  siteUrl: string;
  apiUrl: string;
}

/**
 * The "site out of date" signal on the regency's bus. Handlers that change what a village's site shows
 * record it durably in the table (SiteState, in the change's own transaction); the dispatcher below
 * turns a village that has been quiet for a minute into one event (`detail: {village: '<code>'}`);
 * `village: '*'` rebuilds every village (the nightly run).
 */
export { siteOutOfDate };

/** npm's download cache in CodeBuild's images (the build runs as root) */
export const NPM_CACHE_DIR = '/root/.npm';

/**
 * The site build's buildspec. `npm ci` installs the whole repository (~1 GB unpacked: Astro and tsx are
 * devDependencies, so `--omit=dev` is not an option, and `--omit=optional` would drop sharp's native
 * build). With a cache, the packages come from the cached ~/.npm (`--prefer-offline`) instead of the
 * registry; only what the lockfile changed is downloaded.
 */
export function siteBuildSpec({ cache }: { cache: boolean }): Record<string, unknown> {
  const install = cache
    ? 'npm ci --prefer-offline --no-audit --no-fund --loglevel=error'
    : 'npm ci --no-audit --no-fund --loglevel=error';
  return {
    version: '0.2',
    phases: {
      install: { commands: [install] },
      build: {
        // builds $VILLAGE (or all), syncs dist to s3://$SITE_BUCKET/<slug>/ and invalidates /<slug>/*
        commands: ['npm run publish:site -- --village "$VILLAGE"'],
      },
    },
    ...(cache ? { cache: { paths: [`${NPM_CACHE_DIR}/**/*`] } } : {}),
  };
}

export function eventBusName(names: ResourceNames): string {
  return `${names.stackPrefix}-events`;
}

/**
 * Rebuilds one village's Astro site, syncs it to `s3://<site bucket>/<slug>/` and invalidates that
 * prefix — on CodeBuild (Lambda compute, arm64), started directly by EventBridge: no code of ours
 * runs to start it. Why CodeBuild rather than a container Lambda: docs/deploy.md.
 */
export class PublishStack extends Stack {
  readonly project: Project;
  readonly deadLetterQueue: Queue;
  readonly bus: EventBus;
  /** the every-minute dispatcher of out-of-date villages (watched by the operations stack) */
  readonly dispatcher: IFunction;

  constructor(scope: Construct, id: string, props: PublishStackProps) {
    super(scope, id, props);
    const { config, names } = props;

    this.bus = new EventBus(this, 'Bus', { eventBusName: eventBusName(names) });

    // the repository itself, without what `npm ci` and the build recreate
    const source = new Asset(this, 'Source', {
      path: repoRoot,
      ignoreMode: IgnoreMode.GIT,
      exclude: [
        '.git',
        'node_modules',
        'cdk.out',
        'dist',
        'coverage',
        '.local',
        '.lambda-deps',
        'site/.astro',
        '.astro', // Astro's cache at the root: a concurrent site build rewrites it while synth copies
        '*.log',
        'test',
      ],
    });

    const logGroup = new LogGroup(this, 'BuildLogs', { retention: RetentionDays.ONE_MONTH });
    const site = Bucket.fromBucketName(this, 'SiteBucket', names.bucket('site'));
    const table = Table.fromTableName(this, 'Table', names.table);

    const lambdaCompute = config.buildCompute === 'lambda';
    // npm's download cache (~/.npm) between builds: `npm ci --prefer-offline` then takes the ~1 GB of
    // packages from it instead of the registry. EC2 compute only: see the buildCompute context value.
    const cacheBucket = lambdaCompute
      ? undefined
      : new Bucket(this, 'BuildCache', {
          encryption: BucketEncryption.S3_MANAGED,
          blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
          enforceSSL: true,
          // the cache is rebuilt by the next build: nothing here is worth keeping
          removalPolicy: RemovalPolicy.DESTROY,
          lifecycleRules: [{ id: 'expire-cache', expiration: Duration.days(30) }],
        });
    if (cacheBucket) {
      Validations.of(cacheBucket).acknowledge({
        id: 'AwsSolutions-S1',
        reason:
          'Build cache of public npm packages, written and read only by the site build: nothing to audit',
      });
    }

    this.project = new Project(this, 'SiteBuild', {
      description: 'Builds one village site (or all: VILLAGE=*) and publishes it',
      source: Source.s3({ bucket: source.bucket, path: source.s3ObjectKey }),
      environment: lambdaCompute
        ? // Lambda compute: starts in seconds, billed per second, 15 min per build (no timeout setting)
          {
            buildImage: LinuxArmLambdaBuildImage.AMAZON_LINUX_2023_NODE_24,
            computeType: ComputeType.LAMBDA_4GB,
          }
        : // EC2 compute, general1.medium (7 GB: the nightly all-villages Astro build needs more than small's 3 GB
          // to be safe): available wherever CodeBuild is, ap-southeast-3 included; up to 8 h per build
          { buildImage: LinuxBuildImage.AMAZON_LINUX_2023_5, computeType: ComputeType.MEDIUM },
      ...(lambdaCompute ? {} : { timeout: Duration.minutes(60) }),
      ...(cacheBucket ? { cache: Cache.bucket(cacheBucket, { prefix: 'npm' }) } : {}),
      environmentVariables: {
        VILLAGE: { value: '*' },
        REGENCY_CODE: { value: config.regencyCode },
        TABLE_NAME: { value: names.table },
        AWS_REGION_NAME: { value: Aws.REGION },
        SITE_BUCKET: { value: site.bucketName },
        DISTRIBUTION_ID: { value: props.distributionId },
        SITE_URL: { value: props.siteUrl },
        API_URL: { value: props.apiUrl },
      },
      logging: { cloudWatch: { logGroup } },
      buildSpec: BuildSpec.fromObject(siteBuildSpec({ cache: Boolean(cacheBucket) })),
    });

    // sync: list, put, delete in the site bucket; read its own source; invalidate; read the table
    this.project.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [site.bucketArn] }),
    );
    this.project.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [site.arnForObjects('*')],
      }),
    );
    this.project.addToRolePolicy(
      new PolicyStatement({
        actions: ['cloudfront:CreateInvalidation'],
        resources: [
          `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/${props.distributionId}`,
        ],
      }),
    );
    // reads the data; marks the village published when nothing changed during the build. A build runs
    // third-party code (npm packages, Astro): it may read only the partitions a site shows
    // (SITE_BUILD_PARTITIONS) and update only the villages' site states (`site#<village>`), never a
    // village, its news, citizens' requests, sellers or users
    for (const statement of tableBinding(table, config.regencyCode).statements('read', SITE_BUILD_PARTITIONS))
      this.project.addToRolePolicy(statement);
    this.project.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [SITE_STATE_PARTITIONS] },
        },
      }),
    );

    this.deadLetterQueue = new Queue(this, 'PublishDLQ', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });

    const target = (village: string) =>
      new CodeBuildProject(this.project, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 4,
        maxEventAge: Duration.hours(6),
        event: RuleTargetInput.fromObject({
          environmentVariablesOverride: [{ name: 'VILLAGE', value: village, type: 'PLAINTEXT' }],
        }),
      });

    new Rule(this, 'OnSiteOutOfDate', {
      description: 'A village site is out of date: rebuild it',
      eventBus: this.bus,
      eventPattern: { source: [siteOutOfDate.source], detailType: [siteOutOfDate.detailType] },
      targets: [target(EventField.fromPath('$.detail.village'))],
    });
    new Rule(this, 'Nightly', {
      description: 'Rebuild every village at 02:00 WIB (dates on pages, any signal that was lost)',
      schedule: Schedule.cron({ minute: '0', hour: '19' }),
      targets: [target('*')],
    });

    Validations.of(this.project).acknowledge({
      id: 'AwsSolutions-CB4',
      reason:
        'The build produces no artifacts; what it publishes is public pages, encrypted at rest with S3-managed keys',
    });
    const role = this.project.role;
    if (role) {
      acknowledgeWildcards(
        role,
        [site.arnForObjects('*')],
        'Sync replaces the objects of the site bucket (one bucket of ours)',
      );
      // what CodeBuild's L2 grants itself: its own log streams and report groups, and reading its source asset
      acknowledgeWildcards(
        role,
        [
          Stack.of(this).formatArn({
            service: 'logs',
            resource: 'log-group',
            resourceName: `/aws/codebuild/${this.project.projectName}:*`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
          Stack.of(this).formatArn({
            service: 'codebuild',
            resource: 'report-group',
            resourceName: `${this.project.projectName}-*`,
          }),
        ],
        'CodeBuild service grants: log streams and report groups of this project only',
      );
      if (cacheBucket) {
        // Cache.bucket's grant: read and write the objects of the build's own cache bucket
        acknowledgeWildcards(
          role,
          [cacheBucket.arnForObjects('*')],
          'CodeBuild S3 cache: the objects of the build cache bucket of this stack',
        );
        for (const action of ['s3:DeleteObject*', 's3:Abort*']) {
          Validations.of(role).acknowledge({
            id: `AwsSolutions-IAM5[Action::${action}]`,
            reason: 'CodeBuild S3 cache grant (bucket.grantReadWrite) on the build cache bucket only',
          });
        }
      }
      for (const action of ['s3:GetBucket*', 's3:GetObject*', 's3:List*']) {
        Validations.of(role).acknowledge({
          id: `AwsSolutions-IAM5[Action::${action}]`,
          reason:
            'CodeBuild reading its source: the CDK asset grant on the bootstrap assets bucket (read-only)',
        });
      }
    }
    // the bridge from the durable signal (SiteState items in the table) to this bus: every minute, one
    // event per village that changed and has been quiet for a minute (functions/publish/handlers/dispatch)
    const dispatcher = specFunction(
      this,
      functionSpec('site-dispatch'),
      {
        description: 'Out-of-date village sites → site.outOfDate events (starts their publish)',
        environment: { REGENCY_CODE: config.regencyCode, EVENT_BUS_NAME: this.bus.eventBusName },
      },
      { table: tableBinding(table, config.regencyCode) },
    );
    this.dispatcher = dispatcher;
    this.bus.grantPutEventsTo(dispatcher);
    new Rule(this, 'DispatchEveryMinute', {
      description: 'Publish the village sites whose data changed',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(dispatcher, { retryAttempts: 0 })],
    });

    new CfnOutput(this, 'SiteBuildProject', { value: this.project.projectName });
    new CfnOutput(this, 'EventBusName', { value: this.bus.eventBusName });

    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue',
    });
  }
}
