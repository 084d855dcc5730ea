/**
 * S3 event notifications, emulated. On AWS an upload to the uploads bucket raises an EventBridge
 * "Object Created" event that reaches the photo processor through SQS (infra/stacks/api-stack.ts).
 * The local S3 server sends no events, so the local runtime delivers the same event at the moment a
 * client tells the API it has uploaded: before the route's own handler runs, the object named by the
 * route's path parameters is announced to the function AWS would invoke, as the very SQS record AWS
 * delivers, and the route's handler runs once that function has returned.
 *
 * On AWS confirm itself also sends the processor's queue this event's message (PHOTO_QUEUE_URL, unset
 * here): the emulation below stands in for both triggers, so locally nothing is sent.
 *
 * Declared per route below (data); the adapter stays generic: `withS3Notifications` wraps the
 * handler loader the adapter is given.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { Route, RouteId } from '../../functions/routes';
import { type FunctionKind, functionSpecs } from '../bundles';
import { localInvocation } from './invocation';
import { ACCOUNT_ID, type LambdaHandler, loadModuleHandler, localLambdaContext } from './lambda';

export interface LocalS3Notification {
  /** the bucket the client uploaded to */
  bucket: 'uploads';
  /** the object's key; `{param}` is the route's path parameter of that name */
  key: string;
  /** the function AWS delivers the event to (its spec in infra/bundles.ts) */
  target: FunctionKind;
}

/** route id → the upload it announces. The key is photo-store's `incomingPhotoKey`. */
export const localS3Notifications: Partial<Record<RouteId, LocalS3Notification>> = {
  'photos.confirm': { bucket: 'uploads', key: 'incoming/products/{id}/{photoId}', target: 'photo-processor' },
};

export interface ObjectHead {
  size: number;
  etag?: string;
  versionId?: string;
}

export interface S3NotificationOptions {
  /** bucket names by kind */
  buckets: Record<LocalS3Notification['bucket'], string>;
  region: string;
  /** the object's HEAD, undefined when there is none (then there is no event either, as on AWS) */
  head(bucket: string, key: string): Promise<ObjectHead | undefined>;
  notifications?: Partial<Record<string, LocalS3Notification>>;
  functionsDir?: URL;
}

/** S3's EventBridge "Object Created" event (what the rule of infra/stacks/api-stack.ts matches). */
export function objectCreatedEvent(opts: {
  bucket: string;
  key: string;
  object: ObjectHead;
  region: string;
  time?: Date;
}) {
  const time = opts.time ?? new Date();
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: ACCOUNT_ID,
    time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: opts.region,
    resources: [`arn:aws:s3:::${opts.bucket}`],
    detail: {
      version: '0',
      bucket: { name: opts.bucket },
      object: {
        key: opts.key,
        size: opts.object.size,
        ...(opts.object.etag ? { etag: opts.object.etag.replace(/"/g, '') } : {}),
        ...(opts.object.versionId ? { 'version-id': opts.object.versionId } : {}),
        sequencer: time.getTime().toString(16).toUpperCase().padStart(16, '0'),
      },
      'request-id': randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase(),
      requester: ACCOUNT_ID,
      'source-ip-address': '127.0.0.1',
      reason: 'PostObject',
    },
  };
}

/** One SQS record carrying `body`, as Lambda's SQS event source delivers it. */
export function sqsRecord(body: unknown, opts: { region: string; queue?: string; time?: Date }): SQSRecord {
  const text = JSON.stringify(body);
  const sent = String((opts.time ?? new Date()).getTime());
  return {
    messageId: randomUUID(),
    receiptHandle: Buffer.from(randomUUID()).toString('base64'),
    body: text,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: sent,
      SenderId: 'AIDAIENQZJOLO23YVJ4VO',
      ApproximateFirstReceiveTimestamp: sent,
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(text).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${opts.region}:${ACCOUNT_ID}:${opts.queue ?? 'local-queue'}`,
    awsRegion: opts.region,
  };
}

function objectKey(template: string, params: Record<string, string | undefined>): string | undefined {
  let missing = false;
  const key = template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : key;
}

const context = (functionName: string): Context =>
  localLambdaContext({
    functionName,
    memoryMb: 1536,
    requestId: randomUUID(),
    deadline: Date.now() + 60_000,
  });

type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

/**
 * Wraps the adapter's handler loader: a route with a notification gets a handler that first delivers
 * the upload's event to its target function (awaited), then runs the route's own handler.
 */
export function withS3Notifications(
  load: (route: Route) => Promise<LambdaHandler | undefined>,
  opts: S3NotificationOptions,
): (route: Route) => Promise<LambdaHandler | undefined> {
  const notifications: Partial<Record<string, LocalS3Notification>> =
    opts.notifications ?? localS3Notifications;
  const targets = new Map<FunctionKind, Promise<{ id: string; handler: SqsHandler }>>();
  const target = (kind: FunctionKind) => {
    let found = targets.get(kind);
    if (!found) {
      found = (async () => {
        const spec = functionSpecs().find((s) => s.kind === kind);
        if (!spec) throw new Error(`no function of kind ${kind} in functionSpecs()`);
        const handler = await loadModuleHandler<SqsHandler>(spec.handler, opts.functionsDir);
        if (!handler) throw new Error(`${spec.handler} does not exist`);
        return { id: spec.id, handler };
      })();
      found.catch(() => targets.delete(kind));
      targets.set(kind, found);
    }
    return found;
  };

  return async (route) => {
    const handler = await load(route);
    const notification = notifications[route.id];
    if (!handler || !notification) return handler;
    return async (event, lambdaContext) => {
      const bucket = opts.buckets[notification.bucket];
      const key = objectKey(notification.key, event.pathParameters ?? {});
      const object = key === undefined ? undefined : await opts.head(bucket, key);
      if (key !== undefined && object) {
        const fn = await target(notification.target);
        const body = objectCreatedEvent({ bucket, key, object, region: opts.region });
        const result = await localInvocation.run({ functionId: fn.id }, () =>
          fn.handler(
            { Records: [sqsRecord(body, { region: opts.region, queue: `${fn.id}-queue` })] },
            context(`local-${fn.id}`),
          ),
        );
        // on AWS SQS would retry the record later; the route's handler answers what it finds now
        if (result?.batchItemFailures?.length)
          console.error(`[local-s3] ${fn.id} reported a failure for an upload of ${route.id}`);
      }
      return handler(event, lambdaContext);
    };
  };
}
