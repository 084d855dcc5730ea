/**
 * The one error handler (lib/middleware/error-handler.ts): our errors in our shape and the caller's
 * language — JSON, an HTML page, the route's own page or the route's format (Open311) — and anything
 * else a 500 that says only "internal error" and the request id.
 */
import { describe, expect, it } from 'vitest';
import { Invalid, NotFound, TooManyRequests } from '../../../../functions/lib/errors';
import { errorHandler, errorResponse } from '../../../../functions/lib/middleware/error-handler';
import { open311Errors } from '../../../../functions/open311/errors';
import { event, request } from './support';

const invalid = () =>
  new Invalid([
    { path: 'applicant.nik', message: 'field.required' },
    {
      path: 'fields.nama_usaha',
      message: 'field.too_long',
      label: { id: 'Nama usaha', en: 'Business name' },
    },
  ]);
const leaky = Object.assign(new Error('ConditionalCheckFailed on item {"nik":"3510245508900002"}'), {
  name: 'TransactionCanceledException',
  code: 'E42',
});
const json = (r: { body?: string }) => JSON.parse(r.body ?? 'null');

describe('the error handler', () => {
  it("answers our errors as {error: {code, message, fields}} in the caller's language, with their headers", () => {
    const res = errorResponse(invalid(), { lang: 'en', requestId: 'r1', html: false });
    expect(res.statusCode).toBe(400);
    expect(res.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(json(res)).toEqual({
      error: {
        code: 'invalid_request',
        message: 'The data sent is not valid. Check the marked fields.',
        fields: [
          { path: 'applicant.nik', message: 'is required' },
          { path: 'fields.nama_usaha', message: 'is too long' },
        ],
      },
    });
    const limited = errorResponse(new TooManyRequests(90), { lang: 'id', requestId: 'r1', html: false });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers?.['retry-after']).toBe('90');
  });

  it('anything else is a 500 with "internal error" and the request id only: no message, no name', () => {
    const res = errorResponse(leaky, { lang: 'en', requestId: 'req-77', html: false });
    expect(res.statusCode).toBe(500);
    expect(json(res)).toEqual({
      error: {
        code: 'internal',
        message: 'Something went wrong on our side. Please try again later.',
        requestId: 'req-77',
      },
    });
    expect(res.body).not.toMatch(/3510|Conditional|Transaction|E42/);
    const page = errorResponse(leaky, { lang: 'en', requestId: 'req-77', html: true });
    expect(page.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).not.toMatch(/3510|Conditional|Transaction/);
  });

  it('a browser gets a page naming each field as the form labelled it', () => {
    const res = errorResponse(invalid(), { lang: 'en', requestId: 'r1', html: true });
    expect(res.statusCode).toBe(400);
    expect(res.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<strong>NIK</strong>: is required');
    expect(res.body).toContain('<strong>Business name</strong>: is too long');
  });

  it('a route with a page of its own answers our errors with it, but a 500 with the generic one', () => {
    const page = (lang: string, e: { code: string; message: string }) =>
      `<p>${lang}:${e.code}:${e.message}</p>`;
    const res = errorResponse(new NotFound(), { lang: 'en', requestId: 'r1', html: true, page });
    expect(res.statusCode).toBe(404);
    expect(res.body).toMatch(/^<p>en:not_found:/);
    expect(errorResponse(new NotFound(), { lang: 'en', requestId: 'r1', html: false, page }).body).toMatch(
      /^\{/,
    );
    expect(errorResponse(leaky, { lang: 'en', requestId: 'r1', html: true, page }).body).toMatch(
      /^<!doctype html>/,
    );
  });

  it("a route with Open311's format answers [{code, description}] in Open311's names, 500 too", () => {
    const res = errorResponse(invalid(), { lang: 'en', requestId: 'r1', html: false, format: open311Errors });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toEqual([
      { code: 400, description: 'attribute[applicant_nik]: is required' },
      { code: 400, description: 'attribute[nama_usaha]: is too long' },
    ]);
    expect(
      json(errorResponse(new NotFound(), { lang: 'en', requestId: 'r', html: false, format: open311Errors })),
    ).toEqual([{ code: 404, description: expect.any(String) }]);
    const internal = errorResponse(leaky, { lang: 'en', requestId: 'r9', html: true, format: open311Errors });
    expect(internal.statusCode).toBe(500);
    expect(json(internal)).toEqual([
      { code: 500, description: 'Something went wrong on our side. Please try again later.' },
    ]);
  });

  it('as onError it sets the answer from what negotiation found and returns nothing, so the log still runs', async () => {
    const e = Object.assign(event({ requestId: 'apigw-3' }), { lang: 'en', wantsHtml: false });
    const r = { ...request(e), error: new NotFound() };
    expect(await errorHandler().onError?.(r as never)).toBeUndefined();
    expect(r.response).toMatchObject({ statusCode: 404 });
    // an error before negotiation (none of its facts yet): Indonesian JSON with the request's id
    const early = { ...request(event({ requestId: 'apigw-4' })), error: leaky };
    errorHandler().onError?.(early as never);
    expect(json(early.response as { body?: string }).error).toMatchObject({
      code: 'internal',
      requestId: 'apigw-4',
    });
  });
});
