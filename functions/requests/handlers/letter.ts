import { NotFound } from '../../lib/errors';
import { endpoint } from '../../lib/http';
import { optionalCaller } from '../../lib/optional-auth';
import { secretMatches } from '../domain/tracking';
import type { RequestItem } from '../entities';
import { getLetterFile } from '../letters';
import { getRequest } from '../store';
import contract from './letter.contract';

/** An officer of the request's village (or, for a kecamatan-level letter, of its kecamatan). */
function officerOf(caller: Awaited<ReturnType<typeof optionalCaller>>, request: RequestItem): boolean {
  if (!caller) return false;
  if (caller.groups.includes('village-officer') && caller.village === request.villageCode) return true;
  return caller.groups.includes('kecamatan-officer') && caller.kecamatan === request.kecamatanCode;
}

/**
 * `GET /requests/{id}/letter`: the issued letter as a PDF, for the holder of the receipt's secret or an
 * officer of its office. Anyone else — a wrong or missing secret, an unknown request — gets 404, and
 * so does a letter not issued yet.
 */
export const handler = endpoint(contract, async ({ params, query, headers }) => {
  const request = await getRequest(params.id).catch(() => undefined);
  if (!request) throw new NotFound();
  const secret = headers['x-request-secret'] ?? query.secret;
  const allowed =
    (secret !== undefined && secretMatches(secret, request.secretHash)) ||
    (headers.authorization !== undefined && officerOf(await optionalCaller(headers), request));
  if (!allowed) throw new NotFound();
  const { letter, bytes } = await getLetterFile(request);
  const file = letter.number.replace(/[^0-9A-Za-z.-]+/g, '-');
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="surat-${file}.pdf"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      ...(letter.sha256 ? { 'x-letter-sha256': letter.sha256 } : {}),
    },
    body: Buffer.from(bytes).toString('base64'),
    isBase64Encoded: true,
  };
});
