/**
 * Presigned S3 requests for browsers, to the private uploads bucket (the one bucket browsers reach) —
 * upload forms (POST policy, `@aws-sdk/s3-presigned-post`) and
 * download links (GET, `@aws-sdk/s3-request-presigner`) — signed by an S3 client for the endpoint
 * browsers reach: on AWS the bucket's own (virtual-hosted) with the function's role; locally the
 * runtime's front of the S3 server (`S3_PUBLIC_ENDPOINT`, infra/local/s3-front.ts, which checks these
 * signatures and policies as S3 does and answers CORS; the local server does neither).
 */
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPostOptions } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { config, fromConfig, s3Settings } from './config';

/** The client browsers' URLs are signed with (it never sends a request itself); pure, as in s3-objects.ts. */
export const s3ForBrowsers = /* @__PURE__ */ fromConfig(
  (c) => new S3Client(s3Settings(c.S3_PUBLIC_ENDPOINT ?? c.S3_ENDPOINT)),
);

/** One condition of a POST policy: `{ field: value }`, `eq`/`starts-with`, or `content-length-range`. */
export type PostCondition = NonNullable<PresignedPostOptions['Conditions']>[number];

/** A browser upload form: POST `url` with `fields` and then the file (S3 enforces the policy). */
export function presignedPost(input: {
  key: string;
  conditions?: PostCondition[];
  fields?: Record<string, string>;
  expiresSeconds: number;
}): Promise<{ url: string; fields: Record<string, string> }> {
  return createPresignedPost(s3ForBrowsers(), {
    Bucket: config().UPLOADS_BUCKET,
    Key: input.key,
    ...(input.conditions ? { Conditions: input.conditions } : {}),
    ...(input.fields ? { Fields: input.fields } : {}),
    Expires: input.expiresSeconds,
  });
}

/** A short-lived GET link to one object. */
export function presignedGet(input: { key: string; expiresSeconds: number }): Promise<string> {
  return getSignedUrl(
    s3ForBrowsers(),
    new GetObjectCommand({ Bucket: config().UPLOADS_BUCKET, Key: input.key }),
    {
      expiresIn: input.expiresSeconds,
    },
  );
}
