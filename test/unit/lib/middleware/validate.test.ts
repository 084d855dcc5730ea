/**
 * Validation (lib/middleware/validate.ts): the contract's schemas over params, query and body, every
 * field error of the three in one 400, in words the strings files hold; and the Unicode rule for what
 * no string schema read.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../functions/lib/contract';
import { type AppError, Invalid } from '../../../../functions/lib/errors';
import { validate, validateInput, zodFields } from '../../../../functions/lib/middleware/validate';
import * as z from '../../../../functions/lib/zod';
import { SubmitBody } from '../../../../functions/requests/schemas';
import { VillageParams } from '../../../../functions/villages/schemas';
import { before, event, request } from './support';

const transition = contract({
  route: 'requests.transition',
  params: z.object({ id: z.string().check(z.regex(/^[a-z0-9]{6}$/, 'field.invalid')) }),
  query: z.object({ limit: z._default(z.coerce.number().check(z.int(), z.maximum(100)), 25) }),
  body: z.strictObject({ to: z.string(), version: z.number() }),
});

function fieldsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Invalid);
    return (error as AppError).fields;
  }
  throw new Error('no error');
}

describe('validation', () => {
  it('every field error of params, query and body comes in one 400, params first', () => {
    expect(
      fieldsOf(() =>
        validateInput(transition, {
          params: { id: 'X' },
          query: { limit: '500' },
          body: { version: 'one', extra: 1 },
        }),
      ),
    ).toEqual([
      { path: 'id', message: 'field.invalid' },
      { path: 'limit', message: 'field.too_long' },
      { path: 'to', message: 'field.required' },
      { path: 'version', message: 'field.invalid' },
      { path: 'extra', message: 'field.unknown' },
    ]);
  });

  it('the handler gets each part as its schema outputs it (coerced, defaulted); on the event', async () => {
    const e = event({ params: { id: 'abc123' }, query: {} });
    Object.assign(e, { body: { to: 'approved', version: 3 } });
    const r = request<Record<string, unknown>>(e);
    expect(await before(validate(transition), r)).toBeUndefined();
    expect(r.event).toMatchObject({
      params: { id: 'abc123' },
      query: { limit: 25 },
      body: { to: 'approved', version: 3 },
    });
  });

  it('a part without a schema passes as sent; a contract without a body has none', () => {
    const bare = contract({ route: 'villages.get' });
    expect(validateInput(bare, { params: { code: 'x' }, query: { q: 'y' }, body: '{"a":1}' })).toEqual({
      params: { code: 'x' },
      query: { q: 'y' },
      body: undefined,
    });
  });

  it('what no string schema reads is held to the Unicode rule: a body taken whole, keys, extra keys', () => {
    const whole = contract({ route: 'requests.submit', params: VillageParams, body: z.unknown() });
    expect(
      fieldsOf(() =>
        validateInput(whole, {
          params: { code: '35.10.24.2008' },
          query: {},
          body: { a: ['ok', 'x\ud800'], 'k\udc00': 1 },
        }),
      ),
    ).toEqual([
      { path: 'a.1', message: 'field.unicode' },
      { path: 'k\udc00', message: 'field.unicode' },
    ]);
    const loose = contract({ route: 'villages.list', query: z.object({ q: z.optional(z.string()) }) });
    expect(
      fieldsOf(() =>
        validateInput(loose, { params: {}, query: { q: 'ok', utm: '\ud800' }, body: undefined }),
      ),
    ).toEqual([{ path: 'utm', message: 'field.unicode' }]);
  });

  it('names each field with a strings-file key: required, too long, unknown, a union branch, the root', () => {
    const parsed = SubmitBody.safeParse({
      serviceCode: 'x'.repeat(100),
      applicant: { name: 'Siti', nik: '3510', whatsapp: 'not a number' },
      fields: {},
    });
    const fields = zodFields(parsed.error as z.core.$ZodError);
    expect(fields.map((f) => f.path)).toEqual(
      expect.arrayContaining(['serviceCode', 'applicant.nik', 'applicant.whatsapp']),
    );
    for (const f of fields) expect(f.message, f.path).toMatch(/^field\./);
    expect(fields.find((f) => f.path === 'applicant.whatsapp')?.message).toBe('field.whatsapp');
    expect(
      zodFields(z.strictObject({ a: z.string() }).safeParse({ a: 'x', b: 1 }).error as z.core.$ZodError),
    ).toEqual([{ path: 'b', message: 'field.unknown' }]);
    expect(zodFields(z.object({ a: z.string() }).safeParse([]).error as z.core.$ZodError)).toEqual([
      { path: '(body)', message: 'field.body_object' },
    ]);
    expect(
      zodFields(
        z.object({ a: z.string().check(z.maxLength(2)) }).safeParse({ a: 'abc' }).error as z.core.$ZodError,
      ),
    ).toEqual([{ path: 'a', message: 'field.too_long' }]);
  });
});
