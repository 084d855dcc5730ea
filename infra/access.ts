/**
 * The one mapping from "what a route declares" (`table: 'read'`, `uploads: 'write'`, ...) to what
 * its function gets: an environment variable naming the resource and IAM statements on exactly that
 * resource. Adding a resource kind = one entry in `accessBindings` (and its key in `accessKeys`).
 */
import { Aws } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Access, Partition } from '../functions/routes';
import type { AccessDeclarations, AccessKey } from './bundles';
import { counterPartitions, leadingKeysByResource } from './partitions';
import { gsiNames } from './table-design';

export interface ResourceBinding {
  /** environment variable the handler's config reads (functions/lib/config.ts) */
  envVar: string;
  /** its value, usually a resource name */
  value: string;
  /**
   * the IAM statements that `access` needs, on this resource only; for a bucket, on the objects under
   * `keys` (prefixes) when given, else on all its objects
   */
  statements(access: Access, keys?: readonly string[]): PolicyStatement[];
  /**
   * buckets only: s3:ListBucket on the bucket itself, for a function that asks whether an object
   * exists (route `probes`). Without it S3 answers a missing key with 403 instead of 404.
   */
  listing?(): PolicyStatement;
  /**
   * the table only: UpdateItem on the rate-limit counters' partitions, for a public reader that counts
   * its calls (route `counts`) while its reads stay confined to `partitions`
   */
  counting?(): PolicyStatement;
}

export const listActions = ['s3:ListBucket'];

export const tableActions: Record<Access, string[]> = {
  read: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
  write: [
    'dynamodb:GetItem',
    'dynamodb:Query',
    'dynamodb:BatchGetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    // many plain writes at once: onboarding, catalogue defaults (functions/lib/batch.ts)
    'dynamodb:BatchWriteItem',
    'dynamodb:TransactWriteItems',
    'dynamodb:ConditionCheckItem',
  ],
};

/**
 * Presigned POSTs and GETs are signed with the function's own credentials, so a function that hands
 * out an upload form needs PutObject itself.
 */
export const objectActions: Record<Access, string[]> = {
  read: ['s3:GetObject'],
  write: ['s3:PutObject', 's3:DeleteObject', 's3:GetObject'],
};

/**
 * The table and each of its indexes by name — no `index/*` wildcard. With `keys` (partition names,
 * functions/routes/ `partitions`): only the table or indexes those partitions live in, each confined
 * to their partition keys by `dynamodb:LeadingKeys` (one statement per table or index, since a Query
 * of an index is matched against the index's partition key). `ForAllValues`: every key of a request
 * (a BatchGetItem's too) must match; every read action names at least one key.
 */
export function tableBinding(table: ITable, regencyCode: string): ResourceBinding {
  const arnOf = (resource: string) =>
    resource === 'table' ? table.tableArn : `${table.tableArn}/index/${resource}`;
  return {
    envVar: 'TABLE_NAME',
    value: table.tableName,
    statements: (access, keys) =>
      keys
        ? [...leadingKeysByResource(regencyCode, keys as Partition[])].map(
            ([resource, leadingKeys]) =>
              new PolicyStatement({
                actions: tableActions[access],
                resources: [arnOf(resource)],
                conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': leadingKeys } },
              }),
          )
        : [
            new PolicyStatement({
              actions: tableActions[access],
              resources: [table.tableArn, ...gsiNames.map((name) => `${table.tableArn}/index/${name}`)],
            }),
          ],
    counting: () =>
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': counterPartitions() } },
      }),
  };
}

/** Objects of one bucket (object ARNs need the `/*`; cdk-nag's IAM5 for it is acknowledged in SkFunction). */
export function bucketBinding(bucket: IBucket, envVar: string): ResourceBinding {
  return {
    envVar,
    value: bucket.bucketName,
    statements: (access, keys) => [
      new PolicyStatement({
        actions: objectActions[access],
        resources: keys?.length
          ? keys.map((prefix) => bucket.arnForObjects(`${prefix}*`))
          : [bucket.arnForObjects('*')],
      }),
    ],
    listing: () => new PolicyStatement({ actions: listActions, resources: [bucket.bucketArn] }),
  };
}

/** Sellers' sign-ins are created server-side by the registration (functions/sellers/identity.ts). */
export const identityActions: Record<Access, string[]> = {
  read: ['cognito-idp:AdminGetUser'],
  write: [
    'cognito-idp:AdminGetUser',
    'cognito-idp:AdminCreateUser',
    'cognito-idp:AdminSetUserPassword',
    'cognito-idp:AdminUpdateUserAttributes',
    'cognito-idp:AdminAddUserToGroup',
  ],
};

