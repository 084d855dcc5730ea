/**
 * The site server's `/_s3/…` front of the local S3 server (fauxqs), which browsers reach through
 * presigned URLs (S3_PUBLIC_ENDPOINT). fauxqs checks no signature and no POST policy, and answers no
 * CORS preflight; real S3 does all three for the private uploads bucket. So this front lets through
 * only what a browser holding a presigned URL can do on AWS, after checking it as S3 would:
 *
 * - `POST /_s3/<uploads bucket>`: a presigned POST form (documents, product photos). The policy's
 *   signature, expiration and conditions (key, bucket, `eq`/`starts-with`, content-length-range)
 *   are checked, and every form field must be covered by a condition (S3's "Extra input fields").
 * - `OPTIONS` on the uploads bucket: the preflight of a script posting that form with fetch (the
 *   bucket's CORS rule allows POST from the site origins; here any origin).
 * - `GET /_s3/<uploads bucket>/<key>?X-Amz-…`: a presigned GET (officers' document links). The
 *   SigV4 query signature is recomputed and X-Amz-Date + X-Amz-Expires must not have passed. The
 *   object is answered with `nosniff`, `content-security-policy: sandbox` and, unless it is a
 *   raster image or a PDF (what the workspace shows inline, as S3 does on AWS; Chromium's PDF viewer
 *   renders under the sandbox), `content-disposition: attachment`: this front shares the sites'
 *   origin, unlike S3.
 *
 * Everything else (unsigned reads, PUT, DELETE, listings, the photos bucket, any other bucket) is
 * refused in S3's XML error shape. Photos are read by the site server from the bucket itself.
 *
 * A POST's Content-Type that parsers could read two ways (a repeated parameter, `boundary=` more than
 * once) is refused, and what reaches the S3 server is never the client's bytes: it is the checked form
 * written again by the front (s3-form.ts), so the object stored is the one checked.
 */
import { timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, request, type ServerResponse } from 'node:http';
import { encodeForm, formBoundary, Refused, s3ErrorXml } from './s3-form';
import { policySignature, s3Signer } from './s3-signing';

export interface S3FrontOptions {
  /** the local S3 server */
  endpoint: string;
  /** the one bucket browsers reach: the private uploads bucket */
  uploadsBucket: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** a little more than the largest upload any policy allows (8 MB photos), plus the form fields */
const MAX_POST_BYTES = 10 * 1024 * 1024;
/** S3's longest presigned URL lifetime (7 days) */
const MAX_EXPIRES_SECONDS = 604_800;
/** images a browser renders inline without running anything (not SVG) */
const INLINE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf']);

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': 'etag, location',
};

