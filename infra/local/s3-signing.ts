/**
 * What the local S3 front (./s3-front.ts) checks browsers' presigned requests with: the SDK's own
 * SigV4 signer (`@smithy/signature-v4`) and hash (`@smithy/core/checksum`, what S3Client signs with),
 * configured as S3Client configures it for S3. The functions sign with `@aws-sdk/s3-presigned-post`
 * and `@aws-sdk/s3-request-presigner` (functions/lib/s3-links.ts); this recomputes their signatures
 * independently, as S3 does, so a link or form that S3 would refuse is refused here too.
 */
import { Sha256 } from '@smithy/core/checksum';
import { getSigningKey, SignatureV4 } from '@smithy/signature-v4';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * SigV4 for S3: the path signed as sent (keys escaped once), no payload checksum. Its `presign()`, at
 * a link's own X-Amz-Date and X-Amz-Expires, recomputes that link's signature.
 */
export const s3Signer = (cfg: { region: string; credentials: () => Promise<Credentials> }) =>
  new SignatureV4({
    credentials: cfg.credentials,
    region: cfg.region,
    service: 's3',
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });

/** A POST policy's signature: HMAC-SHA-256 of the base64 policy with the day's SigV4 signing key for S3. */
export async function policySignature(
  credentials: Credentials,
  shortDate: string,
  region: string,
  policy: string,
): Promise<string> {
  const hmac = new Sha256(await getSigningKey(Sha256, credentials, shortDate, region, 's3'));
  hmac.update(Buffer.from(policy, 'utf8'));
  return Buffer.from(await hmac.digest()).toString('hex');
}