/** The user pool, for the routes that declare `identity`. */
export function identityBinding(userPool: IUserPool): ResourceBinding {
  return {
    envVar: 'COGNITO_USER_POOL_ID',
    value: userPool.userPoolId,
    statements: (access) => [
      new PolicyStatement({ actions: identityActions[access], resources: [userPool.userPoolArn] }),
    ],
  };
}

/** Staff accounts are created, disabled and enabled by a regency admin (functions/accounts/directory.ts). */
export const staffAccountActions: Record<Access, string[]> = {
  read: ['cognito-idp:AdminGetUser'],
  write: [
    'cognito-idp:AdminGetUser',
    'cognito-idp:AdminCreateUser',
    'cognito-idp:AdminAddUserToGroup',
    'cognito-idp:AdminDisableUser',
    'cognito-idp:AdminEnableUser',
    'cognito-idp:AdminUserGlobalSignOut',
  ],
};

/** The user pool, for the routes that declare `staffAccounts`. */
export function staffAccountsBinding(userPool: IUserPool): ResourceBinding {
  return {
    envVar: 'COGNITO_USER_POOL_ID',
    value: userPool.userPoolId,
    statements: (access) => [
      new PolicyStatement({ actions: staffAccountActions[access], resources: [userPool.userPoolArn] }),
    ],
  };
}

/** The photo processor's queue: a route that triggers processing sends it the upload's event. */
export const queueActions: Record<Access, string[]> = {
  read: ['sqs:GetQueueAttributes'],
  write: ['sqs:SendMessage'],
};

/** One queue, for the routes that declare `photoQueue` (SSE-SQS: no KMS grant needed). */
export function queueBinding(queue: IQueue, envVar: string): ResourceBinding {
  return {
    envVar,
    value: queue.queueUrl,
    statements: (access) => [
      new PolicyStatement({ actions: queueActions[access], resources: [queue.queueArn] }),
    ],
  };
}

/** The regency's distribution: a route that withholds photos invalidates the edges' copies of them. */
export const cdnActions: Record<Access, string[]> = {
  read: ['cloudfront:GetInvalidation'],
  write: ['cloudfront:CreateInvalidation'],
};

/** One distribution (by id: it lives in the SitesStack), for the routes that declare `cdn`. */
export function distributionBinding(distributionId: string): ResourceBinding {
  return {
    envVar: 'DISTRIBUTION_ID',
    value: distributionId,
    statements: (access) => [
      new PolicyStatement({
        actions: cdnActions[access],
        resources: [`arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/${distributionId}`],
      }),
    ],
  };
}

export interface AccessResources {
  table: ITable;
  /** the regency's code: the table partitions of public readers are its own (infra/partitions.ts) */
  regencyCode: string;
  uploads: IBucket;
  photos: IBucket;
  letters: IBucket;
  userPool: IUserPool;
  /** only in the stack that owns it (ApiStack) */
  photoQueue?: IQueue;
  /** only in the stack that owns it (ApiStack) */
  letterQueue?: IQueue;
  /** the regency's CloudFront distribution id (SitesStack), only where functions invalidate it */
  distributionId?: string;
}

/** Access key → binding. The keys are the route table's field names. */
export function accessBindings(resources: AccessResources): Partial<Record<AccessKey, ResourceBinding>> {
  return {
    table: tableBinding(resources.table, resources.regencyCode),
    uploads: bucketBinding(resources.uploads, 'UPLOADS_BUCKET'),
    photos: bucketBinding(resources.photos, 'PHOTOS_BUCKET'),
    letters: bucketBinding(resources.letters, 'LETTERS_BUCKET'),
    identity: identityBinding(resources.userPool),
    staffAccounts: staffAccountsBinding(resources.userPool),
    ...(resources.photoQueue ? { photoQueue: queueBinding(resources.photoQueue, 'PHOTO_QUEUE_URL') } : {}),
    ...(resources.letterQueue
      ? { letterQueue: queueBinding(resources.letterQueue, 'LETTER_QUEUE_URL') }
      : {}),
    ...(resources.distributionId ? { cdn: distributionBinding(resources.distributionId) } : {}),
  };
}

/** Every declared access, bound; throws when a stack cannot provide a binding a function declares. */
export function bindingsFor(
  declared: AccessDeclarations,
  bindings: Partial<Record<AccessKey, ResourceBinding>>,
): [AccessKey, ResourceBinding, Access][] {
  return (Object.entries(declared) as [AccessKey, Access | undefined][]).flatMap(([key, access]) => {
    if (!access) return [];
    const binding = bindings[key];
    if (!binding) throw new Error(`no ${key} binding here for a function that declares ${key}: ${access}`);
    return [[key, binding, access] as [AccessKey, ResourceBinding, Access]];
  });
}
