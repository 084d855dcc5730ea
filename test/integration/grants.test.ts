/**
 * What the functions really send, against what they are really granted. Representative flows run
 * through the local runtime (and the non-route functions are invoked as AWS invokes them) while every
 * request leaving the process is recorded at the one HTTP handler the functions share (the DynamoDB
 * client's, which functions/lib/s3.ts sends S3 requests through too), attributed to the function it
 * belongs to by the local runtime's invocation context (infra/local/invocation.ts). Each request is
 * turned into the IAM action(s) AWS authorizes it with — DynamoDB's `X-Amz-Target` *is* the action;
 * an S3 HEAD/GET answered 404 needs s3:ListBucket on AWS (else S3 answers 403); SQS's JSON protocol
 * names its action in `X-Amz-Target` too (photo confirm's SendMessage); CloudFront's REST API is
 * `POST /<version>/distribution/<id>/invalidation` = cloudfront:CreateInvalidation (answered here, never
 * sent: the distribution id is set for this test only, as on AWS) — and every one must be
 * allowed by that function's policy in the synthesized templates (built from infra/access.ts).
 *
 * The policies are read from the templates, not recomputed from infra/access.ts: a grant missing from
 * the access model (BatchWriteItem was) fails here, whatever the model says.
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { HttpRequest } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type FunctionSpec, functionSpecs } from '../../infra/bundles';
import { localInvocation } from '../../infra/local/invocation';
import type { LocalRuntime } from '../../infra/local/runtime';
import { objectCreatedEvent, sqsRecord } from '../../infra/local/s3-events';
import { JPEG, PDF } from '../fixtures/files';
import { confirmOnAws } from '../support/direct';
import { allows, grantedByTemplates, SITE_BUILD } from '../support/granted';
import { client, signIn, skuBody, startRuntime, TAMANSARI } from '../support/runtime';

let runtime: LocalRuntime;
let call: ReturnType<typeof client>;
let restoreTransport: () => void;
/** the processor's queue, made in fauxqs (AWS: ApiStack's PhotoQueue) */
let photoQueueUrl = '';

/** function id → "action resource" → the routes (or the function) it was seen in */
const observed = new Map<string, Map<string, Set<string>>>();
/** function id → "action resource" → the partition keys of each DynamoDB call (JSON arrays) */
const partitionKeys = new Map<string, Map<string, Set<string>>>();

const specs = functionSpecs();
const specOfRoute = new Map(specs.flatMap((spec) => spec.routeIds.map((id) => [id, spec] as const)));

/** An IAM action on a resource, and the partition keys the call names (DynamoDB's `dynamodb:LeadingKeys`). */
type Call = string | { action: string; keys: string[] };

