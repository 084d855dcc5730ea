/**
 * (a) What every later step and the handler read about the request, worked out once: the query
 * without empty values (a plain HTML form sends `?category=` for "all": absent), the language
 * (`?lang=`, else Accept-Language; Bahasa Indonesia by default), whether to answer with HTML, and the
 * request's id, method, source and time. Runs after @middy/http-header-normalizer (lower-cased header
 * names) and @middy/http-event-normalizer (`queryStringParameters` and `pathParameters` always objects).
 */
import type middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { Route } from '../../routes';
import { type Lang, negotiateLang } from '../i18n';
import type { Event, Result } from '../responses';

export interface Negotiated {
  /** request headers, names lower-cased */
  headers: Record<string, string | undefined>;
  lang: Lang;
  /** the body arrived as an HTML form post (answer with HTML / redirects) */
  isForm: boolean;
  /** answer with HTML: the route has pages, and the client asked for HTML or posted a form */
  wantsHtml: boolean;
  requestId: string;
  /** the HTTP method as API Gateway saw it (a HEAD may reach a GET route locally) */
  method: string;
  /** the client's address as API Gateway saw it (for rate limits; never logged or stored raw) */
  sourceIp: string;
  now: Date;
}

export const FORM = 'application/x-www-form-urlencoded';

/** The media type of a Content-Type header, lower-cased, without its parameters ('' when absent). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** A browser: it asks for HTML and not for JSON. */
export function acceptsHtml(accept: string | undefined): boolean {
  return /text\/html/.test(accept ?? '') && !/application\/json/.test(accept ?? '');
}

/** API Gateway's request id, else Lambda's (a direct invoke), else `local`. */
export function requestIdOf(
  event: Partial<Event> | undefined,
  context: Partial<Context> | undefined,
): string {
  return event?.requestContext?.requestId ?? context?.awsRequestId ?? 'local';
}

export function negotiate(route: Route): middy.MiddlewareObj<Event & Negotiated, Result, Error, Context> {
  return {
    name: 'negotiate',
    before: ({ event, context }) => {
      event.headers ??= {};
      const query: Record<string, string> = {};
      for (const [name, value] of Object.entries(event.queryStringParameters ?? {}))
        if (value !== undefined && value !== '') query[name] = value;
      event.queryStringParameters = query;
      event.lang = negotiateLang(event.headers['accept-language'], query.lang);
      event.isForm = mediaType(event.headers['content-type']) === FORM;
      event.wantsHtml = (route.html ?? false) && (event.isForm || acceptsHtml(event.headers.accept));
      event.requestId = requestIdOf(event, context);
      event.method = (event.requestContext?.http?.method ?? 'GET').toUpperCase();
      event.sourceIp = event.requestContext?.http?.sourceIp ?? 'unknown';
      event.now = new Date();
    },
  };
}
