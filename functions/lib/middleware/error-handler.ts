/**
 * (e) The one error handler, registered last so that its `onError` runs first: every error of the
 * chain and of the handler becomes one answer, in the caller's language. Our domain errors (lib/errors.ts)
 * carry their status, code and fields; anything else is a 500 that says only "internal error" and the
 * request id (its name and code go to the log, never its message). The route decides the shape: JSON
 * `{error: {code, message, fields?}}`; an HTML page where the route has pages and the client wants
 * one (a browser, a form post) — the route's own page when it has one; or the route's error format
 * (Open311's `[{code, description}]`).
 */
import type middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { ErrorBody, ErrorFormat } from '../contract';
import { AppError } from '../errors';
import { errorPage } from '../html';
import { fieldLabel, type Lang, t } from '../i18n';
import { type Event, html, json, type Result } from '../responses';
import { type Negotiated, requestIdOf } from './negotiate';

/** A route's own HTML page for its errors (e.g. a receipt link that does not work). */
export type ErrorPage = (lang: Lang, error: { code: string; message: string }) => string;

export interface Answer {
  lang: Lang;
  requestId: string;
  /** answer with an HTML page */
  html: boolean;
  format?: ErrorFormat | undefined;
  page?: ErrorPage | undefined;
}

export function errorResponse(error: unknown, answer: Answer): Result {
  const { lang, format } = answer;
  if (!(error instanceof AppError)) {
    const body = {
      error: { code: 'internal', message: t(lang, 'error.internal'), requestId: answer.requestId },
    };
    if (format) return json(500, format.format(500, body));
    return answer.html ? html(500, errorPage(lang, body.error)) : json(500, body);
  }
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: t(lang, error.message, error.params),
      ...(error.fields
        ? {
            // a path may hold the very key that was refused as ill-formed: shown with U+FFFD
            fields: error.fields.map((f) => ({
              path: f.path.toWellFormed(),
              message: t(lang, f.message, f.params),
            })),
          }
        : {}),
    },
  };
  if (format) return json(error.statusCode, format.format(error.statusCode, body), error.headers);
  if (!answer.html) return json(error.statusCode, body, error.headers);
  if (answer.page) return html(error.statusCode, answer.page(lang, body.error), error.headers);
  // the page names each field as the form showed it (JSON keeps the paths): the catalogue's label
  // of a service field, the strings file's of the applicant's
  const fields = error.fields?.map((f) => ({
    label: f.label?.[lang] ?? fieldLabel(lang, f.path),
    message: t(lang, f.message, f.params),
  }));
  return html(
    error.statusCode,
    errorPage(
      lang,
      { code: body.error.code, message: body.error.message, ...(fields ? { fields } : {}) },
      error.sitePage,
    ),
    error.headers,
  );
}

export function errorHandler(
  options: { format?: ErrorFormat | undefined; page?: ErrorPage | undefined } = {},
): middy.MiddlewareObj<Event & Partial<Negotiated>, Result, Error, Context> {
  return {
    name: 'error-handler',
    // sets the answer and returns nothing: the request log's onError (registered first) still runs
    onError: (request) => {
      const { event, context } = request;
      request.response = errorResponse(request.error, {
        lang: event.lang ?? 'id',
        requestId: event.requestId ?? requestIdOf(event, context),
        html: event.wantsHtml ?? false,
        format: options.format,
        page: options.page,
      });
    },
  };
}
