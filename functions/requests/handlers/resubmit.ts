import { AppError } from '../../lib/errors';
import { endpoint, html, json, redirect } from '../../lib/http';
import { t } from '../../lib/i18n';
import { receiptLinkErrorPage } from '../receipt-views';
import { getRequestWithSecret } from '../store';
import { resubmit } from '../workflow';
import contract from './resubmit.contract';

/**
 * The citizen sends the request back after `needs_revision`. API clients send JSON with the secret
 * in `X-Request-Secret`; the receipt's plain form (JavaScript off) posts the secret as a hidden
 * field and is answered 303 back to the receipt, whose status text then says the correction was
 * sent — also for a second tap on the button, which finds the request already resubmitted.
 */
export const handler = endpoint(contract, async ({ params, body, headers, form, isForm, lang, now }) => {
  const secret = headers['x-request-secret'] ?? (isForm ? (form?.get('secret') ?? undefined) : undefined);
  if (!isForm) {
    const request = await getRequestWithSecret(params.id, secret);
    const next = await resubmit(request, body, now);
    return json(200, {
      id: next.id,
      status: next.status,
      dueAt: next.dueAt ?? null,
      version: next.version,
    });
  }
  let request: Awaited<ReturnType<typeof getRequestWithSecret>>;
  try {
    request = await getRequestWithSecret(params.id, secret);
  } catch (error) {
    // no receipt to go back to: the page of a receipt link that does not work, not "fix the form"
    if (!(error instanceof AppError)) throw error;
    const message = t(lang, error.message, error.params);
    return html(error.statusCode, receiptLinkErrorPage(lang, { code: error.code, message }));
  }
  const receipt = `/requests/${request.id}/receipt?secret=${encodeURIComponent(secret ?? '')}&lang=${lang}`;
  // the form's inputs left empty keep their answers (the receipt never prefills them)
  const fields = Object.fromEntries(
    Object.entries(body.fields ?? {}).filter(([, v]) =>
      Array.isArray(v) ? v.length > 0 : typeof v === 'number' || v.trim() !== '',
    ),
  );
  try {
    await resubmit(request, Object.keys(fields).length ? { fields } : {}, now);
  } catch (error) {
    // already resubmitted (a double tap) or moved on meanwhile: the receipt shows where it stands
    if (!(error instanceof AppError) || error.code !== 'invalid_transition') throw error;
  }
  return redirect(receipt);
});
