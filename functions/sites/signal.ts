/**
 * The "site out of date" signal (issue 3 → the publisher of issue 4). Every change to what a village
 * shows publicly records, durably and in the same transaction as the change, that the village's site
 * must be rebuilt. The publisher takes villages that have been quiet for `quietMs` (so a burst of
 * edits is one rebuild), rebuilds them, and marks them clean only if no change arrived meanwhile.
 */
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { indexes, isConditionFailed, queryPage, SiteState } from '../lib/table';

export interface Village {
  code: string;
  regencyCode: string;
}

/**
 * The signal's item, for a change's own transaction (an upsert):
 * `transact(..., SiteState.build(UpdateTransaction).item(outOfDateState(village, why, at)))`.
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
  await SiteState.build(UpdateItemCommand)
    .item(outOfDateState(village, reason, now))
    .send();
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
  const { items } = await queryPage(
    SiteState,
    indexes.siteStateByState,
    { regencyCode, state: 'dirty' },
    { all: true, attributes: ['villageCode', 'lastChangeAt', 'reason', 'dispatchedAt'] },
  );
  return (items as Pending[]).filter((p) => Date.parse(p.lastChangeAt) <= cutoff);
}

/**
 * After a successful publish: clean, unless a change arrived since `seenChangeAt` (then it stays
 * dirty and the next round publishes again). Returns whether it was marked clean.
 */
export async function markPublished(village: Village, seenChangeAt: string, now: Date): Promise<boolean> {
  try {
    await SiteState.build(UpdateItemCommand)
      .item({
        villageCode: village.code,
        state: 'clean',
        regencyCode: village.regencyCode,
        publishedAt: now.toISOString(),
      })
      .options({
        condition: {
          and: [
            { attr: 'villageCode', exists: true },
            { attr: 'lastChangeAt', eq: seenChangeAt },
          ],
        },
      })
      .send();
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}
