import type { Context } from 'aws-lambda';
import { AppError, Invalid } from '../../lib/errors';
import { type Ctx, type Event, endpoint, html, json, redirect, zodFields } from '../../lib/http';
import { t } from '../../lib/i18n';
import { confirmDocument, InvalidFile } from '../documents';
import { ConfirmQuery, DocumentParams } from '../schemas';
import { getRequestWithSecret } from '../store';
import { confirmErrorPage } from '../views';

type Params = { id: string; documentId: string };
type Query = { secret?: string | undefined; lang?: 'id' | 'en' | undefined };

/**
 * Confirms an upload. API clients POST (secret in `X-Request-Secret`); S3's
 * `success_action_redirect` sends the browser here with GET (secret in the query), which then goes
 * back to the receipt, so the upload flow needs no JavaScript: a refused file goes back too, and the
 * receipt shows the error beside its upload form. With `onError`, the other failures a browser can
 * meet (a wrong or missing secret, an unknown request or document, a malformed link, a locked
 * request) answer a readable page with a link back instead of JSON.
 */
async function confirm(
  ctx: Ctx<unknown, Query, Params>,
  onError?: (error: AppError, receipt: string | undefined) => never | ReturnType<typeof html>,
) {
  const { params, query, headers, lang, now } = ctx;
  const secret = headers['x-request-secret'] ?? query.secret;
  const browser =
    headers['x-request-secret'] === undefined && query.secret !== undefined && !headers['content-type'];
  let receipt: string | undefined;
  try {
    const request = await getRequestWithSecret(params.id, secret);
    receipt = `/requests/${request.id}/receipt?secret=${encodeURIComponent(secret ?? '')}&lang=${lang}`;
    const result = await confirmDocument(request.id, params.documentId, now);
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

const post = endpoint('documents.confirm', { params: DocumentParams, query: ConfirmQuery }, (ctx) =>
  confirm(ctx),
);

// params and query are checked here, not by the wrapper, so that a malformed link gets this page too
const get = endpoint('documents.confirmRedirect', {}, async (ctx) => {
  const page = (error: AppError, receipt: string | undefined) => {
    if (!ctx.wantsHtml) throw error;
    const message = t(ctx.lang, error.message, error.params);
    return html(error.statusCode, confirmErrorPage(ctx.lang, { code: error.code, message }, receipt));
  };
  const params = DocumentParams.safeParse(ctx.params ?? {});
  const query = ConfirmQuery.safeParse(ctx.query ?? {});
  if (!params.success || !query.success) {
    const fields = [
      ...(params.success ? [] : zodFields(params.error)),
      ...(query.success ? [] : zodFields(query.error)),
    ];
    return page(new Invalid(fields), undefined);
  }
  return confirm({ ...ctx, params: params.data, query: query.data }, page);
});

/** Both routes run this function (see functions/routes/services.ts): GET is the browser's, POST the API client's. */
export const handler = (event: Event, context: Context) =>
  event.requestContext?.http?.method === 'GET' ? get(event, context) : post(event, context);
