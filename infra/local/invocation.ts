/**
 * Which function an asynchronous piece of local work belongs to. On AWS every function runs in its
 * own process; locally they share one, so the adapter (for a route) and the S3-event emulation (for
 * the function it delivers to) run each invocation inside `localInvocation.run(...)`. Whatever the
 * handler then does — a DynamoDB command, an S3 request — can ask `localInvocation.getStore()` whose
 * it is (test/integration/grants.test.ts compares what each function sends with what it is granted).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface LocalInvocation {
  /** the route served (API functions), as in functions/routes/ */
  routeId?: string;
  /** the function's id in infra/bundles.ts functionSpecs() (functions no route reaches) */
  functionId?: string;
}

export const localInvocation = new AsyncLocalStorage<LocalInvocation>();
