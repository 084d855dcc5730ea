import { Invalid } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { queueLines } from '../queue';
import { regencyRequests } from '../staff-queue';
import contract from './queue-regency.contract';

/**
 * The regency admin's queue across its villages: overdue first, then by due time; narrowed by
 * kecamatan, village, service, status (one or several) or `overdue=true`. Key queries only (0029).
 */
export const handler = endpoint(contract, async ({ params, query, authorize, now }) => {
  authorize({ regencyCode: params.code });
  const { kecamatan, village } = query;
  // a place of another regency, or a village outside the kecamatan asked for, is a wrong filter
  if (kecamatan && !kecamatan.startsWith(`${params.code}.`))
    throw new Invalid([{ path: 'kecamatan', message: 'field.invalid' }]);
  if (village && !village.startsWith(`${kecamatan ?? params.code}.`))
    throw new Invalid([{ path: 'village', message: 'field.invalid' }]);
  const page = await regencyRequests(
    params.code,
    {
      kecamatanCode: kecamatan,
      villageCode: village,
      service: query.service,
      statuses: query.status,
      overdue: query.overdue === 'true',
      cursor: query.cursor,
      limit: query.limit,
    },
    now,
  );
  return json(200, await queueLines(page, now));
});
