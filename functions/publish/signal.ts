/**
 * The "site out of date" signal (issue 3 → the publisher of issue 4). Every change to what a village
 * shows publicly records, durably and in the same transaction as the change, that the village's site
 * must be rebuilt. The publisher takes villages that have been quiet for `quietMs` (so a burst of
 * edits is one rebuild), rebuilds them, and marks them clean only if no change arrived meanwhile.
 * A village edited without pause is never quiet: once it has been dirty for `maxWaitMs` (counted from
 * when a reader of the signal first saw it dirty and busy, `dirtySince`) it is taken anyway, at most
 * once per `maxWaitMs`. The writers of the signal are unchanged by this: they only upsert the change.
 */
import { $remove, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { isConditionFailed, queryPage } from '../lib/table';
import { SiteState, siteStateByState } from './entities';

export interface Village {
  code: string;
  regencyCode: string;
}

type OutOfDateListener = (villageCode: string) => void;
const LISTENERS = Symbol.for('smart-kampung.sites.outOfDate');

function listeners(): Set<OutOfDateListener> {
  const g = globalThis as { [LISTENERS]?: Set<OutOfDateListener> };
  g[LISTENERS] ??= new Set();
  return g[LISTENERS];
}

/**
 * In-process hint that a change to a village's site is being recorded (its write may still be in
 * flight, or fail): the local publisher wakes up on it instead of waiting for its next poll. Nothing
 * listens on Lambda, where the signal travels through the table and EventBridge. Returns an unsubscribe.
 */
export function onOutOfDate(listener: OutOfDateListener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

function announce(villageCode: string) {
  for (const listener of listeners()) {
    try {
      listener(villageCode);
    } catch {
      // a hint only: a failing listener never fails the change
    }
  }
}

/**
 * The signal's item, for a change's own transaction (an upsert):
 * `transact(..., SiteState.build(UpdateTransaction).item(outOfDateState(village, why, at)))`.
 * Announces the change in-process (onOutOfDate).
 */
export function outOfDateState(village: Village, reason: string, at: Date | string) {
  announce(village.code);
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
  // once more now that it is written: a wake-up on the first hint may have come before the write
  announce(village.code);
}

export interface Pending {
  villageCode: string;
  lastChangeAt: string;
  reason?: string;
  dispatchedAt?: string;
  dirtySince?: string;
}

/** The longest a village's rebuild waits for its edits to pause. */
export const MAX_WAIT_MS = 15 * 60_000;

/**
 * Villages whose site is out of date and that have been quiet for `quietMs`, or that have been dirty
 * for `maxWaitMs` without a pause (and were not dispatched within `maxWaitMs`). One Query, never a
 * Scan; a busy village seen for the first time gets its `dirtySince` stamped (one conditional write).
 */
export async function pendingSites(
  regencyCode: string,
  now: Date,
  quietMs: number,
  maxWaitMs = MAX_WAIT_MS,
): Promise<Pending[]> {
  const cutoff = now.getTime() - quietMs;
  const starved = now.getTime() - maxWaitMs;
  const { items } = await queryPage(
    SiteState,
    siteStateByState,
    { regencyCode, state: 'dirty' },
    { all: true, attributes: ['villageCode', 'lastChangeAt', 'reason', 'dispatchedAt', 'dirtySince'] },
  );
  const due: Pending[] = [];
  for (const p of items as Pending[]) {
    if (Date.parse(p.lastChangeAt) <= cutoff) due.push(p);
    else if (!p.dirtySince) await stampDirtySince(p.villageCode, now);
    else if (
      Date.parse(p.dirtySince) <= starved &&
      (!p.dispatchedAt || Date.parse(p.dispatchedAt) <= starved)
    )
      due.push(p);
  }
  return due;
}

async function stampDirtySince(villageCode: string, at: Date) {
  try {
    await SiteState.build(UpdateItemCommand)
      .item({ villageCode, dirtySince: at.toISOString() })
      .options({
        condition: {
          and: [
            { attr: 'state', eq: 'dirty' },
            { attr: 'dirtySince', exists: false },
          ],
        },
      })
      .send();
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
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
        dirtySince: $remove(),
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
    if (!isConditionFailed(error)) throw error;
  }
  // still dirty: what was published is at most `maxWaitMs` behind from now on, so the wait restarts
  try {
    await SiteState.build(UpdateItemCommand)
      .item({ villageCode: village.code, dirtySince: now.toISOString() })
      .options({ condition: { attr: 'state', eq: 'dirty' } })
      .send();
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
  return false;
}
