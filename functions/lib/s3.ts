/**
 * S3 for the functions: the five object operations they use (head, get, put, copy, delete), signed
 * with the SDK's own SigV4 signer and sent through the DynamoDB client's own HTTP handler — both
 * already in every bundle, so reading an object costs a function no extra module. Why not
 * `@aws-sdk/client-s3`: its client, endpoint rules, commands and checksum code (~115 KB) cost the
 * routes that read uploads ~10 ms of cold start (issue 5). The requests are the SDK's for the same
 * operations (method, URL, signed headers, signature): `test/unit/lib/s3.test.ts` compares them on a
 * fixed clock, virtual-hosted (AWS) and path-style (the local S3 server); the integration tests run
 * them against the local S3 server.
 *
 * `x-amz-content-sha256` as S3Client sends it: the empty payload's hash on requests without a body
 * (HEAD, GET, DELETE, COPY), the body's hash on PUT (see putObject).
 *
 * Addressing as S3Client's defaults: virtual-hosted `https://<bucket>.s3.<region>.amazonaws.com/<key>`
 * on AWS, path-style `<S3_ENDPOINT>/<bucket>/<key>` locally. Retries as S3Client's standard mode:
 * up to 3 attempts on 5xx (503 SlowDown included), 429, RequestTimeout and socket errors, with
 * jittered exponential backoff.
 *
 * Errors: a non-2xx answer (other than the 404s that read as "no object") throws an `S3Error` whose
 * `name` is S3's `<Code>` (`AccessDenied`, `NoSuchBucket` …; for HEAD, which has no body, a name for
 * the status: `Forbidden`, `BadRequest` …) and whose message names the operation and status, never
 * the object's key (keys of citizens' documents are personal data).
 */
import { createHash } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import type { HttpRequest } from '@smithy/types';
import { dynamo, localCredentials } from './aws';
import {
  defaultSleep,
  destroyBody,
  isTransientSocketError,
  ObjectTooLarge,
  readBody,
  withRetries,
} from './aws-wire';
import { type Config, config } from './config';
import { bucketUrl, escapeKey, objectPath, type SignerConfig, s3Signer } from './presign';

/** The slice of a Smithy HTTP handler (`NodeHttpHandler`) used here: one request, one response. */
export interface Transport {
  handle(request: HttpRequest): Promise<{
    response: { statusCode: number; headers: Record<string, string | undefined>; body?: unknown };
  }>;
}

export interface ObjectStoreConfig extends SignerConfig {
  transport: Transport;
  /** attempts per operation (S3Client's default: 3) */
  maxAttempts?: number;
  /** waits between attempts (tests make it instant) */
  sleep?: (ms: number) => Promise<void>;
}

export class S3Error extends Error {
  /** the SDK's shape, so code that checks `$metadata.httpStatusCode` keeps working */
  readonly $metadata: { httpStatusCode: number; requestId?: string };
  constructor(code: string, status: number, operation: string, requestId?: string) {
    super(`S3 ${operation}: ${status} ${code}${requestId ? ` (request ${requestId})` : ''}`);
    this.name = code;
    this.$metadata = { httpStatusCode: status, ...(requestId ? { requestId } : {}) };
  }
}

export { ObjectTooLarge };

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const TRANSIENT_CODES = new Set(['RequestTimeout', 'RequestTimeoutException', 'SlowDown', 'InternalError']);
/** names for statuses whose answer has no body (HEAD), as the SDK names them */
const STATUS_NAMES: Record<number, string> = {
  301: 'PermanentRedirect',
  304: 'NotModified',
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  412: 'PreconditionFailed',
  416: 'InvalidRange',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
};
const MAX_ERROR_BODY = 64 * 1024;

type Operation = 'HeadObject' | 'GetObject' | 'PutObject' | 'CopyObject' | 'DeleteObject';

interface Answer {
  status: number;
  headers: Record<string, string | undefined>;
  body: Uint8Array;
}

const errorCode = (body: Uint8Array) => {
  const text = new TextDecoder().decode(body.subarray(0, MAX_ERROR_BODY));
  return /<Error>/.test(text) ? /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] : undefined;
};
const requestIdOf = (headers: Record<string, string | undefined>) => headers['x-amz-request-id'];

function isRetryable(error: unknown): boolean {
  if (error instanceof S3Error) {
    const status = error.$metadata.httpStatusCode;
    return status >= 500 || status === 429 || TRANSIENT_CODES.has(error.name);
  }
  return isTransientSocketError(error);
}

