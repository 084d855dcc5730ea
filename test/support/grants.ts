/**
 * What the grants test (test/integration/grants.test.ts) records: every request leaving the process
 * at the one HTTP handler the functions share, attributed to its function and turned into the IAM
 * action(s) AWS authorizes it with; the runtime it runs on. The flows that exercise the functions:
 * ./grants-flows.ts.
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { HttpRequest } from '@smithy/types';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { type FunctionSpec, functionSpecs } from '../../infra/bundles';
import { localInvocation } from '../../infra/local/invocation';
import type { LocalRuntime } from '../../infra/local/runtime';
import { SITE_BUILD } from './granted';
import { client, startRuntime } from './runtime';

/** Registers this world's hooks: call it once at the top level of a test file that uses it. */
export function useGrantsRuntime(): void {
  beforeAll(setUp, 120_000);
  afterAll(tearDown);
}

export let runtime: LocalRuntime;
export let call: ReturnType<typeof client>;
export let restoreTransports: () => void;
/** the processor's queue, made in fauxqs (AWS: ApiStack's PhotoQueue) */
export let photoQueueUrl = '';
/** the flows make the queue (./grants-flows.ts) */
export const setPhotoQueueUrl = (url: string) => {
  photoQueueUrl = url;
};

/** function id → "action resource" → the routes (or the function) it was seen in */
export const observed = new Map<string, Map<string, Set<string>>>();
/** function id → "action resource" → the partition keys of each DynamoDB call (JSON arrays) */
export const partitionKeys = new Map<string, Map<string, Set<string>>>();

export const specs = functionSpecs();
export const specOfRoute = new Map(specs.flatMap((spec) => spec.routeIds.map((id) => [id, spec] as const)));

/** An IAM action on a resource, and the partition keys the call names (DynamoDB's `dynamodb:LeadingKeys`). */
export type Call = string | { action: string; keys: string[] };

export function record(calls: Call[]) {
  const invocation = localInvocation.getStore();
  const spec: FunctionSpec | undefined = invocation?.routeId
    ? specOfRoute.get(invocation.routeId)
    : specs.find((s) => s.id === invocation?.functionId);
  // the site build runs as its CodeBuild role (scripts/publish-site.ts): not a function of ours
  const id = spec?.id ?? (invocation?.functionId === SITE_BUILD ? SITE_BUILD : undefined);
  // outside any invocation (the seeds, the test's own set-up): nobody's grant
  if (!invocation || !id) return;
  const seen = observed.get(id) ?? new Map<string, Set<string>>();
  observed.set(id, seen);
  const keysSeen = partitionKeys.get(id) ?? new Map<string, Set<string>>();
  partitionKeys.set(id, keysSeen);
  for (const call of calls) {
    const action = typeof call === 'string' ? call : call.action;
    const where = seen.get(action) ?? new Set<string>();
    where.add(invocation.routeId ?? id);
    seen.set(action, where);
    if (typeof call === 'string') continue;
    const keys = keysSeen.get(action) ?? new Set<string>();
    keys.add(JSON.stringify([...new Set(call.keys)].sort()));
    keysSeen.set(action, keys);
  }
}

export type AttributeValue = { S?: string };
export type Keyed = {
  TableName?: string;
  Key?: Record<string, AttributeValue>;
  Item?: Record<string, AttributeValue>;
};

/**
 * The partition keys a DynamoDB call names, what IAM evaluates `dynamodb:LeadingKeys` against: the
 * table's `pk` of each item or key, or for a Query the value its key condition gives the partition key
 * of what it reads (the index's own, `<index>pk`, for an index).
 */
