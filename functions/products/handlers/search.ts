import { config } from '../../lib/config';
import { endpoint, html, json } from '../../lib/http';
import { withCursor } from '../../lib/paging';
import { getRegency } from '../../villages/store';
import { searchProducts } from '../search';
import { searchPageCsp, searchResultsPage } from '../search-views';
import contract from './search.contract';

/**
 * Regency-wide search across every village's published products (one Query). A browser (the
 * portal's GET form with JavaScript off) gets an HTML results page in its language; API clients get
 * JSON, with CORS for the portal.
 */
export const handler = endpoint(contract, async ({ query, wantsHtml, lang }) => {
  const search = withCursor(query.cursor, () => searchProducts(config().REGENCY_CODE, query));
  if (wantsHtml) {
    // the page's header names the regency like the portal's (read alongside the search, for browsers only)
    const [page, regency] = await Promise.all([search, getRegency(config().REGENCY_CODE)]);
    return html(200, searchResultsPage(lang, query, page.items, page.cursor ?? null, regency?.name), {
      'content-security-policy': searchPageCsp(),
    });
  }
  const page = await search;
  return json(
    200,
    { items: page.items, cursor: page.cursor ?? null },
    { 'access-control-allow-origin': config().SITE_URL, vary: 'accept, accept-language' },
  );
});
