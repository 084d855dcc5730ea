/**
 * Presigned S3 requests for browsers — upload forms (POST policy) and download links (GET) — signed
 * with the SDK's own SigV4 signer (`@smithy/signature-v4`, already in every bundle: the DynamoDB
 * client signs with it) and the credentials the DynamoDB client resolved (the function's role on
 * AWS). Why not `@aws-sdk/s3-presigned-post` / `s3-request-presigner`: both need a whole S3Client
 * (its endpoint rules and commands, ~130 KB), which cost the routes that only hand out links about
 * 13 ms of cold start. The output is byte-for-byte what those packages produce for the same inputs:
 * `test/unit/lib/presign.test.ts` compares them on a fixed clock, virtual-hosted and path-style.
 */
import { createHash, createHmac } from 'node:crypto';
import { createScope, getSigningKey, SignatureV4 } from '@smithy/signature-v4';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignerConfig {
  region: string;
  credentials: () => Promise<Credentials>;
  /** a path-style endpoint (the local S3 server, or its browser-facing front); unset on AWS */
  endpoint?: string;
}

/** SHA-256 / HMAC-SHA-256 in the shape the signer takes (what @smithy/hash-node does). */
type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data) =>
  typeof d === 'string'
    ? d
    : ArrayBuffer.isView(d)
      ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength)
      : new Uint8Array(d);
export class Sha256 {
  private readonly hash;
  constructor(secret?: Data) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: Data) {
    this.hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

/** The bucket's base URL: virtual-hosted on AWS, path-style on a configured endpoint. */
export function bucketUrl(cfg: Pick<SignerConfig, 'region' | 'endpoint'>, bucket: string): URL {
  if (cfg.endpoint) return new URL(`${cfg.endpoint.replace(/\/+$/, '')}/${bucket}`);
  if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket))
    throw new Error(`bucket name needs path-style addressing: ${bucket}`);
  return new URL(`https://${bucket}.s3.${cfg.region}.amazonaws.com`);
}

/** URI-encodes like SigV4 (RFC 3986: also `!'()*`, which encodeURIComponent leaves alone). */
export const escapeRfc3986 = (part: string) =>
  encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const iso8601 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export type PostCondition =
  | Record<string, string>
  | ['eq' | 'starts-with', string, string]
  | ['content-length-range', number, number];

/** A POST policy's signature: HMAC-SHA-256 of the base64 policy with the day's SigV4 signing key. */
export async function policySignature(
  credentials: Credentials,
  shortDate: string,
  region: string,
  policy: string,
): Promise<string> {
  const key = await getSigningKey(Sha256, credentials, shortDate, region, 's3');
  return createHmac('sha256', key).update(policy).digest('hex');
}

/** A browser upload form: POST `url` with `fields` and then the file (S3 enforces the policy). */
export async function presignedPost(
  cfg: SignerConfig,
  input: {
    bucket: string;
    key: string;
    conditions?: PostCondition[];
    fields?: Record<string, string>;
    expiresSeconds: number;
  },
  now = new Date(),
): Promise<{ url: string; fields: Record<string, string> }> {
  const signingDate = iso8601(now).replace(/[-:]/g, '');
  const shortDate = signingDate.slice(0, 8);
  const credentials = await cfg.credentials();
  const fields: Record<string, string> = {
    ...input.fields,
    bucket: input.bucket,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${credentials.accessKeyId}/${createScope(shortDate, cfg.region, 's3')}`,
    'X-Amz-Date': signingDate,
    ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
  };
  const conditions = new Set<string>((input.conditions ?? []).map((c) => JSON.stringify(c)));
  for (const [k, v] of Object.entries(fields)) conditions.add(JSON.stringify({ [k]: v }));
  conditions.add(JSON.stringify({ key: input.key }));
  const policy = Buffer.from(
    JSON.stringify({
      expiration: iso8601(new Date(now.getTime() + input.expiresSeconds * 1000)),
      conditions: [...conditions].map((c) => JSON.parse(c)),
    }),
  ).toString('base64');
  const signature = await policySignature(credentials, shortDate, cfg.region, policy);
  const url = bucketUrl(cfg, input.bucket);
  return {
    url: cfg.endpoint ? url.href : `${url.origin}/`,
    fields: { ...fields, key: input.key, Policy: policy, 'X-Amz-Signature': signature },
  };
}

/** `key` as S3 expects it in a path: each segment RFC 3986-escaped, the slashes kept. */
export const escapeKey = (key: string) => key.split('/').map(escapeRfc3986).join('/');

/** The object's URL path under the bucket's base URL (`/<key>` on AWS, `/<bucket>/<key>` path-style). */
export const objectPath = (base: URL, key: string) => `${base.pathname.replace(/\/$/, '')}/${escapeKey(key)}`;

/** SigV4 for S3 as the SDK's S3 client configures it: the path signed as sent (keys escaped once). */
export const s3Signer = (cfg: Pick<SignerConfig, 'region' | 'credentials'>) =>
  new SignatureV4({
    credentials: cfg.credentials,
    region: cfg.region,
    service: 's3',
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });

/** A short-lived GET link to one object (what `getSignedUrl(GetObjectCommand)` gives). */
export async function presignedGet(
  cfg: SignerConfig,
  input: { bucket: string; key: string; expiresSeconds: number },
  now = new Date(),
): Promise<string> {
  const base = bucketUrl(cfg, input.bucket);
  const path = objectPath(base, input.key);
  const signer = s3Signer(cfg);
  const host = base.host;
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: base.protocol,
      hostname: base.hostname,
      ...(base.port ? { port: Number(base.port) } : {}),
      path,
      query: { 'x-id': 'GetObject' },
      // as the SDK's presigner: unsigned payload, and response checksums validated (GetObject's default)
      headers: { host, 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD', 'x-amz-checksum-mode': 'ENABLED' },
    },
    { expiresIn: input.expiresSeconds, signingDate: now, unsignableHeaders: new Set(['content-type']) },
  );
  const query = Object.entries(signed.query ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v ?? '']]))
    .map(([k, v]) => `${escapeRfc3986(k as string)}=${escapeRfc3986(v as string)}`)
    .join('&');
  return `${base.protocol}//${host}${path}?${query}`;
}
