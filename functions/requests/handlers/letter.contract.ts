import { contract } from '../../lib/contract';
import { RequestParams, SecretQuery } from '../schemas';

/** The letter's PDF: the receipt's secret (header `X-Request-Secret` or `?secret=`), or an officer's token. */
export default contract({
  route: 'requests.letter',
  params: RequestParams,
  query: SecretQuery,
  openapi: () => ({ response: { status: 200, description: 'The letter (application/pdf)' } }),
});
