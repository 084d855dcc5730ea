import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { dynamo, localCredentials } from './aws';
import { config } from './config';
import type { SignerConfig } from './presign';

/**
 * The S3 client, for functions that read or write objects. Pure (dropped from bundles that only hand
 * out presigned URLs: `browserSigner` below needs no client).
 */
export const s3 = /* @__PURE__ */ (() =>
  new S3Client({
    region: config.AWS_REGION,
    ...(config.S3_ENDPOINT
      ? { endpoint: config.S3_ENDPOINT, forcePathStyle: true, credentials: localCredentials }
      : {}),
  }))();

/**
 * The signer of the URLs browsers use (presigned POST forms, download links; see presign.ts — no S3
 * client needed). On AWS it signs for the bucket's own endpoint with the function's role; locally for
 * the runtime's CORS-adding front of the S3 server (the local server answers no CORS preflight; real
 * S3 does, per the bucket's CORS rules).
 */
export const browserSigner: SignerConfig = {
  region: config.AWS_REGION,
  ...(config.S3_PUBLIC_ENDPOINT || config.S3_ENDPOINT
    ? {
        endpoint: config.S3_PUBLIC_ENDPOINT ?? config.S3_ENDPOINT,
        credentials: async () => localCredentials,
      }
    : { credentials: () => dynamo.config.credentials() }),
};

/**
 * An object's size and content type, or undefined when there is no such object (a HEAD: no bytes
 * read; `s3:GetObject` covers it).
 */
export async function headObject(
  bucket: string,
  key: string,
): Promise<{ size: number; contentType?: string } | undefined> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return {
      size: head.ContentLength ?? 0,
      ...(head.ContentType ? { contentType: head.ContentType } : {}),
    };
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404)
      return undefined;
    throw error;
  }
}
