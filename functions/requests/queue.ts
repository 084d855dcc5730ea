/**
 * The officers' queues: a village's (open requests by due time, overdue first; then those awaiting
 * documents; then closed), a kecamatan's (forwarded for the camat's signature, or another status), and
 * the regency's count of overdue requests. Every read is a key Query of one partition.
 */
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { queryPageWhole } from '../lib/hydrate';
import { withCursor } from '../lib/paging';
import { keyOf, keyPrefix, queryItems, queryPage, table } from '../lib/table';
import { Kecamatan, kecamatanByRegency } from '../villages/entities';
import { isClosed, STATUSES } from './domain/transitions';
import {
  type RequestItem,
  requestByKecamatanStatus,
  requestByVillage,
  requestByVillageStatus,
  ServiceRequest,
} from './entities';
import { overdue } from './store';

/** One line of an officer's queue: enough to pick the next request; NIK and fields stay in the detail. */
export function queueItem(r: RequestItem, now: Date) {
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    villageCode: r.villageCode,
    service: { code: r.serviceCode, name: r.serviceName, level: r.serviceLevel },
    applicantName: r.applicant.name,
    status: r.status,
    version: r.version,
    createdAt: r.createdAt,
    completeAt: r.completeAt ?? null,
    dueAt: r.dueAt ?? null,
    overdue: overdue(r, now),
  };
}

interface QueuePage {
  status?: RequestItem['status'] | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * A village's queue, or with `status` its requests in that status. The indexes hold no applicant
 * (public routes read them too): the page's requests are read whole from the table (lib/hydrate.ts).
 */
export function villageQueue(villageCode: string, q: QueuePage) {
  return withCursor(q.cursor, () =>
    q.status
      ? queryPageWhole(
          ServiceRequest,
          requestByVillageStatus,
          { villageCode, status: q.status },
          { cursor: q.cursor ?? null, limit: q.limit },
        )
      : queryPageWhole(
          ServiceRequest,
          requestByVillage,
          { villageCode },
          { cursor: q.cursor ?? null, limit: q.limit },
        ),
  );
}

/** The requests forwarded to a kecamatan for the camat's signature (or in another `status`). */
export function kecamatanQueue(kecamatanCode: string, q: QueuePage) {
  return withCursor(q.cursor, () =>
    queryPage(
      ServiceRequest,
      requestByKecamatanStatus,
      { kecamatanCode, status: q.status ?? 'forwarded' },
      { cursor: q.cursor ?? null, limit: q.limit },
    ),
  );
}

/**
 * The regency's open requests past their promised due time: per kecamatan and open status, the
 * requests whose queue key (`0#<dueAt>`) sorts before now.
 */
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
