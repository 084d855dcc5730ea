import { AnyObject, contract } from '../../lib/contract';
import { ConfirmQuery, DocumentParams } from '../schemas';

/** The API client's confirm (POST, secret in `X-Request-Secret`). */
export const confirm = contract({
  route: 'documents.confirm',
  params: DocumentParams,
  query: ConfirmQuery,
  openapi: () => ({ response: { status: 200, schema: AnyObject } }),
});

/** The browser's, sent by S3's `success_action_redirect` (GET, secret in the query). */
export const confirmRedirect = contract({
  route: 'documents.confirmRedirect',
  params: DocumentParams,
  query: ConfirmQuery,
  openapi: () => ({ response: { status: 303, description: 'Redirect to the receipt page' } }),
});
