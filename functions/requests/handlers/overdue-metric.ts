/**
 * AWS only, every 15 minutes (infra/stacks/operations-stack.ts): counts the regency's open requests past
 * their promised due time and publishes the count as the custom metric `SmartKampung/OverdueRequests`
 * (dimension `Regency`) in CloudWatch embedded metric format — one log line, no API call, no extra
 * permission. Reads by key only: per kecamatan and open status, the requests whose queue key (`0#<dueAt>`)
 * sorts before now.
 */
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { config } from '../../lib/config';
import { keyOf, keyPrefix, queryItems, queryPage, table } from '../../lib/table';
import { Kecamatan, kecamatanByRegency } from '../../villages/entities';
import { isClosed, STATUSES } from '../domain/transitions';
import { type RequestItem, requestByKecamatanStatus, ServiceRequest } from '../entities';
import { overdueMetric } from '../metrics';
import { overdue } from '../store';

export const OVERDUE_METRIC = {
  namespace: 'SmartKampung',
  name: 'OverdueRequests',
  dimension: 'Regency',
} as const;

export async function countOverdue(regencyCode: string, now: Date): Promise<number> {
  const open = STATUSES.filter((s) => !isClosed(s));
  const kecamatan = (await queryPage(Kecamatan, kecamatanByRegency, { regencyCode }, { all: true })).items;
  const spec = requestByKecamatanStatus;
  /** the index sort key's `queueSort` part (`request#0#<dueAt>`): a bound of a range of queue keys */
  const queueKey = (queueSort: string) => keyPrefix(spec.sk, {}, queueSort);
  let count = 0;
  for (const k of kecamatan) {
    const pages = await Promise.all(
      open.map((status) =>
        queryItems(
          ServiceRequest,
          table
            .build(QueryCommand)
            .entities(ServiceRequest)
            .query({
              index: spec.index,
              partition: keyOf(spec.pk, { kecamatanCode: k.code, status }),
              range: { between: [queueKey('0#'), queueKey(`0#${now.toISOString()}`)] },
            })
            .options({ attributes: ['id', 'status', 'dueAt'] }),
          { all: true },
        ),
      ),
    );
    for (const page of pages) count += page.items.filter((r) => overdue(r as RequestItem, now)).length;
  }
  return count;
}

export async function handler(): Promise<{ overdue: number }> {
  const now = new Date();
  const count = await countOverdue(config.REGENCY_CODE, now);
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
      [overdueMetric.dimension]: config.REGENCY_CODE,
      [overdueMetric.metricName]: count,
    })}\n`,
  );
  return { overdue: count };
}
