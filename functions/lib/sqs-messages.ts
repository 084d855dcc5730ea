/**
 * SQS for the functions: SendMessage on `@aws-sdk/client-sqs` (photo confirm puts the S3 event's
 * message on the photo processor's queue). On AWS the client's own regional endpoint, which is the
 * queue URL's origin; locally `SQS_ENDPOINT` (the S3 server serves SQS too), where no queue URL is set
 * and nothing is sent unless a test sets one. Retries: the SDK's standard mode.
 */
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { clientSettings, fromConfig } from './config';

/** The functions' SQS client, once per container; pure, as in s3-objects.ts (only where it is used). */
export const sqs = /* @__PURE__ */ fromConfig((c) => new SQSClient(clientSettings(c.SQS_ENDPOINT)));

/** Enqueues one message; answers its id. */
export async function sendMessage(queueUrl: string, messageBody: string): Promise<string> {
  const sent = await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: messageBody }));
  return sent.MessageId ?? '';
}
