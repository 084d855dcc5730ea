/**
 * Body parsing (lib/middleware/body.ts): at most 64 KB; JSON only as `application/json`; forms by our
 * rules (dotted names nested, prototype names dropped, bytes
 * that are not UTF-8 refused by name); anything else 415.
 */
import { describe, expect, it } from 'vitest';
import { type AppError, Invalid, TooLarge, UnsupportedMediaType } from '../../../../functions/lib/errors';
import { formToObject, MAX_BODY_BYTES, parseBody } from '../../../../functions/lib/middleware/body';
import type { Negotiated } from '../../../../functions/lib/middleware/negotiate';
import type { Event } from '../../../../functions/lib/responses';
import { before, type EventOptions, event, request } from './support';

type Parsed = Omit<Event, 'body'> & Negotiated & { body: unknown; form?: URLSearchParams };

/** The body as the handler would see it, or what the parser threw; negotiation has run (lang `id`). */
async function parse(body: string | undefined, contentType?: string, o: EventOptions = {}) {
  const e = event({
    method: 'POST',
    ...(body !== undefined ? { body } : {}),
    ...o,
    headers: { ...(contentType !== undefined ? { 'content-type': contentType } : {}), ...o.headers },
  });
  Object.assign(e, { lang: 'id', queryStringParameters: o.query ?? {} });
  const r = request<Parsed>(e);
  const error = await before(parseBody(), r);
  return { error, body: r.event.body, event: r.event };
}

const fieldsOf = (error: unknown) => (error as AppError).fields;

describe('JSON bodies', () => {
  it('are parsed, also base64-encoded and with a charset', async () => {
    expect((await parse('{"a":{"b":[1,"x"]}}', 'application/json')).body).toEqual({ a: { b: [1, 'x'] } });
    expect((await parse('{"a":1}', 'APPLICATION/JSON; charset=utf-8', { base64: true })).body).toEqual({
      a: 1,
    });
  });

  it('an empty body reads as {}, with or without a media type', async () => {
    expect((await parse('', 'application/json')).body).toEqual({});
    expect((await parse('  \n', 'application/json')).body).toEqual({});
    expect((await parse(undefined)).body).toEqual({});
    expect((await parse('', '')).body).toEqual({});
  });

  it('text that is not JSON is a 400 on (body)', async () => {
    for (const text of ['{', '{"a":1,}', 'nul', '[]]']) {
      const { error } = await parse(text, 'application/json');
      expect(error, text).toBeInstanceOf(Invalid);
      expect(fieldsOf(error)).toEqual([{ path: '(body)', message: 'field.json' }]);
    }
  });

  it('nesting deeper than any body of ours is a 400 on (body), never a stack overflow later', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const { error } = await parse(deep, 'application/json');
    expect(error).toBeInstanceOf(Invalid);
    expect(fieldsOf(error)).toEqual([{ path: '(body)', message: 'field.json' }]);
    const ok = `${'{"a":'.repeat(20)}1${'}'.repeat(20)}`;
    expect((await parse(ok, 'application/json')).error).toBeUndefined();
  });

  it('a `__proto__` key is read as data, an own key for the schema to name, and pollutes nothing', async () => {
    const { error, body } = await parse('{"applicant":{"__proto__":{"admin":true}}}', 'application/json');
    expect(error).toBeUndefined();
    const applicant = (body as { applicant: object }).applicant;
    expect(Object.keys(applicant)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(applicant)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('only application/json is JSON: +json types, other types, and an unnamed non-empty body are 415', async () => {
    for (const type of [
      'application/merge-patch+json',
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=x',
    ])
      expect((await parse('{}', type)).error, type).toBeInstanceOf(UnsupportedMediaType);
    expect((await parse('{"a":1}')).error).toBeInstanceOf(UnsupportedMediaType);
  });
});

describe('the size limit', () => {
  it(`is ${MAX_BODY_BYTES} bytes of the decoded body, for JSON and forms alike, before any parsing`, async () => {
    const at = `"${'x'.repeat(MAX_BODY_BYTES - 2)}"`;
    expect((await parse(at, 'application/json')).error).toBeUndefined();
    expect((await parse(`${at} `, 'application/json')).error).toBeInstanceOf(TooLarge);
    expect(
      (await parse(`a=${'é'.repeat(MAX_BODY_BYTES / 2)}`, 'application/x-www-form-urlencoded')).error,
    ).toBeInstanceOf(TooLarge);
    expect((await parse('x'.repeat(MAX_BODY_BYTES + 1), 'text/plain')).error).toBeInstanceOf(TooLarge);
  });
});

describe('form posts', () => {
  const FORM = 'application/x-www-form-urlencoded';

  it('dotted names become nested objects, repeated names lists; the raw form stays readable', async () => {
    const { body, event: e } = await parse(
      'serviceCode=sku&applicant.name=Siti+Aminah&applicant.nik=3510&fields.tujuan=a&fields.tujuan=b&secret=s%20x',
      `${FORM}; charset=UTF-8`,
    );
    expect(body).toEqual({
      serviceCode: 'sku',
      applicant: { name: 'Siti Aminah', nik: '3510' },
      fields: { tujuan: ['a', 'b'] },
      secret: 's x',
    });
    expect(e.form?.get('secret')).toBe('s x');
    expect([...(e.form?.keys() ?? [])]).toHaveLength(6);
  });

  it('prototype names are dropped at any depth, and nothing is polluted', () => {
    const form = new URLSearchParams('__proto__.admin=1&a.constructor.prototype.x=1&b.prototype=2&c=3');
    expect(formToObject(form)).toEqual({ admin: '1', a: { x: '1' }, b: {}, c: '3' });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("the form's `lang` answers the request (and its errors), over the query and Accept-Language", async () => {
    const { event: e } = await parse('lang=en&a=1', FORM, {
      headers: { 'accept-language': 'id' },
      query: { lang: 'id' },
    });
    expect(e.lang).toBe('en');
    const { event: q } = await parse('a=1', FORM, { query: { lang: 'en' } });
    expect(q.lang).toBe('en');
  });

  it('a field whose percent-encoding is not UTF-8 is refused by name, in the language of the form', async () => {
    const { error, event: e } = await parse(
      'lang=en&applicant.name=%ED%A0%80&fields.x=%FF&ok=%E2%82%AC',
      FORM,
    );
    expect(error).toBeInstanceOf(Invalid);
    expect(fieldsOf(error)).toEqual([
      { path: 'applicant.name', message: 'field.unicode' },
      { path: 'fields.x', message: 'field.unicode' },
    ]);
    expect(e.lang).toBe('en');
  });
});
