/**
 * API latency budget: submit (`POST /villages/{code}/requests`) and track (`GET /track/{code}`) through
 * the local adapter, against the same DynamoDB calls made with the raw SDK, on the same embedded
 * DynamoDB Local, in the same run.
 *
 *   budget: our code + middleware + adapter add ≤ 1.2× over the raw SDK calls (judged on p50; p99 shown)
 *
 * Paths, run round robin request by request in blocks (the order rotates every block, so drift hits all paths alike):
 *   A  HTTP → adapter → middy/zod endpoint → domain → dynamodb-toolbox → SDK   (the budgeted path)
 *   B  raw SDK: the same GetItem/Query/TransactWriteItems, params built once with dynamodb-toolbox's
 *      `.params()`, fresh ids stamped per iteration, sent with lib-dynamodb commands   (the baseline)
 *   C  the Lambda handler invoked directly with an API Gateway v2 event (no HTTP, no adapter)
 *   D  the domain functions only (`submitRequest` with its budget, `countTrackingLookups` + `findByTrackingCode` + `trackingView`)
 *   E  HTTP floor: the same fetch against a bare node:http server answering a canned JSON
 * C, D and E are informational: their differences split A's overhead into layers.
 *
 * Usage: npx tsx bench/api.ts [--blocks=20] [--per-block=50] [--warmup=100]
 * Exits non-zero only on errors; budget misses print OVER.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  type GetCommandInput,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { holdUntilCommitted } from '../infra/local/commit-barrier';
import { type LocalRuntime, startLocalRuntime } from '../infra/local/runtime';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../infra/local/servers';
import { skuBody, TAMANSARI } from '../test/support/runtime';
import {
  bodyBytes,
  CallCounter,
  describeCalls,
  fill,
  ms,
  ratio,
  rawHttpClient,
  type Stats,
  stats,
  table,
} from './lib';

const BUDGET = 1.2;

function arg(name: string, fallback: number): number {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const n = hit ? Number(hit.split('=')[1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}
const BLOCKS = arg('blocks', 20);
const PER_BLOCK = arg('per-block', 50);
const WARMUP = arg('warmup', 100);

type Op = 'submit' | 'track';
type PathId = 'A' | 'B' | 'C' | 'D' | 'E';

interface Path {
  id: PathId;
  label: string;
  counter?: CallCounter;
  bytes?: { n: number };
  /** returns the tracking code of the new request */
  submit(): Promise<string>;
  track(code: string): Promise<void>;
}

interface Recorded {
  samples: number[];
  /** `GetItem×2 Query×2 …` → iterations that made exactly these calls */
  calls: Map<string, number>;
  requestBytes: number;
}

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
type Result = APIGatewayProxyStructuredResultV2;

const idempotencyKey = () => `bench-${randomBytes(12).toString('base64url')}`;

function check(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Error(`bench: ${what}`);
}

async function main() {
  const started = performance.now();
  // as the integration tests do: no per-request log lines, and no 429 from 127.0.0.1 submitting thousands
  process.env.LOG_LEVEL = 'silent';
  process.env.RATE_LIMIT_SUBMIT = '1000000000';
  process.env.RATE_LIMIT_TRACK = '1000000000';
  const rt: LocalRuntime = await startLocalRuntime({ port: 0, seed: true, onProgress: () => {} });
  const floor = createServer();
  try {
    const startupMs = performance.now() - started;
    await run(rt, floor, started, startupMs);
  } finally {
    await new Promise<void>((resolve) => {
      floor.close(() => resolve());
      floor.closeAllConnections();
    });
    await rt.stop();
  }
}

