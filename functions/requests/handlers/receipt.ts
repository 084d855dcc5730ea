import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { config } from '../../lib/config';
import { endpoint, html } from '../../lib/http';
import { isConditionFailed, ServiceRequest } from '../../lib/table';
import { presignDocument } from '../documents';
import { acceptsDocuments } from '../domain/transitions';
import { ReceiptQuery, RequestParams } from '../schemas';
import { getRequestWithSecret, listDocuments } from '../store';
import { receiptPage } from '../views';

/**
 * Records, atomically, that the receipt showed the secret: true for the one view that does (the first),
 * false for every later one.
 */
async function firstView(id: string, now: Date): Promise<boolean> {
  try {
    await ServiceRequest.build(UpdateItemCommand)
      .item({ id, secretShownAt: now.toISOString() })
      .options({
        condition: {
          and: [
            { attr: 'id', exists: true },
            { attr: 'secretShownAt', exists: false },
          ],
        },
      })
      .send();
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}

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
    const showSecret = await firstView(request.id, ctx.now);
    return html(
      200,
      receiptPage(ctx.lang, request, showSecret ? secret : undefined, forms, ctx.query, ctx.now),
    );
  },
);
