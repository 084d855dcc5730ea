/**
 * SQS for the functions: SendMessage, and nothing else a function needs, as SQS's JSON protocol
 * (what `@aws-sdk/client-sqs` speaks since 2023: `POST /` to the regional endpoint with
 * `X-Amz-Target: AmazonSQS.<Action>` and an `application/x-amz-json-1.0` body), signed with the SDK's
 * own SigV4 signer (service `sqs`) and sent through the DynamoDB client's own HTTP handler — both
 * already in every bundle, as for S3 (./s3.ts). Why not `@aws-sdk/client-sqs`: the one route that
 * sends (photo confirm) would carry the whole client (endpoint rules, serde, middleware) for one call.
 *
 * Endpoint: the queue URL's origin (`https://sqs.<region>.amazonaws.com` on AWS), or `SQS_ENDPOINT`
 * locally (fauxqs serves SQS beside S3; its queue URLs name a `sqs.<region>.localhost` host that
 * need not resolve). Retries: up to 3 attempts on 5xx, throttling and socket errors.
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

export interface QueueConfig extends SignedCallConfig {
  region: string;
}

export class SqsError extends AwsCallError {
  constructor(code: string, status: number, action: string) {
    super(code, status, `SQS ${action}: ${status} ${code}`);
  }
}

const RETRYABLE = /Throttl|RequestThrottled|ServiceUnavailable|InternalError|KmsThrottled/;

export function messageQueue(cfg: QueueConfig) {
  const signer = new SignatureV4({
    credentials: cfg.credentials,
    region: cfg.region,
    service: 'sqs',
    sha256: Sha256,
  });
  const maxAttempts = cfg.maxAttempts ?? 3;
  const sleep = cfg.sleep ?? defaultSleep;

  /** One JSON-protocol action; answers SQS's JSON output. */
  async function call<T = Record<string, unknown>>(
    action: string,
    input: Record<string, unknown>,
  ): Promise<T> {
    const queueUrl = typeof input.QueueUrl === 'string' ? input.QueueUrl : undefined;
    const base = new URL(
      cfg.endpoint ?? (queueUrl ? new URL(queueUrl).origin : `https://sqs.${cfg.region}.amazonaws.com`),
    );
    const body = JSON.stringify(input);
    return withRetries(
      async () => {
        const request: HttpRequest = {
          method: 'POST',
          protocol: base.protocol,
          hostname: base.hostname,
          ...(base.port ? { port: Number(base.port) } : {}),
          path: '/',
          query: {},
          headers: {
            host: base.host,
            'content-type': 'application/x-amz-json-1.0',
            'x-amz-target': `AmazonSQS.${action}`,
            'content-length': String(Buffer.byteLength(body)),
          },
          body,
        };
        const signed = await signer.sign(request);
        const { response } = await cfg.transport.handle(signed as HttpRequest);
        const answer = await bodyText(response.body);
        if (response.statusCode >= 200 && response.statusCode < 300)
          return (answer ? JSON.parse(answer) : {}) as T;
        let code = `Http${response.statusCode}`;
        try {
          const type = (JSON.parse(answer) as { __type?: string }).__type;
          if (type) code = type.split('#').pop() as string;
        } catch {}
        throw new SqsError(code, response.statusCode, action);
      },
      {
        maxAttempts,
        sleep,
        retryable: retryableAnswer(RETRYABLE),
      },
    );
  }

  return {
    call,
    /** Enqueues one message; answers its id. */
    async sendMessage(queueUrl: string, messageBody: string): Promise<string> {
      const out = await call<{ MessageId?: string }>('SendMessage', {
        QueueUrl: queueUrl,
        MessageBody: messageBody,
      });
      return out.MessageId ?? '';
    },
  };
}

export type MessageQueue = ReturnType<typeof messageQueue>;

/** The functions' queue client (cheap to make, so made per use): the function's role on AWS. */
export function functionsQueue(): MessageQueue {
  return messageQueue({
    region: config().AWS_REGION,
    transport: dynamo().config.requestHandler as unknown as Transport,
    credentials: () => dynamo().config.credentials(),
    ...(config().SQS_ENDPOINT ? { endpoint: config().SQS_ENDPOINT } : {}),
  });
}

export const sendMessage: MessageQueue['sendMessage'] = (...args) => functionsQueue().sendMessage(...args);
