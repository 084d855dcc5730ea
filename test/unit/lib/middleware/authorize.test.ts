/**
 * Route authorization (lib/middleware/authorize.ts): the route table's roles decide before the handler
 * runs; the scope of the caller's role over the very resource is `authorize(target)`, bound to the route.
 */
import { describe, expect, it } from 'vitest';
import { Forbidden, Unauthorized } from '../../../../functions/lib/errors';
import { type Authorized, authorizeRoute } from '../../../../functions/lib/middleware/authorize';
import type { Event } from '../../../../functions/lib/responses';
import { routeById } from '../../../../functions/routes';
import { before, event, request } from './support';

const officer = (village: string, token_use = 'id') => ({
  sub: 'sub-1',
  token_use,
  'cognito:username': 'officer@tamansari-licin',
  'cognito:groups': '[village-officer]',
  'custom:village': village,
  'custom:kecamatan': village.slice(0, 8),
  'custom:regency': village.slice(0, 5),
});
const seller = {
  sub: 'sub-2',
  token_use: 'id',
  'cognito:groups': '[seller]',
  'custom:village': '35.10.24.2008',
};

async function run(routeId: Parameters<typeof routeById>[0], claims?: Record<string, unknown>) {
  const r = request<Event & Authorized>(event(claims ? { claims } : {}));
  const error = await before(authorizeRoute(routeById(routeId)), r);
  return { error, event: r.event };
}

describe('route authorization', () => {
  it('a public route runs without a caller, and with one it knows who is asking', async () => {
    expect(await run('villages.get')).toMatchObject({ error: undefined, event: { caller: undefined } });
    const signedIn = await run('products.get', officer('35.10.24.2008'));
    expect(signedIn.event.caller?.groups).toEqual(['village-officer']);
  });

  it('a route with roles refuses a missing sign-in with 401, and an access token counts as none', async () => {
    expect((await run('requests.transition')).error).toBeInstanceOf(Unauthorized);
    expect((await run('requests.transition', officer('35.10.24.2008', 'access'))).error).toBeInstanceOf(
      Unauthorized,
    );
  });

  it('a role the route table does not list for the route gets 403 before the handler', async () => {
    expect((await run('requests.transition', seller)).error).toBeInstanceOf(Forbidden);
  });

  it("an admitted caller's scope is checked against the resource: its village, not another", async () => {
    const { error, event: e } = await run('requests.transition', officer('35.10.24.2008'));
    expect(error).toBeUndefined();
    expect(e.caller?.village).toBe('35.10.24.2008');
    expect(e.authorize({ villageCode: '35.10.24.2008' })).toBe('village-officer');
    expect(() => e.authorize({ villageCode: '35.10.24.2001' })).toThrow(Forbidden);
    expect(() => e.authorize({ kecamatanCode: '35.10.24' })).toThrow(Forbidden);
  });
});
