/**
 * Negotiation (lib/middleware/negotiate.ts), run after middy's header and event normalizers as in
 * the chain: lower-cased headers, a query without empty values, the language, whether to answer HTML,
 * and the request's facts.
 */
import middy from '@middy/core';
import httpEventNormalizer from '@middy/http-event-normalizer';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type Negotiated, negotiate } from '../../../../functions/lib/middleware/negotiate';
import type { Event, Result } from '../../../../functions/lib/responses';
import { routeById } from '../../../../functions/routes';
import { type EventOptions, event } from './support';

/** The event as the handler would see it after the three middlewares. */
async function negotiated(o: EventOptions, routeId: 'requests.submit' | 'villages.get' = 'requests.submit') {
  let seen: (Event & Negotiated) | undefined;
  const handler = middy<Event, Result, Error, Context>()
    .use(httpHeaderNormalizer())
    .use(httpEventNormalizer())
    .use(negotiate(routeById(routeId)))
    .handler<Event, Result>(async (e) => {
      seen = e as Event & Negotiated;
      return { statusCode: 200 };
    });
  await handler(event(o), { awsRequestId: 'lambda-1' } as Context);
  if (!seen) throw new Error('the handler did not run');
  return seen;
}

describe('negotiation', () => {
  it('headers arrive with lower-cased names, whatever the client sent', async () => {
    const e = await negotiated({ headers: { 'Content-Type': 'application/json', 'X-Request-Secret': 's' } });
    expect(e.headers['content-type']).toBe('application/json');
    expect(e.headers['x-request-secret']).toBe('s');
    expect(e.headers['Content-Type']).toBeUndefined();
  });

  it('an empty query value is an absent parameter (a plain form sends `category=` for "all")', async () => {
    const e = await negotiated({ query: { category: '', q: 'kopi', lang: '' } });
    expect(e.queryStringParameters).toEqual({ q: 'kopi' });
    expect(e.lang).toBe('id');
  });

  it('a direct invoke without query, path parameters or headers still gets objects', async () => {
    const e = await negotiated({});
    expect(e.queryStringParameters).toEqual({});
    expect(e.pathParameters).toEqual({});
    expect(e.headers).toEqual({});
  });

  it('?lang= wins over Accept-Language; Bahasa Indonesia unless English is preferred', async () => {
    expect((await negotiated({ query: { lang: 'en' }, headers: { 'accept-language': 'id' } })).lang).toBe(
      'en',
    );
    expect((await negotiated({ headers: { 'Accept-Language': 'en-US,en;q=0.9,id;q=0.5' } })).lang).toBe('en');
    expect((await negotiated({ headers: { 'accept-language': 'fr, en;q=0.1' } })).lang).toBe('en');
    expect((await negotiated({ headers: { 'accept-language': 'fr' } })).lang).toBe('id');
    expect((await negotiated({ query: { lang: 'fr' } })).lang).toBe('id');
  });

  it('HTML is answered on a route with pages to a browser or a form post, never to a JSON client', async () => {
    const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    expect((await negotiated({ headers: browser })).wantsHtml).toBe(true);
    expect((await negotiated({ headers: { accept: 'text/html, application/json' } })).wantsHtml).toBe(false);
    expect((await negotiated({ headers: { accept: 'application/json' } })).wantsHtml).toBe(false);
    const form = await negotiated({
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    });
    expect(form.isForm).toBe(true);
    expect(form.wantsHtml).toBe(true);
    // a route without pages answers JSON, whatever the client asks for
    expect((await negotiated({ headers: browser }, 'villages.get')).wantsHtml).toBe(false);
  });

  it("names the request by API Gateway's id, else Lambda's; the method, source and time", async () => {
    const e = await negotiated({ method: 'head', requestId: 'apigw-9' });
    expect(e.requestId).toBe('apigw-9');
    expect(e.method).toBe('HEAD');
    expect(e.sourceIp).toBe('10.0.0.7');
    expect(e.now).toBeInstanceOf(Date);
    const direct = event();
    (direct.requestContext as { requestId?: string }).requestId = undefined;
    const r = { event: direct, context: { awsRequestId: 'lambda-2' } as Context };
    negotiate(routeById('villages.get')).before?.(r as never);
    expect((direct as Event & Negotiated).requestId).toBe('lambda-2');
  });
});
