import { Readable } from 'node:stream';
// a dependency of ours (infra only): the reference the hand-made request is compared with
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import type { HttpRequest } from '@smithy/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CdnError, contentDelivery } from '../../../functions/lib/cdn';
import type { Credentials } from '../../../functions/lib/presign';
import type { Transport } from '../../../functions/lib/s3';
import { dropSdkOnlyHeaders, requestShape } from '../../support/sdk-wire';

/**
 * Parity with the AWS SDK, without AWS: the CreateInvalidation request functions/lib/cdn.ts sends
 * (after a product's photos are withheld) against the one `@aws-sdk/client-cloudfront` sends for the
 * same input, on a fixed clock and fixed credentials: method, URL, body and the signed headers
 * (Authorization, so the whole canonical request and signature). The SDK's bookkeeping headers
 * (invocation id, attempt counter, user agents) are removed before it signs.
 */
const NOW = new Date('2026-11-25T08:09:10.123Z');
const DISTRIBUTION = 'E2EXAMPLE1ABCD';
const PATH = '/photos/products/01JDPRODUCT0000000000000000/*';
const REF = 'withhold-01JDPRODUCT0000000000000000-1764058150123';
const credentials: Credentials = {
  accessKeyId: 'ASIAEXAMPLEKEY123456',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//token+with/slashes==',
};
const SDK_ONLY = /^(amz-sdk-invocation-id|amz-sdk-request|x-amz-user-agent|user-agent)$/;

const answer = (status: number, xml: string) => ({
  statusCode: status,
  headers: { 'content-type': 'text/xml' },
  body: Readable.from([Buffer.from(xml)]),
});
const created = () =>
  answer(
    201,
    `<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>I1EXAMPLE</Id><Status>InProgress</Status><CreateTime>2026-11-25T08:09:10.123Z</CreateTime><InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>${PATH}</Path></Items></Paths><CallerReference>${REF}</CallerReference></InvalidationBatch></Invalidation>`,
  );
const failed = (status: number, code: string) =>
  answer(
    status,
    `<?xml version="1.0"?><ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>Sender</Type><Code>${code}</Code><Message>m</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
  );

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('CreateInvalidation, as the SDK sends it (mocked AWS)', () => {
  it('the same method, URL, body and signed headers', async () => {
    const sdk: HttpRequest[] = [];
    const client = new CloudFrontClient({
      region: 'ap-southeast-3',
      credentials,
      maxAttempts: 1,
      requestHandler: {
        async handle(request: HttpRequest) {
          sdk.push(request);
          return { response: created() };
        },
      } as never,
    });
    dropSdkOnlyHeaders(client, SDK_ONLY);
    await client.send(
      new CreateInvalidationCommand({
        DistributionId: DISTRIBUTION,
        InvalidationBatch: { Paths: { Quantity: 1, Items: [PATH] }, CallerReference: REF },
      }),
    );

    const ours: HttpRequest[] = [];
    const transport: Transport = {
      async handle(request) {
        ours.push(request);
        return { response: created() };
      },
    };
    const id = await contentDelivery({ credentials: async () => credentials, transport }).createInvalidation(
      DISTRIBUTION,
      [PATH],
      REF,
    );
    expect(id).toBe('I1EXAMPLE');
    const [a, b] = [requestShape(sdk[0] as HttpRequest), requestShape(ours[0] as HttpRequest)];
    expect(b.method).toBe('POST');
    expect(b.url).toBe(
      `https://cloudfront.amazonaws.com/2020-05-31/distribution/${DISTRIBUTION}/invalidation`,
    );
    expect(b.body).toContain(
      `<InvalidationBatch xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Paths><Quantity>1</Quantity><Items><Path>${PATH}</Path></Items></Paths><CallerReference>${REF}</CallerReference></InvalidationBatch>`,
    );
    expect(b.body).toBe(a.body);
    expect({ ...b, headers: undefined }).toEqual({ ...a, headers: undefined });
    expect(Object.keys(b.headers).sort()).toEqual(Object.keys(a.headers).sort());
    expect(b.headers.authorization).toContain('/us-east-1/cloudfront/aws4_request');
    for (const h of ['authorization', 'x-amz-date', 'x-amz-security-token', 'content-type', 'host'])
      expect(b.headers[h], h).toBe(a.headers[h]);
  });

  it('throttling and 5xx are retried; a missing distribution is not', async () => {
    const answers = [
      () => failed(400, 'Throttling'),
      () => failed(503, 'ServiceUnavailable'),
      () => failed(404, 'NoSuchDistribution'),
    ];
    let calls = 0;
    const transport: Transport = {
      async handle() {
        const next = answers[Math.min(calls++, answers.length - 1)] as (typeof answers)[number];
        return { response: next() };
      },
    };
    const cdn = contentDelivery({
      credentials: async () => credentials,
      transport,
      maxAttempts: 5,
      sleep: async () => {},
    });
    const error = await cdn.createInvalidation(DISTRIBUTION, [PATH], REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CdnError);
    expect((error as CdnError).name).toBe('NoSuchDistribution');
    expect(calls).toBe(3);
  });
});
