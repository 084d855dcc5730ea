import type { Context } from 'aws-lambda';
import { AppError } from '../../lib/errors';
import { type Event, endpoint, type HttpRequest, html, json, redirect } from '../../lib/http';
import { t } from '../../lib/i18n';
import { confirmDocument, InvalidFile } from '../documents';
import { getRequestWithSecret } from '../store';
import { confirmErrorPage } from '../views';
import { confirm as confirmContract, confirmRedirect } from './document-confirm.contract';

/**
 * Confirms an upload. API clients POST (secret in `X-Request-Secret`); S3's
 * `success_action_redirect` sends the browser here with GET (secret in the query), which then goes
 * back to the receipt, so the upload flow needs no JavaScript: a refused file goes back too, and the
 * receipt shows the error beside its upload form. With `onError`, the other failures a browser can
 * meet (a wrong or missing secret, an unknown request or document, a locked request) answer a
 * readable page with a link back instead of JSON; a malformed link gets that page from the chain.
 */
async function confirm(
  request: HttpRequest<typeof confirmContract>,
  onError?: (error: AppError, receipt: string | undefined) => never | ReturnType<typeof html>,
) {
  const { params, query, headers, lang, now } = request;
  const secret = headers['x-request-secret'] ?? query.secret;
  const browser =
    headers['x-request-secret'] === undefined && query.secret !== undefined && !headers['content-type'];
  let receipt: string | undefined;
  try {
    const found = await getRequestWithSecret(params.id, secret);
    receipt = `/requests/${found.id}/receipt?secret=${encodeURIComponent(secret ?? '')}&lang=${lang}`;
    const result = await confirmDocument(found.id, params.documentId, now);
    return browser ? redirect(receipt) : json(200, result);
  } catch (error) {
    if (receipt && browser && error instanceof InvalidFile) {
      // the receipt names what was wrong beside the form: why, and the facts it can't know (size, real type)
      const requirement = params.documentId.split('.')[0] ?? '';
      const facts = new URLSearchParams({
        error: error.code,
        requirement,
        why: error.why,
        ...(error.facts.size !== undefined ? { size: String(error.facts.size) } : {}),
        ...(error.facts.detected ? { detected: error.facts.detected } : {}),
      });
      return redirect(`${receipt}&${facts}`);
    }
    if (onError && error instanceof AppError) return onError(error, receipt);
    throw error;
  }
}

const post = endpoint(confirmContract, (request) => confirm(request));

const get = endpoint(
  confirmRedirect,
  async (request) => {
    const page = (error: AppError, receipt: string | undefined) => {
      if (!request.wantsHtml) throw error;
      const message = t(request.lang, error.message, error.params);
      return html(error.statusCode, confirmErrorPage(request.lang, { code: error.code, message }, receipt));
    };
    return confirm(request, page);
  },
  { errorPage: (lang, error) => confirmErrorPage(lang, error, undefined) },
);

/** Both routes run this function (see functions/routes/services.ts): GET is the browser's, POST the API client's. */
export const handler = (event: Event, context: Context) =>
  event.requestContext?.http?.method === 'GET' ? get(event, context) : post(event, context);
