import * as z from 'zod';
import { Invalid } from './errors';

/** `?cursor=&limit=` of every list; answers are always `{items, cursor}` (cursor null on the last page). */
export const PageQuery = {
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
};

/** ElectroDB throws on a tampered or foreign cursor; that is the caller's mistake, not ours. */
export async function withCursor<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error && (error as { code: number }).code === 5003)
      throw new Invalid([{ path: 'cursor', message: 'field.invalid' }]);
    if (error instanceof Error && /cursor/i.test(error.message))
      throw new Invalid([{ path: 'cursor', message: 'field.invalid' }]);
    throw error;
  }
}
