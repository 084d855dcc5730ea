/**
 * For the tests that hold our hand-signed AWS calls (functions/lib/s3.ts, sqs.ts, cdn.ts) to what the
 * SDK's own clients send: a comparable shape of a request, and a middleware that drops the headers
 * only the SDK adds (invocation ids, user agent…) before it signs, so both sign the same headers.
 */
import type { FinalizeHandler, FinalizeHandlerArguments, HttpRequest, MetadataBearer } from '@smithy/types';

export const requestShape = (r: HttpRequest) => ({
  method: r.method,
  url: `${r.protocol}//${r.hostname}${r.port ? `:${r.port}` : ''}${r.path}`,
  query: { ...r.query },
  headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v])),
  body: typeof r.body === 'string' ? r.body : Buffer.from(r.body as Uint8Array).toString('utf8'),
});

interface WithMiddleware {
  middlewareStack: {
    addRelativeTo(
      middleware: (next: FinalizeHandler<object, MetadataBearer>) => FinalizeHandler<object, MetadataBearer>,
      options: { name: string; relation: 'before'; toMiddleware: string },
    ): void;
  };
}

/** Removes the headers matching `sdkOnly` from the client's requests before they are signed. */
export function dropSdkOnlyHeaders(client: WithMiddleware, sdkOnly: RegExp): void {
  client.middlewareStack.addRelativeTo(
    (next) => async (args: FinalizeHandlerArguments<object>) => {
      const request = args.request as HttpRequest;
      for (const name of Object.keys(request.headers))
        if (sdkOnly.test(name.toLowerCase())) delete request.headers[name];
      return next(args);
    },
    { name: 'dropSdkOnlyHeaders', relation: 'before', toMiddleware: 'httpSigningMiddleware' },
  );
}
