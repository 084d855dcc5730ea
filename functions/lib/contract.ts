/**
 * A route's contract: what its handler validates (params, query, body), how it answers errors, and —
 * for `/openapi.json` only — what it answers. One module per handler, beside it
 * (`functions/<feature>/handlers/<name>.contract.ts`), imported by the handler (`endpoint(contract, …)`)
 * and by the OpenAPI registry (functions/openapi/registry.ts), so the document is generated from the
 * very schemas the chain validates with and nothing restates them. A contract module imports schemas
 * only, never a store: the OpenAPI function's bundle carries no table client (decision 0020).
 */
import type { RouteId } from '../routes';
import * as z from './zod';

export type BodyType = 'application/json' | 'application/x-www-form-urlencoded';

/** Our error answer, `{error: {code, message, fields?, requestId?}}`, already in the caller's language. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { path: string; message: string }[];
    requestId?: string;
  };
}

/** Another shape for a route's errors (Open311's `[{code, description}]`): its schema and the mapping. */
export interface ErrorFormat {
  schema: z.ZodMiniType;
  format(statusCode: number, body: ErrorBody): unknown;
}

/**
 * What only the document needs; built when `/openapi.json` is first asked for, never at a cold start.
 * A part that needs heavy data (the default catalogue) imports it there, with `await import()`.
 */
export interface OperationDoc {
  /** shown instead of the validated schemas where the handler checks that input itself */
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** request media types of the body; JSON when absent */
  bodyTypes?: BodyType[];
  /** success status and schema, when the answer has a fixed shape */
  response?: { status: number; schema?: z.ZodMiniType; description?: string; html?: boolean };
  /** further success answers (JSON), e.g. a 202 beside the 200 */
  alsoResponses?: { status: number; schema: z.ZodMiniType; description: string }[];
}

export interface Contract {
  route: RouteId;
  /** validated by the chain before the handler runs; every field error of the three in one 400 */
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  /** a route with a body gets it parsed (JSON or a form, ≤ 64 KB); `z.unknown()` to check it later */
  body?: z.ZodMiniType;
  /** errors in another shape than ours (Open311) */
  errors?: ErrorFormat;
  openapi?: () => OperationDoc | Promise<OperationDoc>;
}

/** Declares a contract, keeping its route id and schema types for the handler and the registry. */
export function contract<const C extends Contract>(declared: C): C {
  return declared;
}

/** An answer documented as some JSON object (its shape not pinned down in the document yet). */
export const AnyObject = z.record(z.string(), z.unknown());

/** A page of a list whose items are not pinned down in the document yet. */
export const AnyPage = z.object({ items: z.array(z.unknown()), cursor: z.nullable(z.string()) });
