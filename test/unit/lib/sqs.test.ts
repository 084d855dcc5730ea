import { Readable } from 'node:stream';
// not a dependency of ours: installed with fauxqs (the local S3/SQS server), used here only as the
// reference the hand-made request is compared with
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { HttpRequest } from '@smithy/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Credentials } from '../../../functions/lib/presign';
import type { Transport } from '../../../functions/lib/s3';
import { messageQueue, SqsError } from '../../../functions/lib/sqs';
import { dropSdkOnlyHeaders, requestShape } from '../../support/sdk-wire';

/**
 * Parity with the AWS SDK, without AWS: the SendMessage request functions/lib/sqs.ts sends (photo
 * confirm → the processor's queue) against the one `@aws-sdk/client-sqs` sends for the same input, on
 * a fixed clock and fixed credentials: method, URL, body and the signed headers (Authorization, so the
 * whole canonical request and signature). What the SDK adds and ours leaves out, removed before it
 * signs: its bookkeeping (invocation id, attempt counter, user agents) and `x-amzn-query-mode` (the
 * SDK's flag for SQS's query-compatible error codes; errors are read from `__type` here either way).
 */
const NOW = new Date('2026-11-25T08:09:10.123Z');
const REGION = 'ap-southeast-3';
const QUEUE = 'https://sqs.ap-southeast-3.amazonaws.com/123456789012/smart-kampung-api-PhotoQueue1A2B3C4D';
const credentials: Credentials = {
  accessKeyId: 'ASIAEXAMPLEKEY123456',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//token+with/slashes==',
};
const SDK_ONLY = /^(amz-sdk-invocation-id|amz-sdk-request|x-amz-user-agent|user-agent|x-amzn-query-mode)$/;
const BODY = JSON.stringify({
  'detail-type': 'Object Created',
  detail: { object: { key: 'incoming/products/p/q' } },
});
const MD5 = '5d41402abc4b2a76b9719d911017c592';

const ok = () => ({
  statusCode: 200,
  headers: { 'content-type': 'application/x-amz-json-1.0' },
  body: Readable.from([Buffer.from(JSON.stringify({ MessageId: 'm-1', MD5OfMessageBody: MD5 }))]),
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('SendMessage, as the SDK sends it', () => {
  it('the same method, URL, body and signed headers', async () => {
    const sdk: HttpRequest[] = [];
    const client = new SQSClient({
      region: REGION,
      credentials,
      maxAttempts: 1,
      md5: false,
      requestHandler: {
        async handle(request: HttpRequest) {
          sdk.push(request);
          return { response: ok() };
        },
      } as never,
    });
    dropSdkOnlyHeaders(client, SDK_ONLY);
    await client.send(new SendMessageCommand({ QueueUrl: QUEUE, MessageBody: BODY }));

    const ours: HttpRequest[] = [];
    const transport: Transport = {
      async handle(request) {
        ours.push(request);
        return { response: ok() };
      },
    };
    const id = await messageQueue({
      region: REGION,
      credentials: async () => credentials,
      transport,
    }).sendMessage(QUEUE, BODY);
    expect(id).toBe('m-1');
    const [a, b] = [requestShape(sdk[0] as HttpRequest), requestShape(ours[0] as HttpRequest)];
    expect(b.url).toBe('https://sqs.ap-southeast-3.amazonaws.com/');
    expect(b.body).toBe(a.body);
    expect({ ...b, headers: undefined }).toEqual({ ...a, headers: undefined });
    expect(Object.keys(b.headers).sort()).toEqual(Object.keys(a.headers).sort());
    for (const h of [
      'authorization',
      'x-amz-date',
      'x-amz-security-token',
      'x-amz-target',
      'content-type',
      'host',
    ])
      expect(b.headers[h], h).toBe(a.headers[h]);
  });

  it('an SQS error is named by its __type; throttling is retried, a missing queue is not', async () => {
    const answers = [
      { statusCode: 400, body: { __type: 'com.amazonaws.sqs#ThrottlingException', message: 'slow down' } },
      { statusCode: 400, body: { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'no queue' } },
    ];
    let calls = 0;
    const transport: Transport = {
      async handle() {
        const next = answers[Math.min(calls++, answers.length - 1)] as (typeof answers)[number];
        return {
          response: {
            statusCode: next.statusCode,
            headers: {},
            body: Readable.from([Buffer.from(JSON.stringify(next.body))]),
          },
        };
      },
    };
    const queue = messageQueue({
      region: REGION,
      credentials: async () => credentials,
      transport,
      sleep: async () => {},
    });
    const error = await queue.sendMessage(QUEUE, BODY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqsError);
    expect((error as SqsError).name).toBe('QueueDoesNotExist');
    expect(calls).toBe(2);
  });
});
