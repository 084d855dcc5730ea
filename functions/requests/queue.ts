import type { RequestItem } from './entities';
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
