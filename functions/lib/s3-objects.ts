/**
 * S3 objects for the functions: the five operations they use (head, get with a range or a size cap,
 * put, copy, delete) on `@aws-sdk/client-s3` — its addressing (virtual-hosted on AWS, path-style on
 * the local server of `S3_ENDPOINT`), signing, retries (standard mode, 3 attempts) and error names.
 *
 * A missing object is `undefined`, never an exception, so callers turn it into their own answer
 * (422 file_missing, photo_missing …). Any other failure throws the SDK's error: its `name` is S3's
 * code (`AccessDenied`, `NoSuchBucket`, `NoSuchKey` for a copy's missing source …) and its message is
 * S3's, which never names the key (keys of citizens' documents are personal data; logs carry names only).
 */
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { fromConfig, s3Settings } from './config';

/**
 * The functions' S3 client, made once per container on first use (lib/config.ts `fromConfig`). Pure (an
 * annotated call, which esbuild may drop): a bundle whose function never uses it carries no S3 client.
 */
export const s3 = /* @__PURE__ */ fromConfig((c) => new S3Client(s3Settings(c.S3_ENDPOINT)));

/** A body over the allowed size: nothing beyond it was read. */
export class ObjectTooLarge extends Error {
  constructor(readonly size: number) {
    super(`object larger than allowed (${size} bytes)`);
    this.name = 'ObjectTooLarge';
  }
}

const status = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;

/** S3's "no such object": HEAD answers a bare 404 (`NotFound`), GET a `NoSuchKey` (a missing bucket stays an error). */
const isMissing = (error: unknown) =>
  status(error) === 404 && ['NotFound', 'NoSuchKey'].includes((error as Error).name);

/** Size and type of an object, or undefined when there is none. */
export async function headObject(
  bucket: string,
  key: string,
): Promise<{ size: number; contentType?: string } | undefined> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { size: head.ContentLength ?? 0, ...(head.ContentType ? { contentType: head.ContentType } : {}) };
  } catch (error) {
    if (status(error) === 404) return undefined;
    throw error;
  }
}

/** Reads a body whole, or throws ObjectTooLarge (and drops the connection's stream) past `limit` bytes. */
async function readAtMost(body: Readable, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) {
      body.destroy();
      throw new ObjectTooLarge(size);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * An object's bytes (or those of `range`, e.g. `bytes=0-4099`), or undefined when there is none.
 * With `maxBytes`, a larger object is not read: `ObjectTooLarge` as soon as its Content-Length says
 * so (or the body runs past it).
 */
export async function getObject(
  bucket: string,
  key: string,
  opts: { range?: string; maxBytes?: number } = {},
): Promise<Uint8Array | undefined> {
  let answer: GetObjectCommandOutput;
  try {
    answer = await s3().send(
      new GetObjectCommand({ Bucket: bucket, Key: key, ...(opts.range ? { Range: opts.range } : {}) }),
    );
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  const body = answer.Body as Readable | undefined;
  if (!body) return new Uint8Array(0);
  const limit = opts.maxBytes ?? Number.POSITIVE_INFINITY;
  if ((answer.ContentLength ?? 0) > limit) {
    body.destroy();
    throw new ObjectTooLarge(answer.ContentLength ?? 0);
  }
  return readAtMost(body, limit);
}

/** Writes an object (the SDK signs its payload and adds its checksum). */
export async function putObject(
  bucket: string,
  key: string,
  body: Uint8Array,
  opts: { contentType: string; cacheControl?: string },
): Promise<void> {
  await s3().send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentType: opts.contentType,
      ...(opts.cacheControl ? { CacheControl: opts.cacheControl } : {}),
    }),
  );
}

/** S3 wants a copy's source URL-encoded, the slashes kept as separators. */
const copySource = (bucket: string, key: string) =>
  `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;

/**
 * Copies an object within one bucket. With `contentType`, the copy gets that type (metadata
 * replaced); otherwise it keeps the source's. A missing source throws `NoSuchKey`.
 */
export async function copyObject(
  bucket: string,
  fromKey: string,
  toKey: string,
  opts: { contentType?: string } = {},
): Promise<void> {
  await s3().send(
    new CopyObjectCommand({
      Bucket: bucket,
      Key: toKey,
      CopySource: copySource(bucket, fromKey),
      ...(opts.contentType ? { ContentType: opts.contentType, MetadataDirective: 'REPLACE' } : {}),
    }),
  );
}

/** Deletes an object (S3 answers alike whether or not there was one). */
export async function deleteObject(bucket: string, key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}
