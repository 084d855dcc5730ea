import { config } from '../../lib/config';
import { Invalid, NotFound } from '../../lib/errors';
import { endpoint, html, json } from '../../lib/http';
import { countTrackingLookups } from '../../lib/rate-limit';
import { getVillage, villageHeading } from '../../villages/store';
import { normalizeTrackingCode } from '../domain/tracking';
import { findByTrackingCode } from '../store';
import { trackFormPage, trackingView, trackPage } from '../views';
import { track } from './track.contract';

/** `/track/{code}` and `/track?code=` (the site's plain GET form). HTML for browsers, JSON otherwise. */
export const handler = endpoint(track, async (ctx) => {
  const raw = ctx.params.trackingCode ?? ctx.query.code;
  if (raw === undefined || raw.trim() === '') {
    if (ctx.wantsHtml) return html(400, trackFormPage(ctx.lang));
    throw new Invalid([{ path: 'code', message: 'field.required' }]);
  }
  const code = normalizeTrackingCode(raw);
  // every look-up counts, found or not: generous for people re-checking, a wall for trying codes
  if (code) await countTrackingLookups(ctx.sourceIp, ctx.now);
  const request = code ? await findByTrackingCode(code) : undefined;
  if (!request) {
    if (ctx.wantsHtml) return html(404, trackFormPage(ctx.lang, raw, true));
    throw new NotFound();
  }
  const view = trackingView(request, ctx.now, ctx.lang);
  if (!ctx.wantsHtml) return json(200, view);
  // the page names the village and links back to its site (one more read, for browsers only)
  const village = villageHeading(await getVillage(request.villageCode));
  // an open request's receipt (uploads, corrections) reopens from here with the secret code
  const open = !['completed', 'rejected'].includes(request.status);
  const receiptUrl = open ? `${config().API_URL}/requests/${request.id}/receipt` : undefined;
  // a completed request's letter downloads from here with the secret code (requests/handlers/letter)
  const letterUrl =
    request.status === 'completed' && request.letterToken
      ? `${config().API_URL}/requests/${request.id}/letter`
      : undefined;
  return html(200, trackPage(ctx.lang, view, village, receiptUrl, letterUrl));
});
