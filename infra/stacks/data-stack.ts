import {
  Annotations,
  Aws,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type BucketProps,
  type CfnBucket,
  HttpMethods,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { type InfraConfig, siteOrigins } from '../config';
import type { BucketKind, ResourceNames } from '../names';
import { tableDesign } from '../table-design';

export interface DataStackProps extends StackProps {
  config: InfraConfig;
  names: ResourceNames;
}

/**
 * Object key conventions the lifecycle rules rely on. Upload handlers put presigned POSTs under
 * `incoming/`; the confirm step moves (or re-keys) what it accepts, so what is never confirmed
 * expires on its own.
 */
/** Where CloudFront standard logging v2 writes in the logs bucket (its default layout). */
export function cloudFrontLogsPrefix(account: string): string {
  return `AWSLogs/${account}/CloudFront/*`;
}

export const uploadsLayout = {
  incomingPrefix: 'incoming/',
  incomingExpiryDays: 2,
  /** refused or moved uploads: their noncurrent versions under incoming/ */
  incomingNoncurrentDays: 1,
  /** confirmed citizens' documents (functions/requests/documents.ts) */
  documentsPrefix: 'requests/',
  documentsColdAfterDays: 90,
  /** product photos uploaded by sellers; the photo processor listens to this prefix */
  productPhotoPrefix: 'incoming/products/',
} as const;

/**
 * What must never be destroyed: the table and the buckets. Everything is retained on stack deletion,
 * and nothing here depends on another stack. Other stacks refer to these resources by name
 * (infra/names.ts), never through exports, so they can change freely.
 */
export class DataStack extends Stack {
  readonly table: Table;
  readonly buckets: Record<BucketKind, Bucket>;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config, names } = props;

    const logs = new Bucket(this, 'Logs', {
      ...privateBucket(names.bucket('logs')),
      // CloudFront's standard logs are written with an ACL; S3 server access logs work either way
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(90) }],
    });
    // CloudFront standard logging v2 (infra/constructs/site-access-logs.ts): CloudWatch Logs' delivery
    // service writes the site's access logs here, only for deliveries of this account (made in us-east-1)
    logs.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudFrontAccessLogsDelivery',
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('delivery.logs.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [logs.arnForObjects(cloudFrontLogsPrefix(Aws.ACCOUNT_ID))],
        conditions: {
          StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: {
            'aws:SourceArn': `arn:${Aws.PARTITION}:logs:us-east-1:${Aws.ACCOUNT_ID}:delivery-source:*`,
          },
        },
      }),
    );
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it into itself would loop',
    });

    const logged = (
      kind: BucketKind,
    ): Pick<BucketProps, 'serverAccessLogsBucket' | 'serverAccessLogsPrefix'> => ({
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: `s3/${kind}/`,
    });
    const origins = siteOrigins(config);

    const uploads = new Bucket(this, 'Uploads', {
      ...privateBucket(names.bucket('uploads')),
      ...logged('uploads'),
      // citizens' documents are evidence of a request: versioned so an overwrite or delete can be undone
      versioned: true,
      // Uploads are plain HTML form posts (a navigation: no CORS involved). CORS is only for a script
      // on the regency's own pages that posts the presigned form with fetch — and only once the
      // regency's domain is known: no wildcard `*.cloudfront.net` (every CloudFront site in the world)
      ...(origins.length > 0
        ? {
            cors: [
              {
                allowedMethods: [HttpMethods.POST],
                allowedOrigins: origins,
                allowedHeaders: ['*'],
                maxAge: 3000,
              },
            ],
          }
        : {}),
      lifecycleRules: [
        { id: 'abort-incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          id: 'expire-unconfirmed-uploads',
          prefix: uploadsLayout.incomingPrefix,
          expiration: Duration.days(uploadsLayout.incomingExpiryDays),
        },
        // a refused upload is deleted and an accepted one moved (copied to `requests/`, then deleted):
        // either leaves a noncurrent version under incoming/ that nobody needs — gone after a day
        // (S3 counts from the next midnight UTC), not a month
        {
          id: 'expire-noncurrent-incoming',
          prefix: uploadsLayout.incomingPrefix,
          noncurrentVersionExpiration: Duration.days(uploadsLayout.incomingNoncurrentDays),
        },
        { id: 'expire-noncurrent', noncurrentVersionExpiration: Duration.days(30) },
        // confirmed documents are read while their request is handled, rarely after: Glacier Instant
        // Retrieval stores them for about a third of Standard-IA's price and still answers an officer's
        // link in milliseconds (S3 leaves objects under 128 KB where they are: no gain for them)
        {
          id: 'documents-to-glacier-ir',
          prefix: uploadsLayout.documentsPrefix,
          transitions: [
            {
              storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(uploadsLayout.documentsColdAfterDays),
            },
          ],
        },
      ],
    });
    // S3 → EventBridge, set on the bucket itself: the photo processor (api stack) subscribes with a
    // rule, so this stack needs no notification custom resource and no reference to that stack
    (uploads.node.defaultChild as CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };

    const letters = new Bucket(this, 'Letters', {
      ...privateBucket(names.bucket('letters')),
      ...logged('letters'),
      // signed letters are official documents: versioned, old versions kept for a year
      versioned: true,
      lifecycleRules: [{ id: 'expire-noncurrent', noncurrentVersionExpiration: Duration.days(365) }],
    });

    // regenerable (from the uploads and from the table): not versioned
    const photos = new Bucket(this, 'Photos', {
      ...privateBucket(names.bucket('photos')),
      ...logged('photos'),
    });
    const site = new Bucket(this, 'Site', { ...privateBucket(names.bucket('site')), ...logged('site') });
    for (const bucket of [photos, site]) allowCloudFrontRead(bucket);

    this.buckets = { logs, uploads, letters, photos, site };

    new CfnOutput(this, 'UploadsBucketName', { value: uploads.bucketName });
    new CfnOutput(this, 'SiteBucketName', { value: site.bucketName });

    const [hash, range] = tableDesign.KeySchema;
    if (!hash || !range) throw new Error('tableDesign needs a hash and a range key');
    this.table = new Table(this, 'Table', {
      tableName: names.table,
      partitionKey: { name: hash.AttributeName, type: AttributeType.STRING },
      sortKey: { name: range.AttributeName, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: tableDesign.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDesign.GlobalSecondaryIndexes) {
      const [pk, sk] = index.KeySchema;
      if (!pk) throw new Error(`${index.IndexName} needs a hash key`);
      if (config.withoutIndexes.includes(index.IndexName)) {
        Annotations.of(this).addWarningV2(
          'smart-kampung:index-left-out',
          `${index.IndexName} is left out of the table (withoutIndexes): its queries fail until a deployment without withoutIndexes creates it again`,
        );
        continue;
      }
      // an index kept as deployed before its projection changed (config allProjectionIndexes)
      const projection = config.allProjectionIndexes.includes(index.IndexName)
        ? { ProjectionType: 'ALL' as const }
        : index.Projection;
      this.table.addGlobalSecondaryIndex({
        indexName: index.IndexName,
        partitionKey: { name: pk.AttributeName, type: AttributeType.STRING },
        ...(sk ? { sortKey: { name: sk.AttributeName, type: AttributeType.STRING } } : {}),
        ...(projection.ProjectionType === 'ALL'
          ? { projectionType: ProjectionType.ALL }
          : { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: projection.NonKeyAttributes }),
      });
    }
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}

function privateBucket(bucketName: string): BucketProps {
  return {
    bucketName,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
  };
}

/**
 * Origin access control, written from the bucket's side: any CloudFront distribution of this
 * account may read objects (the sites stack's distribution signs with OAC). Written here rather than
 * by the sites stack so the data stack never depends on it.
 */
function allowCloudFrontRead(bucket: Bucket): void {
  bucket.addToResourcePolicy(
    new PolicyStatement({
      sid: 'CloudFrontOriginAccessControl',
      effect: Effect.ALLOW,
      principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
      actions: ['s3:GetObject'],
      resources: [bucket.arnForObjects('*')],
      conditions: {
        StringEquals: { 'AWS:SourceAccount': Aws.ACCOUNT_ID },
        ArnLike: { 'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/*` },
      },
    }),
  );
}
