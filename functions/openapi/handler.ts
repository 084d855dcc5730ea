import { config } from '../lib/config';
import { endpoint, json } from '../lib/http';
import { buildDocument } from './document';

/** Built once per container, on first use (a cold start that never serves the document never pays). */
let document: ReturnType<typeof buildDocument> | undefined;

/** `GET /openapi.json` — OpenAPI 3.1 generated from the route table and the zod schemas. */
export const handler = endpoint('openapi', {}, async () => {
  document ??= buildDocument({ serverUrl: config().API_URL });
  return json(200, document, { 'cache-control': 'public, max-age=300' });
});