async function run(rt: LocalRuntime, floor: Server, started: number, startupMs: number) {
  // functions/ read their config at import: only after the runtime has set the environment
  const { dynamo } = await import('../functions/lib/aws');
  const { config } = await import('../functions/lib/config');
  const { queryOf } = await import('../functions/lib/table');
  const { Village } = await import('../functions/villages/entities');
  const { CatalogueEntry, catalogueOfScope } = await import('../functions/catalogue/entities');
  const { TrackingCode, ServiceRequest } = await import('../functions/requests/entities');
  const { Idempotency, replayKey } = await import('../functions/lib/idempotency');
  const { GetItemCommand } = await import('dynamodb-toolbox/entity/actions/get');
  const { counterUpdate, countTrackingLookups, submitBudget, TRACK_WINDOW_SECONDS } = await import(
    '../functions/lib/rate-limit'
  );
  const { findService } = await import('../functions/catalogue/store');
  const { getVillage } = await import('../functions/villages/store');
  const { checkFields } = await import('../functions/requests/domain/fields');
  const { hashSecret, newSecret, newTrackingCode } = await import('../functions/requests/domain/tracking');
  const { SubmitBody } = await import('../functions/requests/schemas');
  const { documentRefs, submitRequest, submitTransaction, newRequestId } = await import(
    '../functions/requests/submit'
  );
  const { findByTrackingCode } = await import('../functions/requests/store');
  const { trackingView } = await import('../functions/requests/views');
  const submitHandler = (await import('../functions/requests/handlers/submit')).handler;
  const trackHandler = (await import('../functions/requests/handlers/track')).handler;

  // ---- counting: every command (initialize) and the bytes each one puts on the wire (finalizeRequest)
  const appCalls = new CallCounter();
  const rawCalls = new CallCounter();
  const appBytes = { n: 0 };
  const rawBytes = { n: 0 };
  const instrument = (client: DynamoDBClient, counter: CallCounter, bytes: { n: number }) => {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        counter.record(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize', name: 'benchCount' },
    );
    client.middlewareStack.add(
      (next) => async (args) => {
        bytes.n += bodyBytes((args.request as { body?: unknown }).body);
        return next(args);
      },
      { step: 'finalizeRequest', name: 'benchBytes' },
    );
  };
  instrument(dynamo, appCalls, appBytes);

  // ---- Path B's client: plain SDK, same endpoint/credentials/region, same marshalling options
  const rawDynamo = new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint: rt.dynamoEndpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  // as the runtime's own client: a transaction answers once DynamoDB Local has committed it (emulator
  // plumbing, on both paths alike)
  holdUntilCommitted(rawDynamo);
  instrument(rawDynamo, rawCalls, rawBytes);
  const raw = DynamoDBDocumentClient.from(rawDynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
  });

  // ---- request inputs
  const bodyObj = skuBody('Bench Citizen');
  const bodyText = JSON.stringify(bodyObj);
  const parsedBody = SubmitBody.parse(bodyObj);
  // the same address form as the floor (E): `localhost` may try ::1 first on every new connection
  const apiBase = rt.apiUrl.replace('//localhost:', '//127.0.0.1:');
  const submitUrl = `${apiBase}/villages/${TAMANSARI}/requests`;
  const host = new URL(rt.apiUrl).host;

  // ---- Path B's params: exactly what the handler's toolbox calls send, built once, ids as placeholders
  const ID = 'QQIDQQ';
  const TC = 'QQTCQQ';
  const KEY = 'QQKEYQQ';
  const village = await getVillage(TAMANSARI);
  const service = await findService(TAMANSARI, parsedBody.serviceCode);
  check(service, 'service sku not found');
  const { values, errors } = checkFields(service, parsedBody.fields);
  check(errors.length === 0, 'sku fields rejected');
  const requiredDocuments = documentRefs(service);
  // submit only reads the regency (due-time calendar) for a service without documents
  check(
    requiredDocuments.some((d) => d.required),
    'sku now has no required documents: add the Regency GetItem to Path B',
  );
  const createdAt = new Date().toISOString();
  // toolbox's `.params()` also carries the parsed item (`ToolboxItem`), which its `send()` drops
  const sdk = <T>({ ToolboxItem: _, ...input }: { ToolboxItem?: unknown }) => input as T;
  // the rate limiters (functions/lib/rate-limit.ts): submit takes one from the address's budget of new
  // submissions (an ADD conditioned on room left) after the replay look-up; track counts every look-up
  const rateUpdate = sdk<UpdateCommandInput>(
    counterUpdate(submitBudget(TAMANSARI, '127.0.0.1'), new Date(), 1, true).params(),
  );
  const trackCount = sdk<UpdateCommandInput>(
    counterUpdate(
      {
        scope: 'track',
        who: '127.0.0.1',
        limit: config.RATE_LIMIT_TRACK,
        windowSeconds: TRACK_WINDOW_SECONDS,
      },
      new Date(),
    ).params(),
  );
  const villageGet = Village.build(GetItemCommand).key({ code: TAMANSARI }).params() as GetCommandInput;
  const catalogueQueries = [
    queryOf(CatalogueEntry, catalogueOfScope, { scope: config.REGENCY_CODE }, { all: true }).params(),
    queryOf(CatalogueEntry, catalogueOfScope, { scope: TAMANSARI }, { all: true }).params(),
  ] as QueryCommandInput[];
  const idempotencyGet = Idempotency.build(GetItemCommand)
    .key({ scope: TAMANSARI, key: replayKey(KEY) })
    .options({ consistent: true })
    .params() as GetCommandInput;
  // the submit transaction as functions/requests/submit.ts builds it (execute() sends exactly these)
  const transaction: TransactWriteCommandInput = {
    TransactItems: submitTransaction({
      id: ID,
      trackingCode: TC,
      secretHash: hashSecret(newSecret()),
      village,
      service,
      applicant: parsedBody.applicant,
      fields: values,
      requiredDocuments,
      source: 'web',
      lang: parsedBody.lang ?? 'id',
      createdAt,
      // sealed as the handler seals it (the same work and the same stored size)
      replay: {
        record: { scope: TAMANSARI, key: replayKey(KEY), material: `${KEY}\n${bodyText}`, ttlSeconds: 3600 },
        bodyHash: hashSecret('body'),
        answer: { id: ID, trackingCode: TC, secret: newSecret(), status: 'submitted', dueAt: null },
      },
    }).map((t) => sdk<NonNullable<TransactWriteCommandInput['TransactItems']>[number]>(t.params())),
  };
  const trackingGet = TrackingCode.build(GetItemCommand)
    .key({ trackingCode: TC })
    .options({ consistent: true })
    .params() as GetCommandInput;
  const requestGet = ServiceRequest.build(GetItemCommand)
    .key({ id: ID })
    .options({ consistent: true })
    .params() as GetCommandInput;
  // stored keys are lower-cased (functions/lib/table.ts keyOf): each placeholder appears in both cases
  const stamp = (id: string, tc: string, key: string) =>
    [
      [ID, id],
      [ID.toLowerCase(), id.toLowerCase()],
      [TC, tc],
      [TC.toLowerCase(), tc.toLowerCase()],
      // the replay record's key is a hash of the Idempotency-Key (functions/lib/idempotency.ts)
      [replayKey(KEY), replayKey(key)],
      [replayKey(KEY).toLowerCase(), replayKey(key).toLowerCase()],
      [KEY, key],
      [KEY.toLowerCase(), key.toLowerCase()],
    ] as const;

  async function queryAll(input: QueryCommandInput) {
    let ExclusiveStartKey: QueryCommandInput['ExclusiveStartKey'];
    const items: unknown[] = [];
    do {
      const page = await raw.send(new QueryCommand({ ...input, ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  // ---- Path C's events: what the adapter builds
  const lambdaContext = { awsRequestId: 'bench', functionName: 'bench' } as Context;
  const event = (
    method: string,
    routePath: string,
    rawPath: string,
    params: { [k: string]: string },
    headers: { [k: string]: string },
    body?: string,
  ): Event => {
    const now = new Date();
    const routeKey = `${method} ${routePath}`;
    return {
      version: '2.0',
      routeKey,
      rawPath,
      rawQueryString: '',
      headers: {
        host,
        accept: 'application/json',
        'user-agent': 'node',
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-proto': 'http',
        ...headers,
      },
      pathParameters: params,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: host,
        domainPrefix: host,
        http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'node' },
        requestId: randomBytes(10).toString('base64'),
        routeKey,
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
      },
      ...(body === undefined ? {} : { body }),
      isBase64Encoded: false,
    } as unknown as Event;
  };

  // ---- Path E: a bare HTTP server answering what the API answers (same sizes), after reading the body
  const cannedReceipt = JSON.stringify({
    id: newRequestId(),
    trackingCode: newTrackingCode(),
    secret: newSecret(),
    status: 'submitted',
    dueAt: null,
  });
  let cannedView = '{}';
  floor.on('request', (req, res) => {
    req.resume();
    req.on('end', () => {
      const body = req.method === 'POST' ? cannedReceipt : cannedView;
      res.writeHead(req.method === 'POST' ? 201 : 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));
  const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}`;

  // one keep-alive socket per origin, shared by A and E's requests (see rawHttpClient)
  const http = rawHttpClient();
  const paths: Path[] = [
    {
      id: 'A',
      label: 'adapter (HTTP)',
      counter: appCalls,
      bytes: appBytes,
      async submit() {
        const res = await http.request(submitUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'idempotency-key': idempotencyKey(),
          },
          body: bodyText,
        });
        const receipt = JSON.parse(res.text) as { trackingCode?: string };
        check(res.status === 201 && receipt.trackingCode, `A submit answered ${res.status}`);
        return receipt.trackingCode;
      },
      async track(code) {
        const res = await http.request(`${apiBase}/track/${code}`, {
          headers: { accept: 'application/json' },
        });
        check(res.status === 200, `A track answered ${res.status}`);
        cannedView = res.text;
      },
    },
    {
      id: 'B',
      label: 'raw SDK (baseline)',
      counter: rawCalls,
      bytes: rawBytes,
      async submit() {
        const id = newRequestId();
        const tc = newTrackingCode();
        const subs = stamp(id, tc, idempotencyKey());
        const v = await raw.send(new GetCommand(villageGet));
        check(v.Item, 'B village missing');
        const [defaults] = await Promise.all(catalogueQueries.map(queryAll));
        check(defaults?.length, 'B catalogue empty');
        const previous = await raw.send(new GetCommand(fill(idempotencyGet, subs)));
        check(!previous.Item, 'B idempotency key reused');
        await raw.send(new UpdateCommand(rateUpdate));
        await raw.send(new TransactWriteCommand(fill(transaction, subs)));
        return tc;
      },
      async track(code) {
        const counted = await raw.send(new UpdateCommand(trackCount));
        check(typeof counted.Attributes?.value === 'number', 'B track counter missing');
        const claim = await raw.send(new GetCommand(fill(trackingGet, stamp('', code, ''))));
        const requestId = claim.Item?.requestId as string | undefined;
        check(requestId, 'B tracking claim missing');
        const request = await raw.send(new GetCommand(fill(requestGet, stamp(requestId, '', ''))));
        check(request.Item, 'B request missing');
      },
    },
    {
      id: 'C',
      label: 'handler direct',
      counter: appCalls,
      bytes: appBytes,
      async submit() {
        const e = event(
          'POST',
          '/villages/{code}/requests',
          `/villages/${TAMANSARI}/requests`,
          { code: TAMANSARI },
          {
            'content-type': 'application/json',
            'content-length': String(bodyText.length),
            'idempotency-key': idempotencyKey(),
          },
          bodyText,
        );
        const res = (await submitHandler(e, lambdaContext)) as Result;
        check(res.statusCode === 201, `C submit answered ${res.statusCode}`);
        return (JSON.parse(res.body ?? '{}') as { trackingCode: string }).trackingCode;
      },
      async track(code) {
        const e = event('GET', '/track/{trackingCode}', `/track/${code}`, { trackingCode: code }, {});
        const res = (await trackHandler(e, lambdaContext)) as Result;
        check(res.statusCode === 200, `C track answered ${res.statusCode}`);
      },
    },
    {
      id: 'D',
      label: 'domain + toolbox',
      counter: appCalls,
      bytes: appBytes,
      async submit() {
        const now = new Date();
        const receipt = await submitRequest(
          TAMANSARI,
          { ...parsedBody, lang: parsedBody.lang ?? 'id' },
          {
            idempotencyKey: idempotencyKey(),
            source: 'web',
            now,
            budget: submitBudget(TAMANSARI, '127.0.0.1'),
          },
        );
        return receipt.trackingCode;
      },
      async track(code) {
        await countTrackingLookups('127.0.0.1', new Date());
        const request = await findByTrackingCode(code);
        check(request, 'D request missing');
        trackingView(request, new Date(), 'id');
      },
    },
    {
      id: 'E',
      label: 'HTTP floor (bare server)',
      async submit() {
        const res = await http.request(`${floorUrl}/villages/${TAMANSARI}/requests`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'idempotency-key': idempotencyKey(),
          },
          body: bodyText,
        });
        const receipt = JSON.parse(res.text) as { trackingCode: string };
        return receipt.trackingCode;
      },
      async track(code) {
        await http.request(`${floorUrl}/track/${code}`, { headers: { accept: 'application/json' } });
      },
    },
  ];

  const codes = new Map<PathId, string[]>(paths.map((p) => [p.id, []]));
  const records = new Map<string, Recorded>();
  const rec = (op: Op, id: PathId) => {
    const k = `${op}:${id}`;
    let r = records.get(k);
    if (!r) {
      r = { samples: [], calls: new Map(), requestBytes: 0 };
      records.set(k, r);
    }
    return r;
  };
  let trackCursor = 0;
  const nextCode = (p: Path) => {
    const pool = p.id === 'E' ? codes.get('A') : codes.get(p.id);
    check(pool?.length, `no tracking codes for path ${p.id}`);
    return pool[trackCursor++ % pool.length] as string;
  };

  async function once(p: Path, op: Op, measure: boolean) {
    const before = p.counter?.snapshot();
    const bytesBefore = p.bytes?.n ?? 0;
    const t0 = performance.now();
    if (op === 'submit') {
      const code = await p.submit();
      if (p.id !== 'E') codes.get(p.id)?.push(code);
    } else {
      await p.track(nextCode(p));
    }
    const elapsed = performance.now() - t0;
    if (!measure) return;
    const r = rec(op, p.id);
    r.samples.push(elapsed);
    r.requestBytes += (p.bytes?.n ?? 0) - bytesBefore;
    const sig = p.counter && before ? describeCalls(p.counter.since(before)) : '(no DynamoDB)';
    r.calls.set(sig, (r.calls.get(sig) ?? 0) + 1);
  }

  // ---- warm-up (JIT on both sides, connection pools, handler modules)
  const warmStarted = performance.now();
  for (const p of paths) for (let i = 0; i < WARMUP; i++) await once(p, 'submit', false);
  for (const p of paths) for (let i = 0; i < WARMUP; i++) await once(p, 'track', false);
  const warmMs = performance.now() - warmStarted;

  // ---- measured: round robin over the paths request by request (so the machine's drift, which is
  // large on this VM, hits every path alike), path order rotating (and reversing) every block
  const measuredStarted = performance.now();
  for (let b = 0; b < BLOCKS; b++) {
    const rotated = paths.map((_, i) => paths[(i + b) % paths.length] as Path);
    const order = b % 2 === 0 ? rotated : rotated.reverse();
    for (const op of ['submit', 'track'] as const)
      for (let i = 0; i < PER_BLOCK; i++) for (const p of order) await once(p, op, true);
  }
  const measuredMs = performance.now() - measuredStarted;
  http.close();

  // ---- report
  const cpus = os.cpus();
  console.log('API latency budget — submit and track through the adapter vs the same raw SDK calls');
  console.log(
    `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `${os.platform()} ${os.release()}, node ${process.version}, load avg ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
  );
  console.log(
    `run: ${BLOCKS} interleaved blocks × ${PER_BLOCK} per path and op (n=${BLOCKS * PER_BLOCK}), ` +
      `warm-up ${WARMUP} per path and op; DynamoDB Local at ${rt.dynamoEndpoint} (in memory)`,
  );
  console.log('');

  const pathById = new Map(paths.map((p) => [p.id, p]));
  const label = (id: PathId) => `${id} ${pathById.get(id)?.label ?? ''}`;
  const all = new Map<string, Stats>();
  for (const [k, r] of records) all.set(k, stats(r.samples));

  console.log(
    'DynamoDB work per operation (counted by middleware on the clients; bytes = request bodies sent)',
  );
  console.log(
    table(
      ['op', 'path', 'calls per iteration (iterations)', 'req bytes/op'],
      (['submit', 'track'] as const).flatMap((op) =>
        paths
          .filter((p) => p.counter)
          .map((p) => {
            const r = rec(op, p.id);
            const calls = [...r.calls].map(([sig, n]) => `${sig} (${n})`).join('; ');
            return [op, label(p.id), calls, (r.requestBytes / r.samples.length).toFixed(0)];
          }),
      ),
    ),
  );
  for (const op of ['submit', 'track'] as const) {
    const sigs = (id: PathId) => [...rec(op, id).calls.keys()].join('; ');
    const same = sigs('A') === sigs('B');
    const bytes = (id: PathId) => rec(op, id).requestBytes / rec(op, id).samples.length;
    console.log(
      `${op}: A and B make ${same ? 'the same calls' : 'DIFFERENT calls — the baseline no longer mirrors the handler'}` +
        `, request bytes B/A ${(bytes('B') / bytes('A')).toFixed(3)}`,
    );
  }
  console.log('');

  console.log('Latency (ms)');
  console.log(
    table(
      ['op', 'path', 'n', 'p50', 'p95', 'p99', 'mean', 'max'],
      (['submit', 'track'] as const).flatMap((op) =>
        paths.map((p) => {
          const s = all.get(`${op}:${p.id}`) as Stats;
          return [op, label(p.id), String(s.n), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.mean), ms(s.max)];
        }),
      ),
    ),
  );
  console.log('');

  const verdict = (a: number, b: number) => (a / b <= BUDGET ? 'PASS' : 'OVER');
  console.log(`Budget: A (adapter) / B (raw SDK) ≤ ${BUDGET}× — judged on p50; p99 reported alongside`);
  console.log(
    table(
      ['op', 'A p50', 'B p50', 'p50 A/B', 'verdict (p50)', 'A p99', 'B p99', 'p99 A/B', 'p99 check'],
      (['submit', 'track'] as const).map((op) => {
        const a = all.get(`${op}:A`) as Stats;
        const b = all.get(`${op}:B`) as Stats;
        return [
          op,
          ms(a.p50),
          ms(b.p50),
          ratio(a.p50, b.p50),
          verdict(a.p50, b.p50),
          ms(a.p99),
          ms(b.p99),
          ratio(a.p99, b.p99),
          verdict(a.p99, b.p99),
        ];
      }),
    ),
  );
  console.log('');

  console.log('Where A spends its time over B (differences of p50s, ms; approximate: medians do not add)');
  console.log(
    table(
      [
        'op',
        'B raw SDK',
        'D−B toolbox+domain',
        'C−D endpoint (middy,zod,JSON)',
        'A−C HTTP+adapter',
        '(E HTTP floor)',
        'A total',
      ],
      (['submit', 'track'] as const).map((op) => {
        const p = (id: PathId) => (all.get(`${op}:${id}`) as Stats).p50;
        return [
          op,
          ms(p('B')),
          ms(p('D') - p('B')),
          ms(p('C') - p('D')),
          ms(p('A') - p('C')),
          ms(p('E')),
          ms(p('A')),
        ];
      }),
    ),
  );
  console.log('');
  console.log(
    `time: startup ${(startupMs / 1000).toFixed(1)} s, warm-up ${(warmMs / 1000).toFixed(1)} s, ` +
      `measured ${(measuredMs / 1000).toFixed(1)} s, total ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  rawDynamo.destroy();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