function record(calls: Call[]) {
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

type AttributeValue = { S?: string };
type Keyed = {
  TableName?: string;
  Key?: Record<string, AttributeValue>;
  Item?: Record<string, AttributeValue>;
};

/**
 * The partition keys a DynamoDB call names, what IAM evaluates `dynamodb:LeadingKeys` against: the
 * table's `pk` of each item or key, or for a Query the value its key condition gives the partition key
 * of what it reads (the index's own, `<index>pk`, for an index).
 */
function leadingKeys(
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
function dynamoActions(target: string, body: string): Call[] {
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

const bodyText = (body: unknown) =>
  typeof body === 'string' ? body : body instanceof Uint8Array ? new TextDecoder().decode(body) : '';

/** S3 (path-style locally): the operation's IAM actions on the object (bucket/key) or the bucket. */
function s3Actions(request: HttpRequest, status: number): string[] {
  const bucket = (name: string) =>
    name === runtime.uploadsBucket ? 'uploads' : name === runtime.photosBucket ? 'photos' : `unknown:${name}`;
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
function sqsActions(target: string, body: string): string[] {
  const { QueueUrl = '' } = JSON.parse(body || '{}') as { QueueUrl?: string };
  const queue = QueueUrl === photoQueueUrl ? 'queue:photo' : `unknown-queue:${QueueUrl}`;
  return [`sqs:${target.split('.')[1]} ${queue}`];
}

/** CloudFront (REST-XML): an invalidation of the test's distribution, or of some other one. */
const DISTRIBUTION_ID = 'EGRANTSAUDIT01';
function cloudfrontActions(request: HttpRequest): string[] {
  const match = /^\/\d{4}-\d{2}-\d{2}\/distribution\/([^/]+)\/invalidation$/.exec(request.path);
  if (request.method !== 'POST' || !match) return [`cloudfront:unknown-${request.method} ${request.path}`];
  return [
    `cloudfront:CreateInvalidation ${match[1] === DISTRIBUTION_ID ? 'distribution' : `unknown:${match[1]}`}`,
  ];
}

async function postForm(url: string, fields: Record<string, string>, bytes: Buffer, type: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'upload');
  const res = await fetch(url, { method: 'POST', body: form, redirect: 'manual' });
  expect(res.status).toBeLessThan(400);
}

beforeAll(async () => {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  const { dynamo } = await import('../../functions/lib/aws');
  const transport = dynamo.config.requestHandler as unknown as {
    handle(request: HttpRequest, options?: unknown): Promise<{ response: { statusCode: number } }>;
  };
  const original = transport.handle;
  const dynamoHost = new URL(runtime.dynamoEndpoint).host;
  transport.handle = async function (this: unknown, request, options) {
    if (request.hostname === 'cloudfront.amazonaws.com') {
      record(cloudfrontActions(request));
      return {
        response: {
          statusCode: 201,
          headers: {},
          body: '<Invalidation><Id>IRECORDED</Id><Status>InProgress</Status></Invalidation>',
        },
      } as never;
    }
    const answer = await original.call(this, request, options);
    const host = `${request.hostname}${request.port ? `:${request.port}` : ''}`;
    const target = request.headers['x-amz-target'];
    if (host === dynamoHost && target) record(dynamoActions(target, bodyText(request.body)));
    else if (target?.startsWith('AmazonSQS.')) record(sqsActions(target, bodyText(request.body)));
    else record(s3Actions(request, answer.response.statusCode));
    return answer;
  };
  // as on AWS, where the withholding routes' functions get DISTRIBUTION_ID (route `cdn`)
  const { config } = await import('../../functions/lib/config');
  Object.assign(config, { DISTRIBUTION_ID });
  restoreTransport = () => {
    transport.handle = original;
    Object.assign(config, { DISTRIBUTION_ID: undefined });
  };
  // EventBridge cannot run here: PutEvents is recorded, not sent
  vi.spyOn(EventBridgeClient.prototype, 'send').mockImplementation(async (command: unknown) => {
    record(['events:PutEvents event-bus']);
    const entries = (command as { input: { Entries: unknown[] } }).input.Entries;
    return { Entries: entries.map(() => ({ EventId: 'recorded' })), FailedEntryCount: 0 } as never;
  });
}, 120_000);
afterAll(async () => {
  restoreTransport?.();
  vi.restoreAllMocks();
  await runtime?.stop();
});

/** A citizen's request with documents, through an officer's review. */
async function citizenFlow() {
  const submitted = await call('POST', `/villages/${TAMANSARI}/requests`, { json: skuBody('Grant Audit') });
  expect(submitted.status, submitted.text).toBe(201);
  const { id, secret, trackingCode } = submitted.data as { id: string; secret: string; trackingCode: string };
  const h = { 'x-request-secret': secret };
  expect((await call('GET', `/requests/${id}/receipt?secret=${encodeURIComponent(secret)}`)).status).toBe(
    200,
  );
  for (const [requirement, bytes, type] of [
    ['ktp', JPEG, 'image/jpeg'],
    ['kk', PDF, 'application/pdf'],
    ['pengantar_rt_rw', PDF, 'application/pdf'],
  ] as const) {
    const created = await call('POST', `/requests/${id}/documents`, {
      json: { requirement, contentType: type, size: bytes.length },
      headers: h,
    });
    expect(created.status, created.text).toBe(201);
    // confirming before the upload: the object is missing (404 here; 403 on AWS without ListBucket)
    const early = await call('POST', `/requests/${id}/documents/${created.data.documentId}/confirm`, {
      headers: h,
    });
    expect(early.status, early.text).toBe(422);
    await postForm(created.data.url, created.data.fields, bytes, type);
    const confirmed = await call('POST', `/requests/${id}/documents/${created.data.documentId}/confirm`, {
      headers: h,
    });
    expect(confirmed.status, confirmed.text).toBe(200);
  }
  expect((await call('GET', `/track/${trackingCode}`)).status).toBe(200);
  expect((await call('GET', `/track?code=${trackingCode}`)).status).toBe(200);
  // the page (a browser's): it names the village too
  expect((await call('GET', `/track/${trackingCode}`, { headers: { accept: 'text/html' } })).status).toBe(
    200,
  );
  const officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
  expect((await call('GET', `/villages/${TAMANSARI}/requests`, { token: officer })).status).toBe(200);
  const detail = await call('GET', `/requests/${id}`, { token: officer });
  expect(detail.status, detail.text).toBe(200);
  const moved = await call('POST', `/requests/${id}/transitions`, {
    token: officer,
    json: { to: 'in_review', version: detail.data.version },
  });
  expect(moved.status, moved.text).toBe(200);
  const revise = await call('POST', `/requests/${id}/transitions`, {
    token: officer,
    json: { to: 'needs_revision', version: moved.data.version, reason: 'Alamat usaha kurang lengkap' },
  });
  expect(revise.status, revise.text).toBe(200);
  const resubmit = await call('POST', `/requests/${id}/resubmit`, { headers: h, json: {} });
  expect(resubmit.status, resubmit.text).toBeLessThan(500);
}

/** A seller registers, is approved, publishes a product with a photo; search and moderation. */
async function sellerFlow() {
  const officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
  const password = 'Kopi-Ijen-2026!';
  const registered = await call('POST', `/villages/${TAMANSARI}/sellers`, {
    json: {
      businessName: 'Madu Hutan Audit',
      ownerName: 'Sri Wahyuni',
      whatsapp: '081355599901',
      kind: 'umkm',
      description: 'Madu hutan Ijen, dipanen sendiri tiap musim.',
      location: 'Dusun Krajan',
      password,
    },
  });
  expect(registered.status, registered.text).toBe(201);
  const sellerId = registered.data.id as string;
  expect((await call('GET', `/villages/${TAMANSARI}/sellers`, { token: officer })).status).toBe(200);
  const approved = await call('POST', `/sellers/${sellerId}/transitions`, {
    token: officer,
    json: { to: 'approved' },
  });
  expect(approved.status, approved.text).toBe(200);
  const signedIn = await call('POST', '/local/token', { json: { username: '+6281355599901', password } });
  const seller = signedIn.data.idToken as string;
  expect((await call('GET', `/sellers/${sellerId}`, { token: seller })).status).toBe(200);

  const created = await call('POST', `/villages/${TAMANSARI}/products`, {
    token: seller,
    json: {
      name: 'Madu Hutan Ijen',
      description: { id: 'Madu hutan murni dari lereng Ijen.', en: 'Raw forest honey.' },
      category: 'food_drink',
      price: 85000,
      unit: 'botol',
    },
  });
  expect(created.status, created.text).toBe(201);
  const productId = created.data.id as string;
  // the draft, seen by its seller through the public route with a bearer token
  expect((await call('GET', `/products/${productId}`, { token: seller })).status).toBe(200);

  const photo = await call('POST', `/products/${productId}/photos`, {
    token: seller,
    json: { contentType: 'image/jpeg', size: JPEG.length },
  });
  expect(photo.status, photo.text).toBe(201);
  // nothing uploaded yet: 422 (S3 answers 404 — on AWS only to a function that may list the bucket)
  const missing = await call('POST', `/products/${productId}/photos/${photo.data.photoId}/confirm`, {
    token: seller,
  });
  expect(missing.status, missing.text).toBe(422);
  // the processor's redelivered or early event for an object that is not there: refused, not retried
  const { handler: processPhoto } = await import('../../functions/products/handlers/process-photo');
  const { incomingPhotoKey } = await import('../../functions/products/photo-store');
  const early = await localInvocation.run({ functionId: 'ProductsProcessPhoto' }, () =>
    processPhoto({
      Records: [
        sqsRecord(
          objectCreatedEvent({
            bucket: runtime.uploadsBucket,
            key: incomingPhotoKey(productId, photo.data.photoId),
            object: { size: JPEG.length },
            region: 'ap-southeast-3',
          }),
          { region: 'ap-southeast-3' },
        ),
      ],
    }),
  );
  expect(early.batchItemFailures).toEqual([]);
  const sharp = (await import('sharp')).default;
  const image = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#c84' } })
    .jpeg()
    .toBuffer();
  const slot = await call('POST', `/products/${productId}/photos`, {
    token: seller,
    json: { contentType: 'image/jpeg', size: image.length },
  });
  expect(slot.status, slot.text).toBe(201);
  await postForm(slot.data.url, slot.data.fields, image, 'image/jpeg');
  // locally the runtime delivers the S3 event to the processor first (its own invocation)
  const confirmed = await call('POST', `/products/${productId}/photos/${slot.data.photoId}/confirm`, {
    token: seller,
  });
  expect(confirmed.status, confirmed.text).toBe(200);

  const current = await call('GET', `/products/${productId}`, { token: seller });
  const published = await call('PATCH', `/products/${productId}`, {
    token: seller,
    json: { version: current.data.version, status: 'published' },
  });
  expect(published.status, published.text).toBe(200);
  // a photo of a published product: the processor updates the search index too
  const second = await call('POST', `/products/${productId}/photos`, {
    token: seller,
    json: { contentType: 'image/jpeg', size: image.length },
  });
  expect(second.status, second.text).toBe(201);
  await postForm(second.data.url, second.data.fields, image, 'image/jpeg');
  const ready = await call('POST', `/products/${productId}/photos/${second.data.photoId}/confirm`, {
    token: seller,
  });
  expect(ready.status, ready.text).toBe(200);
  // confirm as AWS runs it (no local S3-event emulation first): it sends the processor's queue the
  // upload's event itself
  const { config } = await import('../../functions/lib/config');
  const { dynamo } = await import('../../functions/lib/aws');
  const { messageQueue } = await import('../../functions/lib/sqs');
  const sqs = messageQueue({
    region: 'ap-southeast-3',
    credentials: async () => ({ accessKeyId: 'local', secretAccessKey: 'local' }),
    transport: dynamo.config.requestHandler as never,
    endpoint: runtime.s3Endpoint,
  });
  photoQueueUrl = (await sqs.call<{ QueueUrl: string }>('CreateQueue', { QueueName: 'grants-photo-queue' }))
    .QueueUrl;
  const third = await call('POST', `/products/${productId}/photos`, {
    token: seller,
    json: { contentType: 'image/jpeg', size: image.length },
  });
  expect(third.status, third.text).toBe(201);
  await postForm(third.data.url, third.data.fields, image, 'image/jpeg');
  Object.assign(config, { PHOTO_QUEUE_URL: photoQueueUrl, SQS_ENDPOINT: runtime.s3Endpoint });
  try {
    const queued = await localInvocation.run({ routeId: 'photos.confirm' }, () =>
      confirmOnAws(seller, productId, third.data.photoId),
    );
    expect(queued.status).toBe(202);
  } finally {
    Object.assign(config, { PHOTO_QUEUE_URL: undefined, SQS_ENDPOINT: undefined });
  }
  expect((await call('GET', '/products/search?q=madu')).status).toBe(200);
  // an officer's take-down withholds the photos' variants; reinstating releases them (photos bucket)
  const before = await call('GET', `/products/${productId}`, { token: seller });
  const down = await call('PATCH', `/products/${productId}`, {
    token: officer,
    json: { version: before.data.version, status: 'taken_down', reason: 'Audit' },
  });
  expect(down.status, down.text).toBe(200);
  const back = await call('PATCH', `/products/${productId}`, {
    token: officer,
    json: { version: down.data.version, status: 'hidden' },
  });
  expect(back.status, back.text).toBe(200);
  const republished = await call('PATCH', `/products/${productId}`, {
    token: seller,
    json: { version: back.data.version, status: 'published' },
  });
  expect(republished.status, republished.text).toBe(200);
  expect((await call('GET', `/villages/${TAMANSARI}/products`)).status).toBe(200);
  expect((await call('GET', `/sellers/${sellerId}/products`, { token: seller })).status).toBe(200);
  // suspending the seller takes its products out of the search index
  const suspended = await call('POST', `/sellers/${sellerId}/transitions`, {
    token: officer,
    json: { to: 'suspended', reason: 'Audit' },
  });
  expect(suspended.status, suspended.text).toBe(200);
}

async function publicReads() {
  for (const path of [
    '/villages',
    `/villages/${TAMANSARI}`,
    `/villages/${TAMANSARI}/services`,
    `/open311/v2/services.json?jurisdiction_id=${TAMANSARI}`,
    `/open311/v2/services/sku.json?jurisdiction_id=${TAMANSARI}`,
    `/open311/v2/requests.json?jurisdiction_id=${TAMANSARI}`,
    '/openapi.json',
  ]) {
    const res = await call('GET', path);
    expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBe(200);
  }
}

/** An officer edits the village site; Open311 clients file and read; the camat's queue. */
async function officerAndOpen311() {
  const officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
  const profile = await call('PUT', `/villages/${TAMANSARI}/profile`, {
    token: officer,
    json: { population: 123_456 },
  });
  expect(profile.status, profile.text).toBe(200);
  const news = await call('POST', `/villages/${TAMANSARI}/news`, {
    token: officer,
    json: {
      slug: 'audit-hak-akses',
      date: '2026-11-01',
      title: { id: 'Audit hak akses' },
      summary: { id: 'Audit' },
      body: { id: ['Paragraf audit.'] },
    },
  });
  expect(news.status, news.text).toBe(201);
  const apbdes = await call('PUT', `/villages/${TAMANSARI}/apbdes/2025`, {
    token: officer,
    json: {
      income: 1000,
      sectors: [
        { code: '1', name: { id: 'Pemerintahan', en: 'Administration' }, budget: 1000, realisation: 10 },
      ],
    },
  });
  expect(apbdes.status, apbdes.text).toBe(200);
  const form = new URLSearchParams({
    jurisdiction_id: TAMANSARI,
    service_code: 'sku',
    'attribute[applicant_name]': 'Grant Audit',
    'attribute[applicant_nik]': skuBody().applicant.nik,
    'attribute[applicant_whatsapp]': '081234567890',
    'attribute[nama_usaha]': 'Kopi Ijen',
    'attribute[jenis_usaha]': 'kuliner',
    'attribute[alamat_usaha]': 'Dusun Krajan RT 03 RW 01',
    'attribute[lama_usaha]': '3',
    'attribute[keperluan]': 'Pengajuan KUR',
  });
  const filed = await fetch(`${runtime.apiUrl}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  const [created] = (await filed.json()) as { service_request_id?: string }[];
  expect(filed.status).toBeLessThan(300);
  expect((await call('GET', `/open311/v2/requests/${created?.service_request_id}.json`)).status).toBe(200);
  const camat = await signIn(runtime.apiUrl, 'camat@licin');
  expect((await call('GET', '/kecamatan/35.10.24/requests', { token: camat })).status).toBe(200);
}

/** The functions no route reaches, invoked as their schedules invoke them. */
async function scheduledFunctions() {
  const { handler: dispatch } = await import('../../functions/sites/handlers/dispatch');
  await localInvocation.run({ functionId: 'SitesDispatch' }, () => dispatch());
  const { handler: overdue } = await import('../../functions/requests/handlers/overdue-metric');
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await localInvocation.run({ functionId: 'OverdueMetric' }, () => overdue());
  } finally {
    write.mockRestore();
    log.mockRestore();
  }
}

/**
 * The site build's table work (scripts/publish-site.ts on CodeBuild, as its role): the regency's and a
 * village's snapshot, the village's site state before the build, and marking it published after.
 */
async function siteBuild() {
  const { exportRegency, exportVillage } = await import('../../functions/sites/export');
  const { getItem } = await import('../../functions/lib/table');
  const { SiteState } = await import('../../functions/sites/entities');
  const { markPublished } = await import('../../functions/sites/signal');
  const urls = { apiUrl: runtime.apiUrl, siteUrl: runtime.siteUrl };
  await localInvocation.run({ functionId: SITE_BUILD }, async () => {
    const regency = await exportRegency('35.10', urls);
    expect(regency.kecamatan.length).toBeGreaterThan(0);
    const village = await exportVillage(TAMANSARI, urls);
    // the flows above filed requests and published a product here: both are read (counts, no data)
    expect(village.services.some((s) => s.popularity > 0)).toBe(true);
    expect(village.products.length).toBeGreaterThan(0);
    const state = (await getItem(SiteState, { villageCode: TAMANSARI })).Item;
    expect(state).toBeDefined();
    await markPublished({ code: TAMANSARI, regencyCode: '35.10' }, state?.lastChangeAt ?? '', new Date());
  });
}

describe('what functions send is what they are granted', () => {
  it('every DynamoDB, S3 and EventBridge action of representative flows is in its function’s policy', async () => {
    await publicReads();
    await citizenFlow();
    await sellerFlow();
    await officerAndOpen311();
    await scheduledFunctions();

    await siteBuild();

    const granted = grantedByTemplates();
    const denied: string[] = [];
    for (const [functionId, actions] of observed) {
      const allowed = granted.get(functionId) ?? new Set<string>();
      for (const [action, where] of actions) {
        const calls = [...(partitionKeys.get(functionId)?.get(action) ?? [])].map(
          (keys) => JSON.parse(keys) as string[],
        );
        for (const keys of calls.length ? calls : [[]])
          if (!allows(allowed, action, keys))
            denied.push(
              `${functionId} (${[...where].join(', ')}): ${action}${keys.length ? ` ${keys}` : ''}`,
            );
      }
    }
    expect(denied, 'AccessDenied on AWS').toEqual([]);

    // the flows reached what matters: the batch writers, the probes, the non-route functions
    const seen = (functionId: string, action: string) => observed.get(functionId)?.has(action) ?? false;
    // the search index of a product is written inside the product's transaction (a publish, a photo
    // of a public product, a relist), never by BatchWriteItem
    const transactWriters = [...observed]
      .filter(([, a]) => a.has('dynamodb:TransactWriteItems table'))
      .map(([id]) => id);
    expect(transactWriters).toEqual(
      expect.arrayContaining(['ProductsPatch', 'ProductsProcessPhoto', 'SellersTransition']),
    );
    expect(seen('ProductsPatch', 'dynamodb:BatchWriteItem table')).toBe(false);
    expect(seen('ProductsPhotoConfirm', 's3:ListBucket bucket:uploads')).toBe(true);
    expect(seen('ProductsPhotoConfirm', 'sqs:SendMessage queue:photo')).toBe(true);
    expect(
      [...(observed.get('ProductsPatch')?.keys() ?? [])].filter((a) => a.includes('bucket:photos/withheld/')),
    ).not.toEqual([]);
    // the take-down and the suspension invalidate the edges' copies of the withheld photos
    expect(seen('ProductsPatch', 'cloudfront:CreateInvalidation distribution')).toBe(true);
    expect(seen('SellersTransition', 'cloudfront:CreateInvalidation distribution')).toBe(true);
    // the suspension at the end of the seller flow withholds the product's photos
    expect(
      [...(observed.get('SellersTransition')?.keys() ?? [])].filter((a) =>
        a.includes('bucket:photos/withheld/'),
      ),
    ).not.toEqual([]);
    expect(seen('RequestsDocumentConfirm', 's3:ListBucket bucket:uploads')).toBe(true);
    expect(seen('ProductsProcessPhoto', 's3:ListBucket bucket:uploads')).toBe(true);
    expect(observed.has('SitesDispatch')).toBe(true);
    expect(observed.has('OverdueMetric')).toBe(true);
    // every function that may touch a resource of ours (the OpenAPI document touches none)
    const deployed = specs.filter((spec) => Object.keys(spec.access).length > 0).map((s) => s.id);
    const exercised = deployed.filter((id) => observed.has(id));
    expect(
      exercised.length,
      `not exercised: ${deployed.filter((id) => !observed.has(id)).join(', ')}`,
    ).toBeGreaterThanOrEqual(deployed.length - 5);
  }, 120_000);

  it('reads LeadingKeys right: the partition keys of calls are recorded, and a confined grant allows only its own', () => {
    const keysOf = (functionId: string, action: string) =>
      [...(partitionKeys.get(functionId)?.get(action) ?? [])].flatMap((k) => JSON.parse(k) as string[]);
    // a Query's partition is the index's own key, a GetItem's the item's pk
    expect(keysOf('ProductsList', 'dynamodb:Query table/index/gsi3')).toContain(
      `village#${TAMANSARI}#products#public`,
    );
    expect(keysOf('VillagesGet', 'dynamodb:GetItem table')).toContain(`village#${TAMANSARI}`);
    expect(keysOf(SITE_BUILD, 'dynamodb:Query table/index/gsi2')).toContain(`village#${TAMANSARI}#requests`);
    const granted = grantedByTemplates();
    const villagesGet = granted.get('VillagesGet') ?? new Set<string>();
    expect(allows(villagesGet, 'dynamodb:GetItem table', [`village#${TAMANSARI}`])).toBe(true);
    // a request by id, a replay record of the village, one key of two
    for (const keys of [
      ['request#a1b2c3d4e5f6g7h8'],
      [`idempotency#${TAMANSARI}#form:0a1b`],
      [`village#${TAMANSARI}`, 'request#a1b2c3d4e5f6g7h8'],
    ])
      expect(allows(villagesGet, 'dynamodb:BatchGetItem table', keys), keys.join(' ')).toBe(false);
    // products, sellers and requests are apart: the product route reads the products it reads, and
    // no request or seller by id; a request reader no product
    const productsGet = granted.get('ProductsGet') ?? new Set<string>();
    const productKeys = keysOf('ProductsGet', 'dynamodb:GetItem table');
    expect(productKeys.length).toBeGreaterThan(0);
    expect(productKeys.every((k) => k.startsWith('product#'))).toBe(true);
    expect(allows(productsGet, 'dynamodb:GetItem table', productKeys)).toBe(true);
    for (const key of ['request#a1b2c3d4e5f6g7h8', 'seller#a1b2c3d4e5f6g7h8', 'documents#a1b2c3d4e5f6g7h8'])
      expect(allows(productsGet, 'dynamodb:GetItem table', [key]), key).toBe(false);
    const requestKey = keysOf('RequestsTrack', 'dynamodb:GetItem table').find((k) =>
      k.startsWith('request#'),
    );
    expect(requestKey).toBeDefined();
    expect(allows(productsGet, 'dynamodb:GetItem table', [requestKey ?? ''])).toBe(false);
    expect(
      allows(granted.get('RequestsTrack') ?? new Set(), 'dynamodb:GetItem table', [
        'product#a1b2c3d4e5f6g7h8',
      ]),
    ).toBe(false);
    expect(allows(granted.get(SITE_BUILD) ?? new Set(), 'dynamodb:Query table/index/gsi4', ['x'])).toBe(
      false,
    );
    // an unconfined grant allows any key
    expect(allows(granted.get('RequestsGet') ?? new Set(), 'dynamodb:GetItem table', ['anything'])).toBe(
      true,
    );
  });

  it('reads the templates right: the observed TransactWriteItems of a product patch is a granted action there', () => {
    // the comparison above is only as good as its naming of template grants; one known pair, spelled out
    expect(observed.get('ProductsPatch')?.has('dynamodb:TransactWriteItems table')).toBe(true);
    expect(grantedByTemplates().get('ProductsPatch')?.has('dynamodb:TransactWriteItems table')).toBe(true);
    expect(grantedByTemplates().get('ProductsGet')?.has('dynamodb:TransactWriteItems table')).toBe(false);
  });
});
