import { S3Client } from '@aws-sdk/client-s3';
import { localCredentials } from './aws';
import { config } from './config';

/** Its own module so routes that never touch a bucket do not bundle the S3 client. */
export const s3 = new S3Client({
  region: config.AWS_REGION,
  ...(config.S3_ENDPOINT
    ? { endpoint: config.S3_ENDPOINT, forcePathStyle: true, credentials: localCredentials }
    : {}),
});

/**
 * The client that signs the URLs browsers use (presigned POST forms, download links). On AWS it is
 * `s3` itself; locally its endpoint is the runtime's CORS-adding front of the S3 server, because the
 * local server answers no CORS preflight (real S3 does, per the bucket's CORS rules).
 */
export const browserS3 = config.S3_PUBLIC_ENDPOINT
  ? new S3Client({
      region: config.AWS_REGION,
      endpoint: config.S3_PUBLIC_ENDPOINT,
      forcePathStyle: true,
      credentials: localCredentials,
    })
  : s3;
