/**
 * (c) The body of a route that declares one: at most 64 KB (files never pass through the API: they go
 * straight to S3), then JSON or an HTML form post; any other media type is a 415.
 *
 * JSON: exactly `application/json`, an empty body reads as `{}`, text that is not JSON is a 400
 * `field.json` on `(body)`. Not @middy/http-json-body-parser: behind our gate it would parse alike (its
 * 422s mapped to our 400), but its errors bring `node:http` into every function at cold start (for
 * `STATUS_CODES`, ~20 ms of CPU; the SDK loads it only when it sends), and it would refuse a `__proto__`
 * key that we have always read as data (a schema then names it, or drops it).
 *
 * Forms: not @middy/http-urlencode-body-parser, whose `querystring.parse` would change what we answer:
 * it keeps only the first 1000 fields, turns bytes that are not UTF-8 into U+FFFD without a word (we
 * refuse them by name: lib/unicode.ts), knows no dotted names (`applicant.nik` is `{applicant: {nik}}`
 * here); handlers also read the form itself in order (`attribute[x][]` of Open311, the receipt's
 * hidden `secret`), which URLSearchParams keeps.
 */
import type middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { Invalid, TooLarge, UnsupportedMediaType } from '../errors';
import { negotiateLang } from '../i18n';
import type { Event, Result } from '../responses';
import { readForm, UNICODE_MESSAGE } from '../unicode';
import { FORM, mediaType, type Negotiated } from './negotiate';

/** Largest JSON / form body we accept. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface ParsedBody {
  /** the raw form, when the body was a form post */
  form?: URLSearchParams;
}

type BodyEvent = Omit<Event, 'body'> & { body?: unknown } & Negotiated & ParsedBody;

/** Flat dotted form names (`applicant.nik`, `fields.jenis_usaha`) into a nested object. */
export function formToObject(form: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of form) {
    const path = name.split('.');
    let node = out;
    path.forEach((segment, i) => {
      if (segment === '__proto__' || segment === 'constructor' || segment === 'prototype') return;
      if (i === path.length - 1) {
        const prev = node[segment];
        node[segment] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
      } else {
        const next = node[segment];
        node[segment] = next && typeof next === 'object' && !Array.isArray(next) ? next : {};
        node = node[segment] as Record<string, unknown>;
      }
    });
  }
  return out;
}

const MAX_DEPTH = 32;

/** Whether arrays and objects in `value` nest deeper than `max` (walked without recursion). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (!node || typeof node !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

function rawBody(event: BodyEvent): string {
  if (typeof event.body !== 'string' || event.body === '') return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

export function parseBody(): middy.MiddlewareObj<BodyEvent, Result, Error, Context> {
  return {
    name: 'parse-body',
    before: ({ event }) => {
      const text = rawBody(event);
      if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new TooLarge();
      const type = mediaType(event.headers['content-type']);
      if (type === FORM) {
        const { form, illFormed } = readForm(text);
        event.form = form;
        // a form may carry the page's language (`lang`), which then answers its errors too
        event.lang = negotiateLang(
          event.headers['accept-language'],
          form.get('lang') ?? event.queryStringParameters?.lang,
        );
        // bytes that are not UTF-8 (`%ED%A0%80`): refused by name, not read as U+FFFD
        if (illFormed.length)
          throw new Invalid(illFormed.map((path) => ({ path, message: UNICODE_MESSAGE })));
        const body = formToObject(form);
        if (nestedDeeperThan(body, MAX_DEPTH))
          throw new Invalid([{ path: '(body)', message: 'field.invalid' }]);
        event.body = body;
      } else if (type === 'application/json' || (type === '' && text.trim() === '')) {
        let parsed: unknown;
        try {
          parsed = text.trim() === '' ? {} : JSON.parse(text);
        } catch {
          throw new Invalid([{ path: '(body)', message: 'field.json' }]);
        }
        // no body of ours nests deeper; a deeper one would overflow the recursive checks after this
        if (nestedDeeperThan(parsed, MAX_DEPTH))
          throw new Invalid([{ path: '(body)', message: 'field.json' }]);
        event.body = parsed;
      } else {
        throw new UnsupportedMediaType();
      }
    },
  };
}
