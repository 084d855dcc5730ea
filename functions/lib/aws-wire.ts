/**
 * What the functions' hand-signed AWS calls share (./s3.ts, ./sqs.ts, ./cdn.ts: the SDK's SigV4 signer
 * and the DynamoDB client's HTTP handler instead of one SDK client per service): reading an answer's
 * body, which socket errors are transient, and one retry loop with the SDK's full-jitter backoff.
 */
import type { Credentials } from './presign';
import type { Transport } from './s3';

/** A body over the allowed size: nothing beyond it was read. */
export class ObjectTooLarge extends Error {
  constructor(readonly size: number) {
    super(`object larger than allowed (${size} bytes)`);
    this.name = 'ObjectTooLarge';
  }
}

export const destroyBody = (body: unknown) => (body as { destroy?: () => void } | undefined)?.destroy?.();

/**
 * Reads a response body whole: a Node stream (what NodeHttpHandler answers), an async iterable, bytes
 * or nothing. Over `limit` bytes it stops, destroys the stream and throws `ObjectTooLarge`.
 */
export async function readBody(body: unknown, limit = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) {
    if (body.byteLength > limit) throw new ObjectTooLarge(body.byteLength);
    return body;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.byteLength;
    if (size > limit) {
      destroyBody(body);
      throw new ObjectTooLarge(size);
    }
    chunks.push(bytes);
  }
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

/** A response body as UTF-8 text. */
export const bodyText = async (body: unknown): Promise<string> =>
  new TextDecoder().decode(await readBody(body));

/** socket errors the SDK's standard retry strategy treats as transient */
const TRANSIENT_SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** A dropped connection or a timeout (no answer at all): worth another attempt. */
export function isTransientSocketError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  const name = (error as { name?: string } | undefined)?.name;
  return (code !== undefined && TRANSIENT_SOCKET_CODES.has(code)) || name === 'TimeoutError';
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface RetryOptions {
  maxAttempts: number;
  sleep: (ms: number) => Promise<void>;
  retryable(error: unknown): boolean;
  /** the backoff's base for this error (ms); default 100 */
  baseMs?(error: unknown): number;
}

/** `attempt` until it answers, up to `maxAttempts` while its error is retryable (full-jitter backoff). */
export async function withRetries<T>(attempt: () => Promise<T>, opts: RetryOptions): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= opts.maxAttempts || !opts.retryable(error)) throw error;
      await opts.sleep(Math.floor(Math.random() * 2 ** n * (opts.baseMs?.(error) ?? 100)));
    }
  }
}

/** What a hand-signed client of one service is made of (./sqs.ts, ./cdn.ts). */
export interface SignedCallConfig {
  credentials: () => Promise<Credentials>;
  transport: Transport;
  /** where requests go instead of the service's own endpoint */
  endpoint?: string;
  /** attempts per call (the SDK's default: 3) */
  maxAttempts?: number;
  /** waits between attempts (tests make it instant) */
  sleep?: (ms: number) => Promise<void>;
}

/** An error answer of a service: its code as `name`, its status where the SDK keeps it. */
export class AwsCallError extends Error {
  readonly $metadata: { httpStatusCode: number };
  constructor(code: string, status: number, message: string) {
    super(message);
    this.name = code;
    this.$metadata = { httpStatusCode: status };
  }
}

/** Retry a 5xx, an error code matching `transientCodes`, or a dropped connection. */
export const retryableAnswer =
  (transientCodes: RegExp) =>
  (error: unknown): boolean =>
    error instanceof AwsCallError
      ? error.$metadata.httpStatusCode >= 500 || transientCodes.test(error.name)
      : isTransientSocketError(error);
