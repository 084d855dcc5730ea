/**
 * AWS only, every minute (infra/stacks/publish-stack.ts): turns the durable "site out of date" signal
 * into publish runs. A village that has been quiet for a minute and was not yet dispatched since its
 * last change gets one `site.outOfDate` event on the regency's bus, which starts CodeBuild
 * (`npm run publish:site -- --village <code>`); the build marks it published. A dispatch that produced
 * no publish (a failed build) is retried with backoff (`redispatchDue`): after 20 minutes, then each wait
 * as long as the village has been failing, at most a day — not every 20 minutes forever.
 */
import { config } from '../../lib/config';
import { log } from '../../lib/log';
import { dispatchPending } from '../dispatch';

// at import, i.e. the cold start: a bad environment fails the function's init loudly (lib/config.ts)
config();

export async function handler(): Promise<{ dispatched: number }> {
  const dispatched = await dispatchPending(config().REGENCY_CODE, new Date());
  log('info', 'sites.dispatch', { dispatched });
  return { dispatched };
}
