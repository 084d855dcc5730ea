/**
 * CloudFront for the functions: CreateInvalidation on `@aws-sdk/client-cloudfront`, after a product's
 * photos are withheld (products/photo-withhold.ts) — edges would otherwise keep serving the
 * `immutable` variants for up to a year. `DISTRIBUTION_ID` is set on AWS only (route `cdn: 'write'`);
 * unset (locally, where no CloudFront stands in) nothing is sent. Retries: the SDK's standard mode.
 */
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { config, fromConfig } from './config';

/** The functions' CloudFront client (its global endpoint), once per container; pure, as in s3-objects.ts. */
export const cloudfront = /* @__PURE__ */ fromConfig((c) => new CloudFrontClient({ region: c.AWS_REGION }));

/**
 * Invalidates `paths` of the regency's distribution when there is one (AWS: DISTRIBUTION_ID); unset
 * does nothing. Answers whether an invalidation was created; a failure (after the retries) throws, for
 * the caller to log.
 */
export async function invalidatePaths(paths: readonly string[], callerReference: string): Promise<boolean> {
  const distributionId = config().DISTRIBUTION_ID;
  if (!distributionId) return false;
  await cloudfront().send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: {
        Paths: { Quantity: paths.length, Items: [...paths] },
        CallerReference: callerReference,
      },
    }),
  );
  return true;
}
