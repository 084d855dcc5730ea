import { DynamoDBToolboxError } from 'dynamodb-toolbox/errors';
import { Invalid } from './errors';
import * as z from './zod';

/** `?cursor=&limit=` of every list; answers are always `{items, cursor}` (cursor null on the last page). */
export const PageQuery = {
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
};

const badCursor = () => new Invalid([{ path: 'cursor', message: 'field.invalid' }]);

/** Our keys are all strings: a cursor must decode to a flat object of strings before DynamoDB sees it. */
function checkCursorShape(cursor: string) {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!decoded || typeof decoded !== 'object' || Array.isArray(decoded)) throw badCursor();
  const values = Object.values(decoded);
  // key values are well-formed text like everything else the API reads (lib/unicode.ts)
  if (values.length === 0 || values.some((v) => typeof v !== 'string' || !v.isWellFormed()))
    throw badCursor();
}

/**
 * Runs a paged query with a client-supplied cursor. Cursors are the last key (base64url JSON),
 * unsigned: a tampered one, or one from another filter, is the caller's mistake (400), never our 500 —
 * whether toolbox refuses it (DynamoDBToolboxError) or DynamoDB does (ValidationException).
 */
export async function withCursor<T>(cursor: string | undefined, run: () => Promise<T>): Promise<T> {
  if (cursor !== undefined) checkCursorShape(cursor);
  try {
    return await run();
  } catch (error) {
    if (cursor === undefined) throw error;
    // instanceof, not the class name: deployed bundles are minified
    if (error instanceof DynamoDBToolboxError || (error as { name?: string })?.name === 'ValidationException')
      throw badCursor();
    throw error;
  }
}
