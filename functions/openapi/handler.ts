import { config } from '../lib/config';
import { endpoint, json } from '../lib/http';
import { buildDocument } from './document';
import contract from './handler.contract';

/** Built once per container, on first use (a cold start that never serves the document never pays). */
let document: Awaited<ReturnType<typeof buildDocument>> | undefined;

/** `GET /openapi.json` — OpenAPI 3.1 generated from the route table and the routes' contracts. */
export const handler = endpoint(contract, async () => {
  document ??= await buildDocument({ serverUrl: config().API_URL });
  return json(200, document, { 'cache-control': 'public, max-age=300' });
});
