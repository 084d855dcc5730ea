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
