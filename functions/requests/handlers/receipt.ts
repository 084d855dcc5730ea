import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { findService } from '../../catalogue/store';
import { config } from '../../lib/config';
import { AppError, Invalid } from '../../lib/errors';
import { endpoint, html, zodFields } from '../../lib/http';
import { t } from '../../lib/i18n';
import { isConditionFailed } from '../../lib/table';
import { presignDocument } from '../documents';
import { acceptsDocuments } from '../domain/transitions';
import { ServiceRequest } from '../entities';
import { receiptLinkErrorPage, receiptPage } from '../receipt-views';
import { ReceiptQuery, RequestParams } from '../schemas';
import { getRequestWithSecret, listDocuments } from '../store';

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

/**
 * The receipt a browser lands on after the form post: codes, status and one upload form per missing
 * document; while the request waits for the citizen's correction (needs_revision), a replacement form
 * for each received document too, and the resubmit form. Params and query are checked here, not by
 * the wrapper, so that a broken link gets the receipt's own error page (no form to go back to).
 */
export const handler = endpoint('requests.receipt', {}, async (ctx) => {
  try {
    const params = RequestParams.safeParse(ctx.params ?? {});
    const query = ReceiptQuery.safeParse(ctx.query ?? {});
    if (!params.success || !query.success)
      throw new Invalid([
        ...(params.success ? [] : zodFields(params.error)),
        ...(query.success ? [] : zodFields(query.error)),
      ]);
    const request = await getRequestWithSecret(params.data.id, query.data.secret);
    const secret = query.data.secret ?? '';
    const confirmed = new Set(
      (await listDocuments(request.id)).filter((d) => d.status === 'confirmed').map((d) => d.requirement),
    );
    const redirect = `${config.API_URL}/requests/${request.id}/documents/{documentId}/confirm?secret=${encodeURIComponent(secret)}&lang=${ctx.lang}`;
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
    const showSecret = ctx.method === 'GET' && (await firstView(request.id, ctx.now));
    // sent back for a fix: the service's answers can be corrected on the resubmit form too
    const correctable = replacing
      ? ((await findService(request.villageCode, request.serviceCode))?.fields ?? [])
      : [];
    return html(
      200,
      receiptPage(
        ctx.lang,
        request,
        showSecret ? secret : undefined,
        secret,
        forms,
        query.data,
        ctx.now,
        correctable,
      ),
    );
  } catch (error) {
    if (!(error instanceof AppError) || !ctx.wantsHtml) throw error;
    const message = t(ctx.lang, error.message, error.params);
    return html(error.statusCode, receiptLinkErrorPage(ctx.lang, { code: error.code, message }));
  }
});
