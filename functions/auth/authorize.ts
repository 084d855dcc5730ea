import { endpoint, html, redirect } from '../lib/http';
import contract from './authorize.contract';
import { checkAuthorizeRequest } from './authorize-request';
import { issuerEndpoints } from './oauth-clients';
import { badRequestPage, signInPage } from './sign-in-page';

/** `GET <issuer>/oauth2/authorize`: the sign-in page for a valid request of the workspace (local runtime only). */
export const handler = endpoint(contract, async ({ query }) => {
  const checked = checkAuthorizeRequest(query);
  if (!checked.ok)
    return 'redirect' in checked
      ? redirect(checked.redirect, 302)
      : html(400, badRequestPage(checked.lang, checked.show));
  const { request } = checked;
  return html(200, signInPage(request.lang, issuerEndpoints().authorization, request.carried));
});
