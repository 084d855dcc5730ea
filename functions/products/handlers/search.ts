import { config } from '../../lib/config';
import { endpoint, json } from '../../lib/http';
import { withCursor } from '../../lib/paging';
import { SearchQuery } from '../schemas';
import { searchProducts } from '../search';

/** Regency-wide search across every village's published products (one Query; CORS for the portal page). */
export const handler = endpoint('products.search', { query: SearchQuery }, async ({ query }) => {
  const page = await withCursor(query.cursor, () => searchProducts(config.REGENCY_CODE, query));
  return json(
    200,
    { items: page.items, cursor: page.cursor ?? null },
    { 'access-control-allow-origin': config.SITE_URL },
  );
});
