/**
 * The letter outbox, delivered locally. On AWS a completion (route `letterQueue`) sends its letter's
 * intent to the issuer's queue and SQS invokes the issuer (infra/stacks/api-stack.ts), retrying a
 * failed record up to LETTER_MAX_RECEIVES times before the dead-letter queue. Locally no queue URL is
 * set: once the completing route's handler has answered, the runtime delivers the same SQS record to
 * the same function (its spec in infra/bundles.ts), redelivering a failed one with a growing
 * ApproximateReceiveCount as SQS does — before the HTTP answer leaves, so a client (and a test) that
 * saw "completed" finds the letter issued.
 */
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { LETTER_MAX_RECEIVES } from '../../functions/requests/domain/letters';
import { getRequest } from '../../functions/requests/store';
import type { Route } from '../../functions/routes';
import { functionSpec } from '../bundles';
import { localInvocation } from './invocation';
import { type LambdaHandler, loadModuleHandler, localLambdaContext } from './lambda';
import { sqsRecord } from './s3-events';

type SqsHandler = (event: SQSEvent, context: unknown) => Promise<SQSBatchResponse | undefined>;

/** The routes whose change writes a letter's intent (their `letterQueue` in the route table). */
const announces = (route: Route) => route.letterQueue === 'write';

export function withLetterDelivery(
  load: (route: Route) => Promise<LambdaHandler | undefined>,
  opts: { region: string; functionsDir?: URL },
): (route: Route) => Promise<LambdaHandler | undefined> {
  let issuer: Promise<SqsHandler> | undefined;
  const spec = functionSpec('letter-issuer');
  const target = () => {
    issuer ??= loadModuleHandler<SqsHandler>(spec.handler, opts.functionsDir).then((h) => {
      if (!h) throw new Error(`${spec.handler} does not exist`);
      return h;
    });
    return issuer;
  };
  return async (route) => {
    const handler = await load(route);
    if (!handler || !announces(route)) return handler;
    return async (event, context) => {
      const result = await handler(event, context);
      const id = event.pathParameters?.id;
      const status = typeof result === 'object' ? (result as { statusCode?: number }).statusCode : undefined;
      if (!id || (status !== 200 && status !== 202)) return result;
      const request = await getRequest(id).catch(() => undefined);
      if (request?.status !== 'completed' || !request.letterToken) return result;
      await deliver(await target(), { token: request.letterToken, requestId: id }, opts.region);
      return result;
    };
  };
}

async function deliver(fn: SqsHandler, body: { token: string; requestId: string }, region: string) {
  const record = sqsRecord(body, { region, queue: `${spec().id}-queue` });
  for (let receive = 1; receive <= LETTER_MAX_RECEIVES; receive++) {
    record.attributes.ApproximateReceiveCount = String(receive);
    const out = await localInvocation.run({ functionId: spec().id }, () =>
      fn(
        { Records: [record] },
        localLambdaContext({
          functionName: `local-${spec().id}`,
          memoryMb: spec().memoryMb,
          requestId: randomUUID(),
          deadline: Date.now() + spec().timeoutSeconds * 1000,
        }),
      ),
    );
    if (!out?.batchItemFailures?.length) return;
  }
  console.error(`[local-letters] gave up issuing the letter of ${body.requestId} (dead-letter queue on AWS)`);
}

const spec = () => functionSpec('letter-issuer');
