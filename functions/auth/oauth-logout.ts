import { endpoint, html, redirect } from '../lib/http';
import { isClient, isLogoutUri, pageLang } from './oauth-clients';
import contract from './oauth-logout.contract';
import { badRequestPage } from './sign-in-page';

/**
 * `GET <issuer>/logout?client_id&logout_uri` (local runtime only), Cognito's sign-out: back to a
 * registered sign-out URL. There is no session cookie to clear here (the local page keeps none);
 * the app revokes its refresh token first.
 */
export const handler = endpoint(contract, async ({ query }) => {
  const lang = pageLang(query.logout_uri?.replace('/kerja/en/', '/kerja/en/callback/'), query.lang);
  if (!isClient(query.client_id)) return html(400, badRequestPage(lang, 'invalid_client: client_id'));
  if (!isLogoutUri(query.logout_uri)) return html(400, badRequestPage(lang, 'invalid_request: logout_uri'));
  return redirect(query.logout_uri as string, 302);
});
