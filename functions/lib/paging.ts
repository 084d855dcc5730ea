import { DynamoDBToolboxError } from 'dynamodb-toolbox/errors';
import * as z from 'zod';
import { Invalid } from './errors';

/** `?cursor=&limit=` of every list; answers are always `{items, cursor}` (cursor null on the last page). */
export const PageQuery = {
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
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
  if (values.length === 0 || values.some((v) => typeof v !== 'string')) throw badCursor();
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
    const e = error as { name?: string; constructor?: { name?: string } };
    if (e?.name === 'ValidationException' || e?.constructor?.name === 'DynamoDBToolboxError')
      throw badCursor();
    throw error;
  }
}
