import { AppError } from '../../lib/errors';
import { endpoint, json, redirect } from '../../lib/http';
import { confirmDocument } from '../documents';
import { ConfirmQuery, DocumentParams } from '../schemas';
import { getRequestWithSecret } from '../store';

/**
 * Two routes share this handler: API clients POST (secret in `X-Request-Secret`), and S3's
 * `success_action_redirect` sends the browser here with GET (secret in the query), which then
 * goes back to the receipt, so the upload flow needs no JavaScript.
 */
export const handler = endpoint(
  'documents.confirm',
  { params: DocumentParams, query: ConfirmQuery },
  async ({ params, query, headers, lang, now }) => {
    const secret = headers['x-request-secret'] ?? query.secret;
    const request = await getRequestWithSecret(params.id, secret);
    const browser =
      headers['x-request-secret'] === undefined && query.secret !== undefined && !headers['content-type'];
    const receipt = `/requests/${request.id}/receipt?secret=${encodeURIComponent(secret ?? '')}&lang=${lang}`;
    try {
      const result = await confirmDocument(request.id, params.documentId, now);
      return browser ? redirect(receipt) : json(200, result);
    } catch (error) {
      if (browser && error instanceof AppError && error.statusCode === 422) {
        const requirement = params.documentId.split('.')[0] ?? '';
        return redirect(`${receipt}&error=${error.code}&requirement=${encodeURIComponent(requirement)}`);
      }
      throw error;
    }
  },
);
