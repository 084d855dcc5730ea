/**
 * Turning the durable "site out of date" signal (signal.ts) into publish runs: a village that has been
 * quiet for a minute and was not yet dispatched since its last change gets one `site.outOfDate` event
 * on the regency's bus, which starts CodeBuild (`npm run publish:site -- --village <code>`); the build
 * marks it published. A dispatch that produced no publish (a failed build) is retried with backoff
 * (`redispatchDue`): after 20 minutes, then each wait as long as the village has been failing, at most
 * a day — not every 20 minutes forever. Run every minute by handlers/dispatch.ts (AWS only).
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { SiteState } from './entities';
import { siteOutOfDate } from './events';
import { type Pending, pendingSites } from './signal';

const QUIET_MS = 60_000;
/** first re-dispatch of a village whose build did not publish it */
export const RETRY_MS = 20 * 60_000;
/** the longest wait between re-dispatches (the nightly full rebuild runs meanwhile anyway) */
export const MAX_RETRY_MS = 24 * 60 * 60_000;
/** more villages than this at once (an onboarding, a catalogue change): one build of the whole regency */
const WHOLE_REGENCY_FROM = 25;
const events = new EventBridgeClient({});

/**
 * Whether a pending village is dispatched now: never dispatched, or changed since its last dispatch, or
 * its last dispatch did not publish it and the backoff has passed. The wait doubles without a counter:
 * it is as long as the village had already been waiting at its last dispatch (dispatchedAt −
 * lastChangeAt), at least RETRY_MS and at most MAX_RETRY_MS — 20 min, then ~21, 42, 84 min … a day.
 */
export function redispatchDue(p: Pick<Pending, 'lastChangeAt' | 'dispatchedAt'>, now: Date): boolean {
  if (!p.dispatchedAt || p.dispatchedAt < p.lastChangeAt) return true;
  const dispatched = Date.parse(p.dispatchedAt);
  const waitedBefore = dispatched - Date.parse(p.lastChangeAt);
  const wait = Math.min(MAX_RETRY_MS, Math.max(RETRY_MS, waitedBefore));
  return now.getTime() - dispatched >= wait;
}

/** Dispatches every village of the regency that is due now; answers how many. */
export async function dispatchPending(regencyCode: string, now: Date): Promise<number> {
  const due = (await pendingSites(regencyCode, now, QUIET_MS)).filter((p) => redispatchDue(p, now));
  const markDispatched = (villageCode: string) =>
    SiteState.build(UpdateItemCommand)
      .item({ villageCode, dispatchedAt: now.toISOString() })
      .options({ condition: { attr: 'villageCode', exists: true } })
      .send();
  const entry = (village: string, reason: string) => ({
    EventBusName: process.env.EVENT_BUS_NAME,
    Source: siteOutOfDate.source,
    DetailType: siteOutOfDate.detailType,
    Detail: JSON.stringify({ village, reason }),
  });
  if (due.length > WHOLE_REGENCY_FROM) {
    // one build of every village is far cheaper than as many single-village builds
    const result = await events.send(
      new PutEventsCommand({ Entries: [entry('*', `${due.length} villages`)] }),
    );
    if (!result.Entries?.[0]?.ErrorCode) for (const p of due) await markDispatched(p.villageCode);
  } else {
    for (let i = 0; i < due.length; i += 10) {
      const batch = due.slice(i, i + 10);
      const result = await events.send(
        new PutEventsCommand({ Entries: batch.map((p) => entry(p.villageCode, p.reason ?? 'change')) }),
      );
      for (const [j, e] of (result.Entries ?? []).entries()) {
        const p = batch[j];
        if (p && !e.ErrorCode) await markDispatched(p.villageCode);
      }
    }
  }
  return due.length;
}
