/**
 * The local API adapter with in-test handlers: API Gateway v2 events from HTTP requests, the route
 * table's authorization, and the answers API Gateway gives (404, 501, 500, 413, bare and base64
 * results).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLocalTokens, loadOrCreateLocalKey, localJwks } from '../../functions/auth/local-identity';
import { tryVerifyIdToken } from '../../functions/lib/jwt';
import type { Route } from '../../functions/routes';
import { createLocalApi } from '../../infra/local/adapter';
import type { LambdaHandler } from '../../infra/local/lambda';

const ISSUER = 'http://localhost:3000/local-cognito';
const CLIENT_ID = 'test-client';

describe('local API adapter with in-test handlers', () => {
  const officer = { roles: { 'village-officer': 'village' } } as const;
  const routes: Route[] = [
    {
      id: 't.echo',
      method: 'POST',
      path: '/villages/{code}/requests',
      handler: 'echo',
      auth: 'public',
      summary: '',
    },
    {
      id: 't.queue',
      method: 'GET',
      path: '/villages/{code}/requests',
      handler: 'echo',
      auth: officer,
      summary: '',
    },
    {
      id: 't.search',
      method: 'GET',
      path: '/products/search',
      handler: 'static',
      auth: 'public',
      summary: '',
    },
    { id: 't.product', method: 'GET', path: '/products/{id}', handler: 'echo', auth: 'public', summary: '' },
    {
      id: 't.svc',
      method: 'GET',
      path: '/open311/v2/services/{code}.json',
      handler: 'echo',
      auth: 'public',
      summary: '',
    },
    {
      id: 't.svcs',
      method: 'GET',
      path: '/open311/v2/services.json',
      handler: 'static',
      auth: 'public',
      summary: '',
    },
    { id: 't.plain', method: 'GET', path: '/plain', handler: 'plain', auth: 'public', summary: '' },
    { id: 't.throws', method: 'GET', path: '/boom', handler: 'throws', auth: 'public', summary: '' },
    {
      id: 't.missing',
      method: 'GET',
      path: '/later',
      handler: 'not/written/yet',
      auth: 'public',
      summary: '',
    },
    { id: 't.bin', method: 'GET', path: '/bin', handler: 'bin', auth: 'public', summary: '' },
  ];
  const inTest: Record<string, LambdaHandler> = {
    echo: async (event) => ({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      cookies: ['a=1; Path=/', 'b=2; Path=/'],
      body: JSON.stringify(event),
    }),
    static: async () => ({ statusCode: 200, body: 'static' }),
    plain: async () => ({ hello: 'dunia' }),
    throws: async () => {
      throw new RangeError('secret personal data');
    },
    bin: async () => ({
      statusCode: 200,
      headers: { 'content-type': 'image/png' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]).toString('base64'),
      isBase64Encoded: true,
    }),
  };

  let server: Server;
  let base: string;
  let token: string;
  let loads = 0;

  beforeAll(async () => {
    const key = await loadOrCreateLocalKey();
    token = (
      await issueLocalTokens(
        key,
        { username: 'siti', groups: ['village-officer'], attributes: { 'custom:village': '3201012001' } },
        { issuer: ISSUER, audience: CLIENT_ID },
      )
    ).idToken;
    const listener = createLocalApi({
      routes,
      loadHandler: async (route) => {
        loads++;
        return inTest[route.handler];
      },
      verifyToken: (t) => tryVerifyIdToken(t, { issuer: ISSUER, audience: CLIENT_ID, jwks: localJwks(key) }),
    });
    server = createServer(listener);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((r) => server?.close(r));
  });

  async function event(res: Response): Promise<APIGatewayProxyEventV2WithJWTAuthorizer> {
    expect(res.status).toBe(200);
    return (await res.json()) as APIGatewayProxyEventV2WithJWTAuthorizer;
  }

  it('builds a payload 2.0 event (routeKey, decoded path params, query, cookies, headers, text body)', async () => {
    const res = await fetch(`${base}/villages/32%2001/requests?x=1&x=2&q=a%20b&flag`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'sid=abc; lang=id', 'X-Custom': 'v' },
      body: JSON.stringify({ nama: 'Siti' }),
    });
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const e = await event(res);
    expect(e.version).toBe('2.0');
    expect(e.routeKey).toBe('POST /villages/{code}/requests');
    expect(e.rawPath).toBe('/villages/32%2001/requests');
    expect(e.rawQueryString).toBe('x=1&x=2&q=a%20b&flag');
    expect(e.pathParameters).toEqual({ code: '32 01' });
    expect(e.queryStringParameters).toEqual({ x: '1,2', q: 'a b', flag: '' });
    expect(e.cookies).toEqual(['sid=abc', 'lang=id']);
    expect(e.headers['x-custom']).toBe('v');
    expect(e.headers.cookie).toBeUndefined();
    expect(e.isBase64Encoded).toBe(false);
    expect(JSON.parse(e.body ?? '')).toEqual({ nama: 'Siti' });
    expect(e.requestContext).toMatchObject({
      routeKey: 'POST /villages/{code}/requests',
      stage: '$default',
      http: { method: 'POST', path: '/villages/32%2001/requests', protocol: 'HTTP/1.1' },
    });
    expect(e.requestContext.requestId).toBe(res.headers.get('x-request-id'));
    expect(e.requestContext.time).toMatch(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
    expect(typeof e.requestContext.timeEpoch).toBe('number');
    expect(e.requestContext.authorizer).toBeUndefined(); // public route: no claims
  });

  it('base64-encodes binary and form-urlencoded bodies, like HTTP APIs do', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const bin = await event(
      await fetch(`${base}/villages/1/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: bytes,
      }),
    );
    expect(bin.isBase64Encoded).toBe(true);
    expect(new Uint8Array(Buffer.from(bin.body ?? '', 'base64'))).toEqual(bytes);
    const form = await event(
      await fetch(`${base}/villages/1/requests`, {
        method: 'POST',
        body: new URLSearchParams({ nama: 'Siti Aminah' }),
      }),
    );
    expect(form.isBase64Encoded).toBe(true);
    expect(Buffer.from(form.body ?? '', 'base64').toString()).toBe('nama=Siti+Aminah');
    const none = await event(await fetch(`${base}/villages/1/requests`, { method: 'POST' }));
    expect(none.body).toBeUndefined();
    expect(none.isBase64Encoded).toBe(false);
  });

  it('static segments beat params; a param with a suffix matches', async () => {
    expect(await (await fetch(`${base}/products/search`)).text()).toBe('static');
    expect((await event(await fetch(`${base}/products/p1`))).pathParameters).toEqual({ id: 'p1' });
    expect(await (await fetch(`${base}/open311/v2/services.json`)).text()).toBe('static');
    const svc = await event(await fetch(`${base}/open311/v2/services/SKTM.json`));
    expect(svc.pathParameters).toEqual({ code: 'SKTM' });
    expect(svc.routeKey).toBe('GET /open311/v2/services/{code}.json');
  });

  it('rejects non-public routes without a valid token (401) and passes claims stringified', async () => {
    const none = await fetch(`${base}/villages/3201012001/requests`);
    expect(none.status).toBe(401);
    // our error shape, Indonesian by default, English on request
    expect(await none.json()).toEqual({
      error: {
        code: 'unauthorized',
        message: 'Silakan masuk terlebih dahulu (token tidak ada atau tidak berlaku).',
      },
    });
    const bad = await fetch(`${base}/villages/3201012001/requests`, {
      headers: { authorization: 'Bearer x.y.z', 'accept-language': 'en' },
    });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({
      error: {
        code: 'unauthorized',
        message: 'Please sign in first (the token is missing or no longer valid).',
      },
    });
    const e = await event(
      await fetch(`${base}/villages/3201012001/requests`, { headers: { authorization: `Bearer ${token}` } }),
    );
    const claims = e.requestContext.authorizer.jwt.claims;
    expect(claims['cognito:groups']).toBe('[village-officer]');
    expect(claims['custom:village']).toBe('3201012001');
    expect(claims.token_use).toBe('id');
    expect(typeof claims.exp).toBe('string');
    expect(e.requestContext.authorizer.jwt.scopes).toBeNull();
  });

  it('answers 404, 501, 500, 413, bare results and base64 results like API Gateway', async () => {
    const nf = await fetch(`${base}/nope`);
    expect(nf.status).toBe(404);
    expect(await nf.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await fetch(`${base}/products/search`, { method: 'DELETE' })).status).toBe(404);

    const ni = await fetch(`${base}/later`);
    expect(ni.status).toBe(501);
    expect(await ni.json()).toMatchObject({ error: { code: 'not_implemented' } });

    const boom = await fetch(`${base}/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.json()).toEqual({ message: 'Internal Server Error' });

    const plain = await fetch(`${base}/plain`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('application/json');
    expect(await plain.json()).toEqual({ hello: 'dunia' });

    const bin = await fetch(`${base}/bin`);
    expect(new Uint8Array(await bin.arrayBuffer())).toEqual(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]),
    );

    const big = await fetch(`${base}/villages/1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(10 * 1024 * 1024 + 1),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'too_large' } });

    const pre = await fetch(`${base}/products/p1`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('loads each handler once, and retries a missing one', async () => {
    const before = loads;
    await fetch(`${base}/products/search`);
    await fetch(`${base}/products/search`);
    expect(loads).toBe(before); // already cached by earlier tests
    await fetch(`${base}/later`);
    await fetch(`${base}/later`);
    expect(loads).toBe(before + 2);
  });
});