function refuse(res: ServerResponse, error: Refused, extra: Record<string, string> = {}) {
  const body = s3ErrorXml(error);
  res.writeHead(error.status, {
    'content-type': 'application/xml',
    'content-length': String(Buffer.byteLength(body)),
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

/** `20261206T115000Z` → Date, or undefined */
function amzDate(value: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const date = new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** `/_s3/<bucket>/<key…>` (raw, still escaped) → bucket and raw key path */
function parsePath(rawPath: string): { bucket: string; key: string } {
  const rest = rawPath.slice('/_s3/'.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? { bucket: rest, key: '' } : { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
}

export function createS3Front(opts: S3FrontOptions) {
  // the SDK's SigV4 signer, configured as for S3 (./s3-signing.ts): the signature recomputed, as S3 does
  const signer = s3Signer({ region: opts.region, credentials: async () => opts.credentials });

  /** A presigned GET: the same signature recomputed, and not expired. */
  async function checkPresignedGet(req: IncomingMessage, rawPath: string, search: URLSearchParams) {
    const query: Record<string, string> = {};
    for (const [k, v] of search) {
      if (k in query) throw new Refused(403, 'AccessDenied', 'repeated query parameter');
      query[k] = v;
    }
    const signature = query['X-Amz-Signature'];
    if (!signature || query['X-Amz-Algorithm'] !== 'AWS4-HMAC-SHA256')
      throw new Refused(403, 'AccessDenied', 'a presigned URL is needed (this bucket is private)');
    const date = amzDate(query['X-Amz-Date']);
    const expires = Number(query['X-Amz-Expires']);
    if (!date || !Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_SECONDS)
      throw new Refused(403, 'AccessDenied', 'X-Amz-Date or X-Amz-Expires is invalid');
    const now = Date.now();
    if (date.getTime() > now + 15 * 60_000)
      throw new Refused(403, 'RequestTimeTooSkewed', 'the request is dated in the future');
    if (now > date.getTime() + expires * 1000) throw new Refused(403, 'AccessDenied', 'Request has expired');
    const signedHeaders = (query['X-Amz-SignedHeaders'] ?? '').split(';');
    const headers: Record<string, string> = {};
    for (const name of signedHeaders) {
      const value = req.headers[name];
      if (typeof value !== 'string') throw new Refused(403, 'AccessDenied', `signed header ${name} missing`);
      headers[name] = value;
    }
    if (!('host' in headers)) throw new Refused(403, 'AccessDenied', 'the host must be signed');
    const { 'X-Amz-Signature': _, ...unsigned } = query;
    const host = headers.host as string;
    const expected = await signer.presign(
      {
        method: 'GET',
        protocol: 'http:',
        hostname: host.replace(/:\d+$/, ''),
        path: rawPath,
        query: unsigned,
        // a presigned URL signs no payload (S3 takes UNSIGNED-PAYLOAD; the signer hoists it to the query)
        headers: { ...headers, 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
      },
      { signingDate: date, expiresIn: expires },
    );
    // the recomputed URL must carry the very same X-Amz-* parameters (credential, scope, headers)
    for (const [k, v] of Object.entries(expected.query ?? {}))
      if (k !== 'X-Amz-Signature' && query[k] !== v)
        throw new Refused(403, 'AccessDenied', `${k} does not match the local credentials`);
    if (!sameText(String(expected.query?.['X-Amz-Signature'] ?? ''), signature))
      throw new Refused(403, 'SignatureDoesNotMatch', 'the signature does not match');
  }

  /**
   * A presigned POST form, checked as S3 checks it. Answers the form to forward: the checked fields
   * (each under the policy's spelling of its name; `x-ignore-*` ones, which S3 ignores, left out) and
   * the file, for the front to write again (encodeForm).
   */
  async function checkPostForm(bucket: string, contentType: string, body: Buffer) {
    const boundary = formBoundary(contentType);
    let form: FormData;
    try {
      // the one boundary read above, whatever else the header held
      form = await new Request('http://local/', {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary="${boundary}"` },
        body: new Uint8Array(body),
      }).formData();
    } catch {
      throw new Refused(400, 'MalformedPOSTRequest', 'the form is not well-formed multipart/form-data');
    }
    const fields = new Map<string, { name: string; value: string }>();
    let file: File | undefined;
    for (const [name, value] of form) {
      if (name.toLowerCase() === 'file') {
        if (typeof value === 'string') throw new Refused(400, 'InvalidArgument', 'file must be a file');
        file = value;
        break; // S3 ignores what follows the file (so does fauxqs)
      }
      if (typeof value !== 'string')
        throw new Refused(400, 'InvalidArgument', `${name} must be a text field`);
      if (fields.has(name.toLowerCase())) throw new Refused(400, 'InvalidArgument', `${name} is repeated`);
      fields.set(name.toLowerCase(), { name, value });
    }
    const field = (name: string) => fields.get(name.toLowerCase())?.value;
    if (!file) throw new Refused(400, 'InvalidArgument', 'POST requires exactly one file upload per request');
    const policy = field('policy');
    const signature = field('x-amz-signature');
    const credential = field('x-amz-credential');
    if (!policy || !signature || !credential || field('x-amz-algorithm') !== 'AWS4-HMAC-SHA256')
      throw new Refused(403, 'AccessDenied', 'a presigned POST policy is needed (this bucket is private)');
    const [accessKeyId, shortDate, region, service, terminator, ...more] = credential.split('/');
    if (
      accessKeyId !== opts.credentials.accessKeyId ||
      !/^\d{8}$/.test(shortDate ?? '') ||
      region !== opts.region ||
      service !== 's3' ||
      terminator !== 'aws4_request' ||
      more.length
    )
      throw new Refused(403, 'InvalidAccessKeyId', 'X-Amz-Credential does not match the local credentials');
    const expected = await policySignature(opts.credentials, shortDate as string, opts.region, policy);
    if (!sameText(expected, signature))
      throw new Refused(403, 'SignatureDoesNotMatch', 'the policy signature does not match');
    let document: { expiration?: unknown; conditions?: unknown };
    try {
      document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8'));
    } catch {
      throw new Refused(400, 'InvalidPolicyDocument', 'the policy is not base64 JSON');
    }
    const expiration = typeof document.expiration === 'string' ? Date.parse(document.expiration) : Number.NaN;
    if (Number.isNaN(expiration))
      throw new Refused(400, 'InvalidPolicyDocument', 'the policy has no expiration');
    if (Date.now() > expiration)
      throw new Refused(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
    if (!Array.isArray(document.conditions))
      throw new Refused(400, 'InvalidPolicyDocument', 'the policy has no conditions');

    // the bucket is the URL's; a `bucket` field, if sent, must name the same one
    const value = (name: string) => (name.toLowerCase() === 'bucket' ? bucket : (field(name) ?? ''));
    if (field('bucket') !== undefined && field('bucket') !== bucket)
      throw new Refused(403, 'AccessDenied', 'the bucket field does not match the URL');
    // the fields the policy covers, lower-cased → as the policy spells them (S3 reads names either way;
    // the local S3 server only in one spelling, so the forwarded form uses the signed one)
    const covered = new Map<string, string | undefined>([
      ['policy', undefined],
      ['x-amz-signature', undefined],
      ['file', undefined],
    ]);
    const fail = (what: string): never => {
      throw new Refused(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ${what}`);
    };
    let keyCondition = false;
    for (const condition of document.conditions as unknown[]) {
      if (Array.isArray(condition)) {
        const [op, a, b] = condition as [unknown, unknown, unknown];
        if (op === 'content-length-range') {
          if (typeof a !== 'number' || typeof b !== 'number' || file.size < a || file.size > b)
            fail(`["content-length-range", ${a}, ${b}]`);
          continue;
        }
        if (
          (op !== 'eq' && op !== 'starts-with') ||
          typeof a !== 'string' ||
          typeof b !== 'string' ||
          !a.startsWith('$')
        )
          throw new Refused(400, 'InvalidPolicyDocument', `unknown condition ${JSON.stringify(condition)}`);
        const name = a.slice(1).toLowerCase();
        covered.set(name, a.slice(1));
        if (name === 'key') keyCondition = true;
        const actual = value(name);
        if (op === 'eq' ? actual !== b : !actual.startsWith(b)) fail(JSON.stringify(condition));
      } else if (condition && typeof condition === 'object') {
        const entries = Object.entries(condition);
        const [name, expectedValue] = entries[0] ?? [];
        if (entries.length !== 1 || typeof name !== 'string' || typeof expectedValue !== 'string')
          throw new Refused(400, 'InvalidPolicyDocument', `unknown condition ${JSON.stringify(condition)}`);
        covered.set(name.toLowerCase(), name);
        if (name.toLowerCase() === 'key') keyCondition = true;
        if (value(name) !== expectedValue) fail(JSON.stringify(condition));
      } else throw new Refused(400, 'InvalidPolicyDocument', 'unknown condition');
    }
    if (!keyCondition || field('key') === undefined) fail('key');
    const extra = [...fields.values()]
      .map((f) => f.name)
      .filter((name) => !covered.has(name.toLowerCase()) && !name.toLowerCase().startsWith('x-ignore-'));
    if (extra.length)
      throw new Refused(
        403,
        'AccessDenied',
        `Invalid according to Policy: Extra input fields: ${extra.join(', ')}`,
      );
    return encodeForm(
      [...fields.entries()]
        .filter(([lower]) => covered.has(lower))
        .map(([lower, f]) => ({ name: covered.get(lower) ?? f.name, value: f.value })),
      { name: file.name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) },
    );
  }

  function readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((ok, fail) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_POST_BYTES) chunks.push(chunk); // beyond: drained, then refused
      });
      req.on('end', () =>
        size > MAX_POST_BYTES
          ? fail(new Refused(400, 'EntityTooLarge', 'the upload is larger than any policy allows'))
          : ok(Buffer.concat(chunks)),
      );
      req.on('error', fail);
    });
  }

  function forward(
    res: ServerResponse,
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body: Buffer | undefined,
    answer: (
      headers: Record<string, string | string[] | undefined>,
    ) => Record<string, string | string[] | undefined>,
  ) {
    const target = new URL(path, opts.endpoint);
    const upstream = request(target, { method, headers: { ...headers, host: target.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, answer(up.headers));
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    upstream.end(body);
  }

  return async function handle(req: IncomingMessage, res: ServerResponse) {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const rawPath = q < 0 ? raw : raw.slice(0, q);
    const search = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    const { bucket, key } = parsePath(rawPath);
    const method = req.method ?? 'GET';
    try {
      if (bucket !== opts.uploadsBucket)
        throw new Refused(
          403,
          'AccessDenied',
          'browsers reach only the uploads bucket, with a presigned URL',
        );
      if (method === 'OPTIONS') {
        if (key || String(req.headers['access-control-request-method'] ?? '').toUpperCase() !== 'POST')
          throw new Refused(403, 'AccessDenied', 'CORSResponse: this CORS request is not allowed');
        res.writeHead(204, { ...CORS, 'access-control-max-age': '600' });
        res.end();
        return;
      }
      if (method === 'POST') {
        if (key || [...search].length)
          throw new Refused(405, 'MethodNotAllowed', 'POST a form to the bucket itself');
        const contentType = String(req.headers['content-type'] ?? '');
        const body = await readBody(req);
        // what the S3 server gets is the checked form, written again: never the bytes as sent
        const checked = await checkPostForm(bucket, contentType, body);
        forward(
          res,
          'POST',
          rawPath.slice('/_s3'.length),
          { 'content-type': checked.contentType, 'content-length': String(checked.body.length) },
          checked.body,
          (up) => ({ ...up, ...CORS }),
        );
        return;
      }
      if (method === 'GET') {
        if (!key) throw new Refused(403, 'AccessDenied', 'listing the bucket is not allowed');
        await checkPresignedGet(req, rawPath, search);
        const range = req.headers.range;
        forward(
          res,
          'GET',
          rawPath.slice('/_s3'.length),
          typeof range === 'string' ? { range } : {},
          undefined,
          (up) => {
            const type = String(up['content-type'] ?? '')
              .split(';')[0]
              ?.trim()
              .toLowerCase();
            return {
              ...up,
              'x-content-type-options': 'nosniff',
              'content-security-policy': 'sandbox',
              ...(INLINE_TYPES.has(type ?? '') ? {} : { 'content-disposition': 'attachment' }),
            };
          },
        );
        return;
      }
      throw new Refused(405, 'MethodNotAllowed', `${method} is not allowed here`);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      const cors = method === 'POST' ? CORS : {};
      refuse(res, error, { ...cors, ...(error.status === 405 ? { allow: 'GET, POST, OPTIONS' } : {}) });
      if (method === 'POST' && !req.complete) req.resume();
    }
  };
}