export function leadingKeys(
  input: {
    IndexName?: string;
    KeyConditionExpression?: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, AttributeValue>;
    RequestItems?: Record<string, ({ Keys?: Record<string, AttributeValue>[] } | Keyed[]) & unknown>;
    TransactItems?: Record<string, Keyed>[];
  } & Keyed,
): string[] {
  const pkOf = (item?: Record<string, AttributeValue>) => (item?.pk?.S === undefined ? [] : [item.pk.S]);
  if (input.KeyConditionExpression) {
    const hash = input.IndexName ? `${input.IndexName}pk` : 'pk';
    const names = input.ExpressionAttributeNames ?? {};
    const keys: string[] = [];
    for (const m of input.KeyConditionExpression.matchAll(/(#[\w]+)\s*\)?\s*=\s*\(?\s*(:[\w]+)/g)) {
      const [, name = '', value = ''] = m;
      const key = input.ExpressionAttributeValues?.[value]?.S;
      if ((names[name] ?? name) === hash && key !== undefined) keys.push(key);
    }
    return keys;
  }
  const batch = Object.values(input.RequestItems ?? {}).flatMap((request) =>
    Array.isArray(request)
      ? (request as { PutRequest?: Keyed; DeleteRequest?: Keyed }[]).flatMap((r) => [
          ...pkOf(r.PutRequest?.Item),
          ...pkOf(r.DeleteRequest?.Key),
        ])
      : (request.Keys ?? []).flatMap((key) => pkOf(key)),
  );
  const transact = (input.TransactItems ?? []).flatMap((item) =>
    Object.values(item).flatMap((op) => [...pkOf(op.Key), ...pkOf(op.Item)]),
  );
  return [...pkOf(input.Key), ...pkOf(input.Item), ...batch, ...transact];
}

/** DynamoDB: the target is the IAM action; the resources are the table (and the index) named in the body. */
export function dynamoActions(target: string, body: string): Call[] {
  const action = `dynamodb:${target.split('.')[1]}`;
  const input = JSON.parse(body || '{}') as Parameters<typeof leadingKeys>[0];
  const tables = [
    ...(input.TableName ? [input.TableName] : []),
    ...Object.keys(input.RequestItems ?? {}),
    ...(input.TransactItems ?? []).flatMap((item) => Object.values(item).flatMap((op) => op.TableName ?? [])),
  ];
  const table = (name: string) => (name === runtime.tableName ? 'table' : `unknown-table:${name}`);
  const keys = leadingKeys(input);
  return [...new Set(tables)].map((name) => ({
    action: `${action} ${table(name)}${input.IndexName ? `/index/${input.IndexName}` : ''}`,
    keys,
  }));
}

export const bodyText = (body: unknown) =>
  typeof body === 'string' ? body : body instanceof Uint8Array ? new TextDecoder().decode(body) : '';

/** S3 (path-style locally): the operation's IAM actions on the object (bucket/key) or the bucket. */
export function s3Actions(request: HttpRequest, status: number): string[] {
  const bucket = (name: string) =>
    name === runtime.uploadsBucket
      ? 'uploads'
      : name === runtime.photosBucket
        ? 'photos'
        : name === runtime.lettersBucket
          ? 'letters'
          : `unknown:${name}`;
  const object = (bucketAndKey: string) => {
    const [name = '', ...key] = bucketAndKey.replace(/^\//, '').split('/');
    return { bucket: bucket(name), resource: `bucket:${bucket(name)}/${key.join('/')}` };
  };
  const target = object(decodeURIComponent(request.path));
  const method = request.method.toUpperCase();
  const copySource = request.headers['x-amz-copy-source'];
  if (method === 'HEAD' || method === 'GET') {
    // on AWS a missing key answers 404 only to a caller that may list the bucket (else 403)
    return [
      `s3:GetObject ${target.resource}`,
      ...(status === 404 ? [`s3:ListBucket bucket:${target.bucket}`] : []),
    ];
  }
  if (method === 'DELETE') return [`s3:DeleteObject ${target.resource}`];
  if (method === 'PUT' && copySource)
    return [
      `s3:GetObject ${object(decodeURIComponent(copySource)).resource}`,
      `s3:PutObject ${target.resource}`,
    ];
  if (method === 'PUT') return [`s3:PutObject ${target.resource}`];
  return [`s3:unknown-${method} ${target.resource}`];
}

/** SQS (JSON protocol): the target's action is the IAM action; the queue is named by QueueUrl. */
export function sqsActions(target: string, body: string): string[] {
  const { QueueUrl = '' } = JSON.parse(body || '{}') as { QueueUrl?: string };
  const queue = QueueUrl === photoQueueUrl ? 'queue:photo' : `unknown-queue:${QueueUrl}`;
  return [`sqs:${target.split('.')[1]} ${queue}`];
}

/** CloudFront (REST-XML): an invalidation of the test's distribution, or of some other one. */
export const DISTRIBUTION_ID = 'EGRANTSAUDIT01';
export function cloudfrontActions(request: HttpRequest): string[] {
  const match = /^\/\d{4}-\d{2}-\d{2}\/distribution\/([^/]+)\/invalidation$/.exec(request.path);
  if (request.method !== 'POST' || !match) return [`cloudfront:unknown-${request.method} ${request.path}`];
  return [
    `cloudfront:CreateInvalidation ${match[1] === DISTRIBUTION_ID ? 'distribution' : `unknown:${match[1]}`}`,
  ];
}

export async function postForm(url: string, fields: Record<string, string>, bytes: Buffer, type: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'upload');
  const res = await fetch(url, { method: 'POST', body: form, redirect: 'manual' });
  expect(res.status).toBeLessThan(400);
}

/** The HTTP handler of an SDK client (NodeHttpHandler): one request, one response. */
export interface Transport {
  handle(request: HttpRequest, options?: unknown): Promise<{ response: { statusCode: number } }>;
}
export type Answer = Awaited<ReturnType<Transport['handle']>>;

/** Routes every request of `client` through `observe`; answers the function that undoes it. */
export function intercept(
  client: { config: { requestHandler: unknown } },
  observe: (request: HttpRequest, send: () => Promise<Answer>) => Promise<Answer>,
): () => void {
  const transport = client.config.requestHandler as Transport;
  const original = transport.handle;
  transport.handle = function (this: unknown, request, options) {
    return observe(request, () => original.call(this, request, options));
  };
  return () => {
    transport.handle = original;
  };
}

async function setUp() {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  const dynamo = (await import('../../functions/lib/aws')).dynamo();
  const s3 = (await import('../../functions/lib/s3-objects')).s3();
  const sqs = (await import('../../functions/lib/sqs-messages')).sqs();
  const cloudfront = (await import('../../functions/lib/cdn-invalidation')).cloudfront();
  const restores = [
    intercept(dynamo, async (request, send) => {
      const target = request.headers['x-amz-target'];
      if (target) record(dynamoActions(target, bodyText(request.body)));
      return send();
    }),
    intercept(s3, async (request, send) => {
      const answer = await send();
      record(s3Actions(request, answer.response.statusCode));
      return answer;
    }),
    intercept(sqs, async (request, send) => {
      record(sqsActions(request.headers['x-amz-target'] ?? '', bodyText(request.body)));
      return send();
    }),
    // CloudFront cannot run here: the invalidation is recorded and answered, never sent
    intercept(cloudfront, async (request) => {
      record(cloudfrontActions(request));
      const xml = `<?xml version="1.0" encoding="UTF-8"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>IRECORDED</Id><Status>InProgress</Status></Invalidation>`;
      return { response: { statusCode: 201, headers: {}, body: new TextEncoder().encode(xml) } } as Answer;
    }),
  ];
  // the CloudFront client's credentials: the Lambda environment's on AWS, these here
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
  // as on AWS, where the withholding routes' functions get DISTRIBUTION_ID (route `cdn`)
  const { config } = await import('../../functions/lib/config');
  Object.assign(config(), { DISTRIBUTION_ID });
  restoreTransports = () => {
    for (const restore of restores) restore();
    Object.assign(config(), { DISTRIBUTION_ID: undefined });
  };
  // EventBridge cannot run here: PutEvents is recorded, not sent
  vi.spyOn(EventBridgeClient.prototype, 'send').mockImplementation(async (command: unknown) => {
    record(['events:PutEvents event-bus']);
    const entries = (command as { input: { Entries: unknown[] } }).input.Entries;
    return { Entries: entries.map(() => ({ EventId: 'recorded' })), FailedEntryCount: 0 } as never;
  });
}

async function tearDown() {
  restoreTransports?.();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await runtime?.stop();
}
