/**
 * A Lambda invocation, locally: the handler's signature, the `context` it gets, and the loading of a
 * function's module by the path the route table (or infra/bundles.ts) names — what the adapter
 * (./adapter.ts) and the S3-event delivery (./s3-events.ts) share.
 */
import { existsSync } from 'node:fs';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import type { Route } from '../../functions/routes';

export type LambdaHandler = (
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
) => Promise<unknown> | unknown;

export const ACCOUNT_ID = '000000000000';

/** The Lambda `context` a local invocation gets (the API's handlers here, the photo processor in s3-events). */
export function localLambdaContext(opts: {
  functionName: string;
  memoryMb: number;
  requestId: string;
  deadline: number;
}): Context {
  const name = opts.functionName;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:${ACCOUNT_ID}:function:${name}`,
    memoryLimitInMB: String(opts.memoryMb),
    awsRequestId: opts.requestId,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, opts.deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

/**
 * The default loader: `functions/<route.handler>.ts` exporting `handler`, imported on first use — as
 * Lambda loads a function's module on its first invocation (its cold start), by the path the route
 * table names (the one list of handler modules). Not for the configuration's sake: it is read on first
 * use (functions/lib/config.ts), so loading earlier or later changes nothing.
 * A module that does not exist (yet) → undefined (the adapter answers 501).
 */
export function moduleHandlerLoader(
  functionsDir: URL = new URL('../../functions/', import.meta.url),
): (route: Route) => Promise<LambdaHandler | undefined> {
  return (route) => loadModuleHandler(route.handler, functionsDir);
}

/** `functions/<handler>.ts` (a route's or any other function's module) → its `handler`, or undefined. */
export async function loadModuleHandler<H = LambdaHandler>(
  handler: string,
  functionsDir: URL = new URL('../../functions/', import.meta.url),
): Promise<H | undefined> {
  const base = new URL(handler, functionsDir);
  const file = ['.ts', '.js', '.mjs'].map((ext) => new URL(`${base.href}${ext}`)).find((u) => existsSync(u));
  if (!file) return undefined;
  const mod = (await import(file.href)) as { handler?: unknown };
  if (typeof mod.handler !== 'function') {
    throw new TypeError(`${handler} does not export a handler function`);
  }
  return mod.handler as H;
}
