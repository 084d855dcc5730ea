/**
 * The chain as `endpoint()` composes it (lib/http.ts): the order of the steps decides which error a
 * client sees first, and the handler's argument is typed by what the middlewares add.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Caller } from '../../../../functions/lib/auth';
import { contract } from '../../../../functions/lib/contract';
import { endpoint, type HttpRequest, json } from '../../../../functions/lib/http';
import { MAX_BODY_BYTES } from '../../../../functions/lib/middleware/body';
import * as z from '../../../../functions/lib/zod';
import type { Role } from '../../../../functions/routes';
import { event } from './support';

const transition = contract({
  route: 'requests.transition',
  params: z.object({ id: z.string() }),
  body: z.strictObject({ to: z.string(), version: z.number() }),
});
const officer = {
  sub: 's',
  token_use: 'id',
  'cognito:groups': '[village-officer]',
  'custom:village': '35.10.24.2008',
};

const call = async (handler: ReturnType<typeof endpoint>, e: ReturnType<typeof event>) => {
  const res = await handler(e, {} as never);
  return { status: res.statusCode, body: JSON.parse(res.body || 'null'), headers: res.headers ?? {} };
};

describe('the chain', () => {
  const echo = endpoint(transition, async ({ params, body, caller, lang }) =>
    json(200, { params, body, caller: caller?.village, lang }),
  );

  it('runs every step before the handler and hands it what they found', async () => {
    const res = await call(
      echo,
      event({
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' },
        params: { id: 'abc' },
        body: '{"to":"approved","version":2}',
        claims: officer,
      }),
    );
    expect(res).toMatchObject({
      status: 200,
      body: {
        params: { id: 'abc' },
        body: { to: 'approved', version: 2 },
        caller: '35.10.24.2008',
        lang: 'en',
      },
    });
  });

  it('authorization comes before the body: no sign-in is a 401, whatever the body', async () => {
    const res = await call(
      echo,
      event({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }),
    );
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('the body comes before validation: a 415 or 413 is answered before any field error', async () => {
    const signedIn = { method: 'POST', params: { id: '' }, claims: officer };
    expect(
      (await call(echo, event({ ...signedIn, headers: { 'content-type': 'text/plain' }, body: '{}' })))
        .status,
    ).toBe(415);
    const big = JSON.stringify({ to: 'x'.repeat(MAX_BODY_BYTES) });
    expect(
      (await call(echo, event({ ...signedIn, headers: { 'content-type': 'application/json' }, body: big })))
        .status,
    ).toBe(413);
  });

  it('a route that declares no body reads none: no 413 or 415 for one', async () => {
    const get = endpoint(contract({ route: 'villages.get' }), async ({ body }) =>
      json(200, { body: body ?? null }),
    );
    const res = await call(
      get,
      event({ headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(MAX_BODY_BYTES + 1) }),
    );
    expect(res).toMatchObject({ status: 200, body: { body: null } });
  });

  it("types flow from the contract and the middlewares to the handler's argument", () => {
    type R = HttpRequest<typeof transition>;
    expectTypeOf<R['params']>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<R['body']>().toEqualTypeOf<{ to: string; version: number }>();
    expectTypeOf<R['caller']>().toEqualTypeOf<Caller | undefined>();
    expectTypeOf<R['authorize']>().returns.toEqualTypeOf<Role>();
    expectTypeOf<R['form']>().toEqualTypeOf<URLSearchParams | undefined>();
    type Bare = HttpRequest<ReturnType<typeof contract<{ route: 'villages.get' }>>>;
    expectTypeOf<Bare['body']>().toEqualTypeOf<undefined>();
    expectTypeOf<Bare['query']>().toEqualTypeOf<Record<string, string>>();
  });
});
