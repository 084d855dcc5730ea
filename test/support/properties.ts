/**
 * Property tests against the running local runtime (test/integration/properties*.test.ts): whatever
 * arrives (random and malformed JSON, random forms with dotted names, random content types, random
 * path parameters and cursors), the API never answers 5xx; every 4xx is our `{error: {code, message,
 * fields?}}` (or an HTML page where the route answers browsers); a rejected submission writes nothing.
 * Here: a runtime per test file, its fixture request, the checks, and the arbitraries.
 */
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, expect } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/servers';
import { type Call, client, KEMIREN, NIK, signIn, skuBody, startRuntime, TAMANSARI, toCall } from './runtime';

/** Registers this world's hooks: call it once at the top level of a test file that uses it. */
export function usePropertiesRuntime(): void {
  beforeAll(setUp, 120_000);
  afterAll(tearDown);
}

export let runtime: LocalRuntime;
export let call: ReturnType<typeof client>;
export let dynamo: DynamoDBClient;
export let officer: string;
export let countVillage: (villageCode: string) => Promise<number>;
/** a Tamansari request the random transitions / documents aim at */
export const fixture = { id: '', secret: '', trackingCode: '' };

export const RUNS = Number(process.env.SK_PROPERTY_RUNS ?? 100);

/**
 * Every item of the table (requests, tracking-code claims, replay records, documents, letter counters …)
 * except the rate-limit counters, which count attempts by design (every sign-in and tracking look-up,
 * rejected or not; every new submission).
 */
export async function countTable(): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new ScanCommand({
        TableName: runtime.tableName,
        Select: 'COUNT',
        ConsistentRead: true,
        FilterExpression: 'NOT begins_with(#name, :rate)',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ':rate': { S: 'rate#' } },
        ...(start ? { ExclusiveStartKey: start as never } : {}),
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

export interface Raw {
  body?: string;
  contentType?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** A request exactly as given (path already encoded, body as text). */
export async function raw(method: string, path: string, opts: Raw = {}): Promise<Call> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.contentType !== undefined) headers['content-type'] = opts.contentType;
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  return toCall(
    await fetch(runtime.apiUrl + path, {
      method,
      headers,
      ...(opts.body !== undefined ? { body: opts.body } : {}),
      redirect: 'manual',
    }),
  );
}

/**
 * The contract of every answer: never a 5xx; a 4xx is `{error: {code, message, fields?}}` in JSON
 * (each field with path and message), or an HTML page when `htmlOk` (a form post / browser on a route
 * that answers HTML).
 */