/** The five operations against one S3 (AWS, or the path-style endpoint of `cfg.endpoint`). */
export function objectStore(cfg: ObjectStoreConfig) {
  const signer = s3Signer(cfg);
  const maxAttempts = cfg.maxAttempts ?? 3;
  const sleep = cfg.sleep ?? defaultSleep;

  /**
   * One operation, retried: signs and sends, reads the body (at most `limit` bytes), and turns an
   * error answer into an S3Error (its `<Code>`). `accept404` answers a 404 as `undefined`.
   */
  async function send(
    operation: Operation,
    method: string,
    bucket: string,
    key: string,
    opts: {
      headers?: Record<string, string>;
      body?: Uint8Array;
      limit?: number;
      accept404?: (code: string | undefined) => boolean;
    } = {},
  ): Promise<Answer | undefined> {
    const base = bucketUrl(cfg, bucket);
    const path = objectPath(base, key);
    return withRetries(
      async () => {
        let body: unknown;
        try {
          const request: HttpRequest = {
            method,
            protocol: base.protocol,
            hostname: base.hostname,
            ...(base.port ? { port: Number(base.port) } : {}),
            path,
            // what the SDK adds to every operation but HeadObject (S3 ignores it; it is in the signature)
            query: operation === 'HeadObject' ? {} : { 'x-id': operation },
            headers: { host: base.host, ...opts.headers },
            ...(opts.body ? { body: opts.body } : {}),
          };
          const signed = await signer.sign(request);
          const { response } = await cfg.transport.handle(signed as HttpRequest);
          body = response.body;
          const { statusCode: status, headers } = response;
          if (status === 404 && opts.accept404) {
            const code = errorCode(await readBody(body, MAX_ERROR_BODY).catch(() => new Uint8Array(0)));
            if (opts.accept404(code)) return undefined;
            throw new S3Error(code ?? 'NotFound', status, operation, requestIdOf(headers));
          }
          if (status < 200 || status >= 300) {
            const text = await readBody(body, MAX_ERROR_BODY).catch(() => new Uint8Array(0));
            throw new S3Error(
              errorCode(text) ?? STATUS_NAMES[status] ?? `Http${status}`,
              status,
              operation,
              requestIdOf(headers),
            );
          }
          const length = Number(headers['content-length']);
          if (opts.limit !== undefined && length > opts.limit) {
            destroyBody(body);
            throw new ObjectTooLarge(length);
          }
          const bytes = await readBody(body, opts.limit);
          // CopyObject can fail after its 200 has been sent: the error is then in the body (the SDK
          // reads it as a 500, and retries)
          if (operation === 'CopyObject') {
            const code = errorCode(bytes);
            if (code) throw new S3Error(code, 500, operation, requestIdOf(headers));
          }
          return { status, headers, body: bytes };
        } catch (error) {
          destroyBody(body);
          throw error;
        }
      },
      {
        maxAttempts,
        sleep,
        retryable: isRetryable,
        baseMs: (error) =>
          error instanceof S3Error && (error.name === 'SlowDown' || error.name === 'TooManyRequests')
            ? 500
            : 100,
      },
    );
  }

  return {
    /** size and type of an object, or undefined when there is none (404) */
    async headObject(
      bucket: string,
      key: string,
    ): Promise<{ size: number; contentType?: string } | undefined> {
      const answer = await send('HeadObject', 'HEAD', bucket, key, {
        headers: { 'x-amz-content-sha256': EMPTY_SHA256 },
        accept404: () => true,
      });
      if (!answer) return undefined;
      const contentType = answer.headers['content-type'];
      return { size: Number(answer.headers['content-length'] ?? 0), ...(contentType ? { contentType } : {}) };
    },

    /**
     * An object's bytes (or those of `range`, e.g. `bytes=0-4099`), or undefined when there is none
     * (404 NoSuchKey). With `maxBytes`, a larger object is not read: `ObjectTooLarge` is thrown as
     * soon as its Content-Length says so (or the body runs past it).
     */
    async getObject(
      bucket: string,
      key: string,
      opts: { range?: string; maxBytes?: number } = {},
    ): Promise<Uint8Array | undefined> {
      const answer = await send('GetObject', 'GET', bucket, key, {
        headers: { 'x-amz-content-sha256': EMPTY_SHA256, ...(opts.range ? { range: opts.range } : {}) },
        ...(opts.maxBytes !== undefined ? { limit: opts.maxBytes } : {}),
        accept404: (code) => code === undefined || code === 'NoSuchKey',
      });
      return answer?.body;
    },

    /**
     * Writes an object. The payload's SHA-256 is signed in `x-amz-content-sha256` (as S3Client does
     * for a body of bytes), not UNSIGNED-PAYLOAD: S3 then refuses a body damaged on the way. S3Client
     * also sends a CRC32 checksum header by default; S3 does not require it, and the signed SHA-256
     * already covers the body (node:crypto, no checksum code in the bundle; the bodies are small).
     */
    async putObject(
      bucket: string,
      key: string,
      body: Uint8Array,
      opts: { contentType: string; cacheControl?: string },
    ): Promise<void> {
      await send('PutObject', 'PUT', bucket, key, {
        headers: {
          'content-type': opts.contentType,
          'content-length': String(body.byteLength),
          ...(opts.cacheControl ? { 'cache-control': opts.cacheControl } : {}),
          'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
        },
        body,
      });
    },

    /**
     * Copies an object within one bucket. With `contentType`, the copy gets that type (metadata
     * replaced); otherwise it keeps the source's.
     */
    async copyObject(
      bucket: string,
      fromKey: string,
      toKey: string,
      opts: { contentType?: string } = {},
    ): Promise<void> {
      await send('CopyObject', 'PUT', bucket, toKey, {
        headers: {
          'x-amz-content-sha256': EMPTY_SHA256,
          // S3 wants the source URL-encoded ('/' kept as the separator)
          'x-amz-copy-source': `${bucket}/${escapeKey(fromKey)}`,
          ...(opts.contentType
            ? { 'content-type': opts.contentType, 'x-amz-metadata-directive': 'REPLACE' }
            : {}),
        },
      });
    },

    /** Deletes an object (S3 answers 204 whether or not there was one). */
    async deleteObject(bucket: string, key: string): Promise<void> {
      await send('DeleteObject', 'DELETE', bucket, key, {
        headers: { 'x-amz-content-sha256': EMPTY_SHA256 },
      });
    },
  };
}

