import { NotFound } from '../../lib/errors';
import { endpoint, html, json } from '../../lib/http';
import { countVerifications } from '../../lib/rate-limit';
import { verificationPage } from '../letter-views';
import { getLetter, verificationView } from '../letters';
import contract from './verify.contract';

/**
 * `GET /verifikasi/{token}`: public, what the QR code opens. Valid or revoked, the number, type,
 * issuing office and date, the holder's masked name and the file's SHA-256 — no NIK. Rate limited per
 * address, found or not.
 */
export const handler = endpoint(contract, async ({ params, sourceIp, now, wantsHtml, lang }) => {
  await countVerifications(sourceIp, now);
  const letter = await getLetter(params.token.toLowerCase());
  if (!letter || letter.status === 'pending') {
    if (wantsHtml) return html(404, verificationPage(lang, undefined));
    throw new NotFound();
  }
  const view = verificationView(letter);
  return wantsHtml ? html(200, verificationPage(lang, view)) : json(200, view);
});
