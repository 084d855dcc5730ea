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
 * Exits non-zero only on errors; budget misses print OVER. The baseline path: ./api-baseline.ts; the
 * report: ./api-report.ts.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { dynamo as functionsDynamo } from '../functions/lib/aws';
import { countTrackingLookups, submitBudget } from '../functions/lib/rate-limit';
import { newSecret, newTrackingCode } from '../functions/requests/domain/tracking';
import { handler as submitHandler } from '../functions/requests/handlers/submit';
import { handler as trackHandler } from '../functions/requests/handlers/track';
import { SubmitBody } from '../functions/requests/schemas';
import { findByTrackingCode } from '../functions/requests/store';
import { newRequestId, submitRequest } from '../functions/requests/submit';
import { trackingView } from '../functions/requests/views';
import { type LocalRuntime, startLocalRuntime } from '../infra/local/runtime';
import { skuBody, TAMANSARI } from '../test/support/runtime';
import { baselinePath } from './api-baseline';
import {
  BLOCKS,
  check,
  type Event,
  idempotencyKey,
  type Op,
  type Path,
  type PathId,
  PER_BLOCK,
  type Recorded,
  type Result,
  WARMUP,
} from './api-model';
import { report } from './api-report';
import { bodyBytes, CallCounter, describeCalls, rawHttpClient } from './lib';

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
  // the functions' clients are made on first use, from the configuration the runtime has set
  const dynamo = functionsDynamo();

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

  // ---- request inputs
  const bodyObj = skuBody('Bench Citizen');
  const bodyText = JSON.stringify(bodyObj);
  const parsedBody = SubmitBody.parse(bodyObj);
  // the same address form as the floor (E): `localhost` may try ::1 first on every new connection
  const apiBase = rt.apiUrl.replace('//localhost:', '//127.0.0.1:');
  const submitUrl = `${apiBase}/villages/${TAMANSARI}/requests`;
  const host = new URL(rt.apiUrl).host;

  // ---- Path B: the baseline (./api-baseline.ts)
  const baseline = await baselinePath(rt, { parsedBody, bodyText }, instrument, rawCalls, rawBytes);

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
    baseline.path,
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

  report({ rt, paths, records, rec, started, startupMs, warmMs, measuredMs });
  baseline.destroy();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
