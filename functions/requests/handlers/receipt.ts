import { findService } from '../../catalogue/store';
import { config } from '../../lib/config';
import { endpoint, html } from '../../lib/http';
import { presignDocument } from '../documents';
import { acceptsDocuments } from '../domain/transitions';
import { receiptLinkErrorPage, receiptPage } from '../receipt-views';
import { getRequestWithSecret, listDocuments, recordSecretShown } from '../store';
import contract from './receipt.contract';

/**
 * The receipt a browser lands on after the form post: codes, status and one upload form per missing
 * document; while the request waits for the citizen's correction (needs_revision), a replacement form
 * for each received document too, and the resubmit form. A link that does not work (malformed, a
 * wrong secret, an unknown request) gets the receipt's own error page: there is no form to go back to.
 */
export const handler = endpoint(
  contract,
  async ({ params, query, lang, method, now }) => {
    const request = await getRequestWithSecret(params.id, query.secret);
    const secret = query.secret ?? '';
    const confirmed = new Set(
      (await listDocuments(request.id)).filter((d) => d.status === 'confirmed').map((d) => d.requirement),
    );
    const redirect = `${config().API_URL}/requests/${request.id}/documents/{documentId}/confirm?secret=${encodeURIComponent(secret)}&lang=${lang}`;
    // a received document gets a form again only when the officer sent the request back for a fix
    const replacing = request.status === 'needs_revision';
    const forms = await Promise.all(
      request.requiredDocuments.map(async (requirement) => {
        const has = confirmed.has(requirement.code);
        if ((has && !replacing) || !acceptsDocuments(request.status)) return { requirement, confirmed: has };
        const post = await presignDocument(request, { requirement: requirement.code, redirect });
        return { requirement, confirmed: has, post: { url: post.url, fields: post.fields } };
      }),
    );
    // only a real view shows (and so uses up) the secret: a HEAD (a link preview, a prefetch) never does
    const showSecret = method === 'GET' && (await recordSecretShown(request.id, now));
    // sent back for a fix: the service's answers can be corrected on the resubmit form too
    const correctable = replacing
      ? ((await findService(request.villageCode, request.serviceCode))?.fields ?? [])
      : [];
    return html(
      200,
      receiptPage(lang, request, showSecret ? secret : undefined, secret, forms, query, now, correctable),
    );
  },
  { errorPage: receiptLinkErrorPage },
);
