import { config } from '../../lib/config';
import { endpoint, html } from '../../lib/http';
import { presignDocument } from '../documents';
import { acceptsDocuments } from '../domain/transitions';
import { ReceiptQuery, RequestParams } from '../schemas';
import { getRequestWithSecret, listDocuments } from '../store';
import { receiptPage } from '../views';

/** The receipt a browser lands on after the form post: codes, status and one upload form per missing document. */
export const handler = endpoint(
  'requests.receipt',
  { params: RequestParams, query: ReceiptQuery },
  async (ctx) => {
    const request = await getRequestWithSecret(ctx.params.id, ctx.query.secret);
    const secret = ctx.query.secret ?? '';
    const confirmed = new Set(
      (await listDocuments(request.id)).filter((d) => d.status === 'confirmed').map((d) => d.requirement),
    );
    const redirect = `${config.API_URL}/requests/${request.id}/documents/{documentId}/confirm?secret=${encodeURIComponent(secret)}&lang=${ctx.lang}`;
    const forms = await Promise.all(
      request.requiredDocuments.map(async (requirement) => {
        if (confirmed.has(requirement.code) || !acceptsDocuments(request.status))
          return { requirement, confirmed: confirmed.has(requirement.code) };
        const post = await presignDocument(request, { requirement: requirement.code, redirect });
        return { requirement, confirmed: false, post: { url: post.url, fields: post.fields } };
      }),
    );
    return html(200, receiptPage(ctx.lang, request, secret, forms, ctx.query, ctx.now));
  },
);
