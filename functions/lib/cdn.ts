/**
 * CloudFront for the functions: CreateInvalidation, and nothing else, as CloudFront's REST-XML
 * protocol (what `@aws-sdk/client-cloudfront` sends: `POST /2020-05-31/distribution/<id>/invalidation`
 * to the global endpoint with an `InvalidationBatch` XML body), signed with the SDK's own SigV4 signer
 * (service `cloudfront`, region us-east-1) and sent through the DynamoDB client's HTTP handler — as
 * for SQS (./sqs.ts) and S3 (./s3.ts), so no CloudFront client enters the bundles.
 *
 * Used after a product's photos are withheld (products/photo-withhold.ts): edges would otherwise keep
 * serving the `immutable` variants for up to a year. `DISTRIBUTION_ID` is set on AWS only (route
 * `cdn: 'write'`); unset (locally) nothing is sent. Retries: up to 3 attempts on 5xx, throttling and
 * socket errors.
 */
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { dynamo } from './aws';
import {
  AwsCallError,
  bodyText,
  defaultSleep,
  retryableAnswer,
  type SignedCallConfig,
  withRetries,
} from './aws-wire';
import { config } from './config';
import { Sha256 } from './presign';
import type { Transport } from './s3';

export const CLOUDFRONT_ENDPOINT = 'https://cloudfront.amazonaws.com';
const API_VERSION = '2020-05-31';

export type CdnConfig = SignedCallConfig;

export class CdnError extends AwsCallError {
  constructor(code: string, status: number) {
    super(code, status, `CloudFront CreateInvalidation: ${status} ${code}`);
  }
}

const RETRYABLE = /Throttl|TooManyInvalidationsInProgress|ServiceUnavailable|InternalError/;

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The request body, as the SDK serializes it (XML declaration, namespace, Paths before CallerReference). */
export function invalidationBatch(paths: readonly string[], callerReference: string): string {
  const items = paths.map((p) => `<Path>${escapeXml(p)}</Path>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<InvalidationBatch xmlns="http://cloudfront.amazonaws.com/doc/${API_VERSION}/">` +
    `<Paths><Quantity>${paths.length}</Quantity><Items>${items}</Items></Paths>` +
    `<CallerReference>${escapeXml(callerReference)}</CallerReference></InvalidationBatch>`
  );
}

export function contentDelivery(cfg: CdnConfig) {
  const signer = new SignatureV4({
    credentials: cfg.credentials,
    region: 'us-east-1',
    service: 'cloudfront',
    sha256: Sha256,
  });
  const maxAttempts = cfg.maxAttempts ?? 3;
  const sleep = cfg.sleep ?? defaultSleep;
  const base = new URL(cfg.endpoint ?? CLOUDFRONT_ENDPOINT);

  return {
    /** Invalidates `paths` of the distribution; answers the invalidation's id. */
    async createInvalidation(
      distributionId: string,
      paths: readonly string[],
      callerReference: string,
    ): Promise<string> {
      const body = invalidationBatch(paths, callerReference);
      return withRetries(
        async () => {
          const request: HttpRequest = {
            method: 'POST',
            protocol: base.protocol,
            hostname: base.hostname,
            ...(base.port ? { port: Number(base.port) } : {}),
            path: `/${API_VERSION}/distribution/${encodeURIComponent(distributionId)}/invalidation`,
            query: {},
            headers: {
              host: base.host,
              'content-type': 'application/xml',
              'content-length': String(Buffer.byteLength(body)),
            },
            body,
          };
          const signed = await signer.sign(request);
          const { response } = await cfg.transport.handle(signed as HttpRequest);
          const answer = await bodyText(response.body);
          if (response.statusCode >= 200 && response.statusCode < 300)
            return /<Id>([^<]*)<\/Id>/.exec(answer)?.[1] ?? '';
          const code = /<Code>([^<]*)<\/Code>/.exec(answer)?.[1] ?? `Http${response.statusCode}`;
          throw new CdnError(code, response.statusCode);
        },
        {
          maxAttempts,
          sleep,
          retryable: retryableAnswer(RETRYABLE),
        },
      );
    },
  };
}

export type ContentDelivery = ReturnType<typeof contentDelivery>;

/** The functions' CloudFront client (made per use): the function's role on AWS. */
export function functionsCdn(): ContentDelivery {
  return contentDelivery({
    transport: dynamo().config.requestHandler as unknown as Transport,
    credentials: () => dynamo().config.credentials(),
  });
}

/**
 * Invalidates `paths` of the regency's distribution when there is one (AWS: DISTRIBUTION_ID); unset
 * (locally) does nothing. Answers whether an invalidation was created; a failure (after the retries)
 * throws, for the caller to log.
 */
export async function invalidatePaths(paths: readonly string[], callerReference: string): Promise<boolean> {
  const distributionId = config().DISTRIBUTION_ID;
  if (!distributionId) return false;
  await functionsCdn().createInvalidation(distributionId, paths, callerReference);
  return true;
}