export type ObjectStore = ReturnType<typeof objectStore>;

/**
 * The functions' store, made on first use (nothing at import): on AWS the function's role (the
 * credentials the DynamoDB client resolved), locally the S3 server of `S3_ENDPOINT`. Requests go
 * through the DynamoDB client's own HTTP handler (NodeHttpHandler: keep-alive agents per host).
 */
let store: ObjectStore | undefined;
function functionsStore(): ObjectStore {
  store ??= objectStore({
    region: config().AWS_REGION,
    transport: dynamo().config.requestHandler as unknown as Transport,
    ...(config().S3_ENDPOINT
      ? { endpoint: config().S3_ENDPOINT, credentials: async () => localCredentials }
      : { credentials: () => dynamo().config.credentials() }),
  });
  return store;
}

export const headObject: ObjectStore['headObject'] = (...args) => functionsStore().headObject(...args);
export const getObject: ObjectStore['getObject'] = (...args) => functionsStore().getObject(...args);
export const putObject: ObjectStore['putObject'] = (...args) => functionsStore().putObject(...args);
export const copyObject: ObjectStore['copyObject'] = (...args) => functionsStore().copyObject(...args);
export const deleteObject: ObjectStore['deleteObject'] = (...args) => functionsStore().deleteObject(...args);

/**
 * The SDK's S3 client, for local tooling only (the local runtime's seeds write objects with it), made
 * on first use. No function uses it, so esbuild drops it and `@aws-sdk/client-s3` from every Lambda
 * bundle.
 */
let tooling: { from: Config; client: S3Client } | undefined;
export function s3(): S3Client {
  const c = config();
  if (tooling?.from !== c)
    tooling = {
      from: c,
      client: new S3Client({
        region: c.AWS_REGION,
        ...(c.S3_ENDPOINT
          ? { endpoint: c.S3_ENDPOINT, forcePathStyle: true, credentials: localCredentials }
          : {}),
      }),
    };
  return tooling.client;
}

/**
 * The signer of the URLs browsers use (presigned POST forms, download links; see presign.ts — no S3
 * client needed). On AWS it signs for the bucket's own endpoint with the function's role; locally for
 * the runtime's CORS-adding front of the S3 server (the local server answers no CORS preflight; real
 * S3 does, per the bucket's CORS rules). Read from the configuration when a URL is signed.
 */
export function browserSigner(): SignerConfig {
  const c = config();
  return {
    region: c.AWS_REGION,
    ...(c.S3_PUBLIC_ENDPOINT || c.S3_ENDPOINT
      ? {
          endpoint: c.S3_PUBLIC_ENDPOINT ?? c.S3_ENDPOINT,
          credentials: async () => localCredentials,
        }
      : { credentials: () => dynamo().config.credentials() }),
  };
}
