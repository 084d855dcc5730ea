/**
 * AWS only, every 15 minutes (infra/stacks/operations-stack.ts): counts the regency's open requests past
 * their promised due time and publishes the count as the custom metric `SmartKampung/OverdueRequests`
 * (dimension `Regency`) in CloudWatch embedded metric format — one log line, no API call, no extra
 * permission. Reads by key only: per kecamatan and open status, the requests whose queue key (`0#<dueAt>`)
 * sorts before now.
 */
import { config } from '../../lib/config';
import { FAST, Kecamatan, ServiceRequest } from '../../lib/table';
import { isClosed, STATUSES } from '../domain/transitions';
import { overdueMetric } from '../metrics';
import { overdue } from '../store';

export const OVERDUE_METRIC = {
  namespace: 'SmartKampung',
  name: 'OverdueRequests',
  dimension: 'Regency',
} as const;

export async function countOverdue(regencyCode: string, now: Date): Promise<number> {
  const open = STATUSES.filter((s) => !isClosed(s));
  const kecamatan = (await Kecamatan.query.byRegency({ regencyCode }).go({ ...FAST, pages: 'all' })).data;
  let count = 0;
  for (const k of kecamatan) {
    const pages = await Promise.all(
      open.map((status) =>
        ServiceRequest.query
          .byKecamatanStatus({ kecamatanCode: k.code, status })
          .between({ queueSort: '0#' }, { queueSort: `0#${now.toISOString()}` })
          .go({ ...FAST, pages: 'all', attributes: ['id', 'status', 'dueAt'] }),
      ),
    );
    for (const page of pages) count += page.data.filter((r) => overdue(r, now)).length;
  }
  return count;
}

export async function handler(): Promise<{ overdue: number }> {
  const now = new Date();
  const count = await countOverdue(config.REGENCY_CODE, now);
  console.log(
    JSON.stringify({
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
      [overdueMetric.dimension]: config.REGENCY_CODE,
      [overdueMetric.metricName]: count,
    }),
  );
  return { overdue: count };
}
