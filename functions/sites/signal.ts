/**
 * The "site out of date" signal (issue 3 → the publisher of issue 4). Every change to what a village
 * shows publicly records, durably and in the same transaction as the change, that the village's site
 * must be rebuilt. The publisher takes villages that have been quiet for `quietMs` (so a burst of
 * edits is one rebuild), rebuilds them, and marks them clean only if no change arrived meanwhile.
 */
import { SiteState } from '../lib/table';

export interface Village {
  code: string;
  regencyCode: string;
}

/**
 * The signal's item, for a change's own transaction:
 * `tx.transaction.write(({ siteState }) => [..., siteState.upsert(outOfDateState(village, why, at)).commit()])`.
 */
export function outOfDateState(village: Village, reason: string, at: Date | string) {
  return {
    villageCode: village.code,
    regencyCode: village.regencyCode,
    state: 'dirty' as const,
    reason,
    lastChangeAt: typeof at === 'string' ? at : at.toISOString(),
  };
}

/** For changes that are a single write of their own (seed, catalogue edits). */
export async function markOutOfDate(village: Village, reason: string, now = new Date()) {
  await SiteState.upsert(outOfDateState(village, reason, now)).go();
}

export interface Pending {
  villageCode: string;
  lastChangeAt: string;
  reason?: string;
  dispatchedAt?: string;
}

/** Villages whose site is out of date and that have been quiet for `quietMs`. One Query, never a Scan. */
export async function pendingSites(regencyCode: string, now: Date, quietMs: number): Promise<Pending[]> {
  const cutoff = now.getTime() - quietMs;
  const out: Pending[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: Pending[]; cursor: string | null } = await SiteState.query
      .byState({ regencyCode, state: 'dirty' })
      .go({
        cursor,
        consistent: false,
        attributes: ['villageCode', 'lastChangeAt', 'reason', 'dispatchedAt'],
      });
    out.push(...page.data.filter((p) => Date.parse(p.lastChangeAt) <= cutoff));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/**
 * After a successful publish: clean, unless a change arrived since `seenChangeAt` (then it stays
 * dirty and the next round publishes again). Returns whether it was marked clean.
 */
export async function markPublished(village: Village, seenChangeAt: string, now: Date): Promise<boolean> {
  try {
    await SiteState.patch({ villageCode: village.code })
      .set({ state: 'clean', regencyCode: village.regencyCode, publishedAt: now.toISOString() })
      .where((attr, op) => op.eq(attr.lastChangeAt, seenChangeAt))
      .go();
    return true;
  } catch (error) {
    if ((error as { cause?: { name?: string } }).cause?.name === 'ConditionalCheckFailedException')
      return false;
    throw error;
  }
}
