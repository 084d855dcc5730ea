/**
 * AWS only, every minute (infra/stacks/publish-stack.ts): turns the durable "site out of date" signal
 * into publish runs. A village that has been quiet for a minute and was not yet dispatched since its
 * last change gets one `site.outOfDate` event on the regency's bus, which starts CodeBuild
 * (`npm run publish:site -- --village <code>`); the build marks it published. A dispatch that produced
 * no publish (a failed build) is retried after 20 minutes.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { config } from '../../lib/config';
import { log } from '../../lib/log';
import { SiteState } from '../../lib/table';
import { siteOutOfDate } from '../events';
import { pendingSites } from '../signal';

const QUIET_MS = 60_000;
const RETRY_MS = 20 * 60_000;
/** more villages than this at once (an onboarding, a catalogue change): one build of the whole regency */
const WHOLE_REGENCY_FROM = 25;
const events = new EventBridgeClient({});

export async function handler(): Promise<{ dispatched: number }> {
  const now = new Date();
  const due = (await pendingSites(config.REGENCY_CODE, now, QUIET_MS)).filter(
    (p) =>
      !p.dispatchedAt ||
      p.dispatchedAt < p.lastChangeAt ||
      Date.parse(p.dispatchedAt) < now.getTime() - RETRY_MS,
  );
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
  log('info', 'sites.dispatch', { dispatched: due.length });
  return { dispatched: due.length };
}
