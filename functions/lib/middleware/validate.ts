/**
 * (d) The route's zod schemas (its contract) over params, query and body: every field error of the
 * three in one 400, each naming its field (`applicant.nik`) with a strings-file key the error handler
 * translates. Whatever passes is also held to the Unicode rule (lib/unicode.ts) where no string schema
 * read it: a body taken whole (`z.unknown()`, checked later by the domain), keys of records, extra keys.
 */
import type middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Contract } from '../contract';
import { type FieldError, Invalid } from '../errors';
import type { Event, Result } from '../responses';
import { illFormedPaths, UNICODE_MESSAGE } from '../unicode';
import type * as z from '../zod';

/**
 * The message of one zod issue: a strings-file key the schema set (`field.whatsapp`), also when it
 * sits in a branch of a union (`applicant.whatsapp` is "a number or empty"), else a generic one.
 */
function issueMessage(issue: z.core.$ZodIssue, atRoot: boolean): string {
  if (issue.message.startsWith('field.')) return issue.message;
  if (issue.code === 'invalid_union') {
    for (const branch of issue.errors)
      for (const nested of branch) if (nested.message.startsWith('field.')) return nested.message;
  }
  // a record's key (`fields.<code>`) that is not text: the key schema's own message
  if (issue.code === 'invalid_key' || issue.code === 'invalid_element') {
    for (const nested of issue.issues) if (nested.message.startsWith('field.')) return nested.message;
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'field.required';
  if (atRoot && issue.code === 'invalid_type') return 'field.body_object';
  if (issue.code === 'too_big') return 'field.too_long';
  if (issue.code === 'too_small' && issue.origin === 'string') return 'field.too_short';
  return 'field.invalid';
}

/** zod issues → our field errors; messages that are strings-file keys get translated later. */
export function zodFields(error: z.core.$ZodError, prefix: string[] = []): FieldError[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys' && !issue.message.startsWith('field.'))
      return {
        path: [path, ...issue.keys].filter(Boolean).join('.') || '(body)',
        message: 'field.unknown',
      };
    return { path: path || '(body)', message: issueMessage(issue, !path) };
  });
}

/** One part checked by its schema: its value, or its field errors pushed onto `errors`. */
function check(schema: z.ZodMiniType | undefined, value: unknown, errors: FieldError[]): unknown {
  if (!schema) return value;
  const result = schema.safeParse(value);
  if (!result.success) {
    errors.push(...zodFields(result.error));
    return undefined;
  }
  for (const path of illFormedPaths(value)) errors.push({ path, message: UNICODE_MESSAGE });
  return result.data;
}

type Output<C, K extends 'params' | 'query' | 'body', Otherwise> = C extends {
  [P in K]: infer S extends z.ZodMiniType;
}
  ? z.output<S>
  : Otherwise;

/** What the handler gets: each part as its schema outputs it; as sent where the contract has none. */
export interface Validated<C extends Contract> {
  params: Output<C, 'params', Record<string, string | undefined>>;
  query: Output<C, 'query', Record<string, string>>;
  body: Output<C, 'body', undefined>;
}

type Raw = { params: unknown; query: unknown; body: unknown };

/** Params, query and body against the contract's schemas: all parts, one 400 naming every field. */
export function validateInput<C extends Contract>(contract: C, raw: Raw): Validated<C> {
  const errors: FieldError[] = [];
  const params = check(contract.params, raw.params, errors);
  const query = check(contract.query, raw.query, errors);
  const body = contract.body ? check(contract.body, raw.body, errors) : undefined;
  if (errors.length) throw new Invalid(errors);
  return { params, query, body } as Validated<C>;
}

type ValidatedEvent<C extends Contract> = Omit<Event, 'body'> & { body?: unknown } & Validated<C>;

export function validate<C extends Contract>(
  contract: C,
): middy.MiddlewareObj<ValidatedEvent<C>, Result, Error, Context> {
  return {
    name: 'validate',
    before: ({ event }) => {
      Object.assign(
        event,
        validateInput(contract, {
          params: event.pathParameters ?? {},
          query: event.queryStringParameters ?? {},
          body: event.body,
        }),
      );
    },
  };
}
