/**
 * AWS only, every 15 minutes (infra/stacks/operations-stack.ts): counts the regency's open requests past
 * their promised due time and publishes the count as the custom metric `SmartKampung/OverdueRequests`
 * (dimension `Regency`) in CloudWatch embedded metric format — one log line, no API call, no extra
 * permission. Reads by key only: per kecamatan and open status, the requests whose queue key (`0#<dueAt>`)
 * sorts before now.
 */
import { config } from '../../lib/config';
import { overdueMetric } from '../metrics';
import { countOverdue } from '../queue';

export { countOverdue };

// at import, i.e. the cold start: a bad environment fails the function's init loudly (lib/config.ts)
config();

export const OVERDUE_METRIC = {
  namespace: 'SmartKampung',
  name: 'OverdueRequests',
  dimension: 'Regency',
} as const;

export async function handler(): Promise<{ overdue: number }> {
  const now = new Date();
  const count = await countOverdue(config().REGENCY_CODE, now);
  // the raw EMF line on stdout, NOT console.log: the functions log in Lambda's JSON format, which
  // wraps a console line in its own JSON ({"message": "..."}) that CloudWatch does not read as EMF
  process.stdout.write(
    `${JSON.stringify({
      _aws: {
        Timestamp: now.getTime(),
        CloudWatchMetrics: [
          {
            Namespace: overdueMetric.namespace,
            Dimensions: [[overdueMetric.dimension]],
            Metrics: [{ Name: overdueMetric.metricName, Unit: 'Count' }],
          },
        ],
      },
      [overdueMetric.dimension]: config().REGENCY_CODE,
      [overdueMetric.metricName]: count,
    })}\n`,
  );
  return { overdue: count };
}