export function expectWellFormed(res: Call, input: unknown, htmlOk = false) {
  const where = `input ${JSON.stringify(input)?.slice(0, 500)} → ${res.status} ${res.text.slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  if (res.status < 400) return;
  const type = res.headers.get('content-type') ?? '';
  if (htmlOk && type.startsWith('text/html')) return;
  expect(type, where).toMatch(/^application\/json/);
  const error = res.data?.error;
  expect(typeof error?.code, where).toBe('string');
  expect(typeof error?.message, where).toBe('string');
  expect(error.message.length, where).toBeGreaterThan(0);
  if (error.fields !== undefined) {
    expect(Array.isArray(error.fields), where).toBe(true);
    for (const f of error.fields) {
      expect(typeof f.path, where).toBe('string');
      expect(f.path.length, where).toBeGreaterThan(0);
      expect(typeof f.message, where).toBe('string');
      expect(f.message.length, where).toBeGreaterThan(0);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// arbitraries

export const POLLUTING = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

export const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '\udfff', 'null', '🇮🇩 desa', 'ا', '\u202e', '%00', '../..'),
  fc.constantFrom('x'.repeat(130), 'x'.repeat(2001), 'y'.repeat(40_000), 'z'.repeat(70_000)),
  fc.constantFrom(...POLLUTING),
);

/** JSON text of an object with the given entries, own `__proto__` keys included. */
export function objectText(entries: [string, unknown][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;
}

export const key = fc.oneof(
  fc.string(),
  fc.constantFrom(...POLLUTING, 'serviceCode', 'applicant', 'fields', 'lang'),
);
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.constantFrom(null, true, 0, -1, 1e308, [], {}, [[[[[]]]]], { a: { b: { c: { d: {} } } } }),
  fc.array(fc.integer(), { maxLength: 300 }),
);

export const nik = fc.oneof(
  fc.constant(NIK),
  fc.stringMatching(/^\d{16}$/),
  fc.stringMatching(/^35\d{14}$/),
  fc.string({ maxLength: 20 }),
  text,
  junk,
);
export const whatsapp = fc.oneof(
  fc.constant('081234567890'),
  fc.stringMatching(/^(\+62|62|0)8\d{5,13}$/),
  text,
  junk,
);

export const fields = fc.oneof(
  fc.constant(skuBody().fields as Record<string, unknown>),
  fc.dictionary(
    fc.oneof(key, fc.constantFrom('nama_usaha', 'jenis_usaha', 'lama_usaha')),
    fc.oneof(text, fc.array(text, { maxLength: 60 }), junk),
  ),
  junk,
);

/** Objects shaped like the submit body, with random values anywhere. */
export const submitShaped = fc
  .record(
    {
      serviceCode: fc.oneof(fc.constantFrom('sku', 'domisili', 'sktm', ''), text, junk),
      applicant: fc.oneof(
        fc.record(
          { name: fc.oneof(fc.constant('Siti Aminah'), text, junk), nik, whatsapp },
          { requiredKeys: [] },
        ),
        junk,
      ),
      fields,
      lang: fc.oneof(fc.constantFrom('id', 'en', 'fr'), junk),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o));

/** Any text a client might send as a JSON body. */
export const jsonBody = fc.oneof(
  fc.anything().map((v) => JSON.stringify(v) ?? ''),
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  submitShaped,
  fc.array(fc.tuple(key, junk), { maxLength: 8 }).map(objectText),
  fc
    .tuple(fc.constantFrom(...POLLUTING), submitShaped)
    .map(([k, body]) => `{${JSON.stringify(k)}:${body},${body.slice(1)}`),
  fc.string(), // not JSON at all (mostly)
  fc.constantFrom('{', '[', '{"a":1,}', '\u0000', 'nul', '{"serviceCode":"sku"', '[]'.repeat(5000)),
);

export const segment = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.string({ unit: 'binary', minLength: 1 }),
  fc.stringMatching(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/),
  fc.stringMatching(/^[0-9A-Za-z_-]{10,40}$/),
  fc.constantFrom(
    TAMANSARI,
    KEMIREN,
    '35.10.24.2999',
    '99.99.99.9999',
    '35.10.24',
    'a'.repeat(3000),
    '%',
    '.',
  ),
);
/** A path segment as a client would put it in a URL (percent-encoded; raw `%` junk sometimes). */
export const pathSegment = fc.oneof(
  segment.map((s) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '?'));
    }
  }),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '%2F', '..%2F..', '%25'),
);

/** Header values fetch accepts (printable ASCII). */
export const headerValue = fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,80}$/);

export const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'APPLICATION/JSON; charset=utf-8',
    'application/json;charset=latin1',
    'application/json, text/html',
    'application/merge-patch+json',
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded; charset=utf-8',
    'multipart/form-data; boundary=x',
    'text/plain',
    'text/html',
    'application/xml',
    'application/octet-stream',
    ';',
    ' ',
  ),
  headerValue,
);

// ---------------------------------------------------------------------------------------------

async function setUp() {
  // hundreds of submissions from one address: lift the per-IP submit limit for this file's runtime
  process.env.RATE_LIMIT_SUBMIT = '1000000';
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  dynamo = new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint: runtime.dynamoEndpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  const { queryPage } = await import('../../functions/lib/table');
  const { ServiceRequest, requestByVillage } = await import('../../functions/requests/entities');
  countVillage = async (villageCode) =>
    (await queryPage(ServiceRequest, requestByVillage, { villageCode }, { all: true })).items.length;
  officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
  const res = await call('POST', `/villages/${TAMANSARI}/requests`, { json: skuBody('Property Fixture') });
  expect(res.status).toBe(201);
  Object.assign(fixture, res.data);
}

async function tearDown() {
  dynamo?.destroy();
  await runtime?.stop();
}
