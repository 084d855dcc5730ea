/**
 * The local stand-in for API Gateway (HTTP API, payload format 2.0, JWT authorizer): mounts the route
 * table with find-my-way, builds the same event API Gateway would, runs the same handler module and
 * writes its result back the way API Gateway does.
 *
 * Faithful on purpose (a handler that works here must work in AWS):
 * - bodies are base64 (`isBase64Encoded: true`) for every content type except text/*, application/json,
 *   application/xml and application/javascript — INCLUDING application/x-www-form-urlencoded and a
 *   missing content type, as real HTTP APIs do;
 * - claims arrive stringified (`"cognito:groups": "[village-officer]"`, see ./claims);
 * - non-public routes are rejected with 401 before the handler runs when the bearer token is missing
 *   or invalid; roles/scopes are the handler's job (API Gateway only checks the token);
 * - a handler that throws → 500 `{"message":"Internal Server Error"}`; a handler slower than 30 s →
 *   503 `{"message":"Service Unavailable"}`;
 * - bodies over 10 MB → 413; an event over Lambda's 6 MB invocation limit → 413 as well (AWS answers
 *   those with an error too; here it is loud instead of silent).
 * Local-only: the 401/404/413 bodies use our `{error: {code, message}}` shape.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import FindMyWay from 'find-my-way';
import { negotiateLang, t } from '../../functions/lib/i18n';
import { corsRequestHeaders, type Route } from '../../functions/routes';
import {
  API_ID,
  apiGatewayTime,
  defaultRouteEvent,
  errorBody,
  isTextContentType,
  lambdaContext,
  MAX_BODY_BYTES,
  MAX_EVENT_BYTES,
  newRequestId,
  normalizeResult,
  type Reply,
  readBody,
  toFindMyWayPath,
} from './api-gateway';
import { toApiGatewayClaims } from './claims';
import { localInvocation } from './invocation';
import { ACCOUNT_ID, type LambdaHandler } from './lambda';

export interface LocalApiOptions {
  routes: readonly Route[];
  /** resolve a route's handler; `undefined` = module not written yet (→ 501). Called once per route. */
  loadHandler(route: Route): Promise<LambdaHandler | undefined>;
  /** verify a bearer token; the verified payload, or null when invalid */
  verifyToken(token: string): Promise<Record<string, unknown> | null>;
  /** requestContext.stage; default '$default' */
  stage?: string;
  /** one line per request (method, route id, status, ms — never paths or bodies) */
  log?: (line: string) => void;
  /** default 10 MB, API Gateway's limit */
  maxBodyBytes?: number;
  /** default 30 s, API Gateway's integration timeout */
  timeoutMs?: number;
  /** the `$default` route's handler: requests no route matches (without it: a plain 404) */
  notFound?: (event: APIGatewayProxyEventV2) => Promise<unknown> | unknown;
}

const TIMEOUT_MS = 30_000;

type Store = { route: Route };

export function createLocalApi(opts: LocalApiOptions): RequestListener {
  const stage = opts.stage ?? '$default';
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const timeoutMs = opts.timeoutMs ?? TIMEOUT_MS;
  const router = FindMyWay({ maxParamLength: 2048, caseSensitive: true, ignoreTrailingSlash: false });
  const noop = () => {};
  for (const route of opts.routes) {
    router.on(route.method, toFindMyWayPath(route.path), noop, { route } satisfies Store);
  }
  const handlers = new Map<string, Promise<LambdaHandler | undefined>>();

  function match(method: string, path: string): { route: Route; params: Record<string, string> } | null {
    let found: ReturnType<typeof router.find>;
    try {
      found = router.find(method as FindMyWay.HTTPMethod, path);
    } catch {
      return null;
    }
    if (!found) return null;
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(found.params)) {
      if (v === undefined || v === '') return null; // API Gateway never matches an empty segment
      params[k] = v;
    }
    return { route: (found.store as Store).route, params };
  }

  function allowedMethods(path: string): string[] {
    return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => match(m, path) !== null);
  }

  function getHandler(route: Route): Promise<LambdaHandler | undefined> {
    let p = handlers.get(route.id);
    if (!p) {
      p = opts.loadHandler(route);
      handlers.set(route.id, p);
      // cache only a loaded handler: a module that appears later (or a fixed import error) is picked up
      p.then(
        (h) => {
          if (!h) handlers.delete(route.id);
        },
        () => handlers.delete(route.id),
      );
    }
    return p;
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const requestId = newRequestId();
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const rawQueryString = q === -1 ? '' : rawUrl.slice(q + 1);
    let routeId = '-';

    const send = (reply: Reply, cors: boolean, headOnly = false) => {
      const headers: Record<string, string | string[]> = { ...reply.headers };
      headers['x-request-id'] ??= requestId;
      headers['apigw-requestid'] ??= requestId;
      if (cors) headers['access-control-allow-origin'] ??= '*';
      const body = reply.body;
      // a string body goes out as UTF-8 (what res.end does with it): its length without a copy
      headers['content-length'] = String(
        body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.length,
      );
      res.writeHead(reply.statusCode, headers);
      res.end(headOnly ? undefined : body);
      opts.log?.(`${method} ${routeId} ${reply.statusCode} ${Date.now() - started}ms`);
    };
    const sendJson = (statusCode: number, body: string, extra: Record<string, string> = {}) =>
      send({ statusCode, headers: { 'content-type': 'application/json', ...extra }, body }, true);

    void (async () => {
      // CORS preflight for any path (API Gateway answers these itself when CORS is configured).
      if (method === 'OPTIONS') {
        const allowed = allowedMethods(rawPath);
        send(
          {
            statusCode: 204,
            headers: {
              'access-control-allow-origin': '*',
              'access-control-allow-methods': [...allowed, 'OPTIONS'].join(','),
              'access-control-allow-headers': corsRequestHeaders.join(','),
              'access-control-max-age': '600',
            },
          },
          true,
        );
        return;
      }

      const headOnly = method === 'HEAD';
      const matched = match(headOnly ? 'GET' : method, rawPath);
      const read = readBody(req, maxBody);
      const { body: rawBody, tooLarge } = read instanceof Promise ? await read : read;
      if (!matched) {
        // API Gateway's `$default` route (functions/lib/not-found) when the runtime provides it
        const reply = opts.notFound
          ? normalizeResult(await opts.notFound(defaultRouteEvent(req, requestId, rawPath, rawQueryString)))
          : null;
        if (reply) send(reply, true, headOnly);
        else sendJson(404, errorBody('not_found', `no route for ${method} ${rawPath}`));
        return;
      }
      const { route, params } = matched;
      routeId = route.id;
      if (tooLarge) {
        sendJson(413, errorBody('too_large', `request body exceeds ${maxBody} bytes`));
        return;
      }

      // headers: lower-cased, repeated ones joined by ','; cookies moved to `cookies` (one pass over
      // the raw pairs: cheaper than `headersDistinct`, which builds an array per header)
      const headers: Record<string, string> = {};
      const cookies: string[] = [];
      const raw = req.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) {
        const name = (raw[i] as string).toLowerCase();
        const value = raw[i + 1] as string;
        if (name === 'cookie') {
          for (const c of value.split(';')) {
            const trimmed = c.trim();
            if (trimmed !== '') cookies.push(trimmed);
          }
          continue;
        }
        const prev = headers[name];
        headers[name] = prev === undefined ? value : `${prev},${value}`;
      }
      const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
      headers['x-forwarded-for'] = headers['x-forwarded-for']
        ? `${headers['x-forwarded-for']}, ${sourceIp}`
        : sourceIp;
      headers['x-forwarded-proto'] ??= 'http';
      headers['x-forwarded-port'] ??= String(req.socket.localPort ?? '');

      let queryStringParameters: Record<string, string> | undefined;
      if (rawQueryString !== '') {
        queryStringParameters = {};
        for (const [k, v] of new URLSearchParams(rawQueryString)) {
          const prev = queryStringParameters[k];
          queryStringParameters[k] = prev === undefined ? v : `${prev},${v}`;
        }
      }

      // API Gateway's JWT authorizer: public routes carry no authorizer at all
      let authorizer: APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer'] | undefined;
      if (route.auth !== 'public') {
        const header = headers.authorization ?? '';
        const token = header.replace(/^Bearer\s+/i, '').trim();
        const payload = token === '' ? null : await opts.verifyToken(token).catch(() => null);
        if (!payload) {
          // our error shape, in the caller's language (on AWS API Gateway's authorizer answers this
          // itself, as {"message":"Unauthorized"}: docs/decisions/0015-every-error-in-our-shape.md)
          const lang = negotiateLang(headers['accept-language'], queryStringParameters?.lang);
          sendJson(401, errorBody('unauthorized', t(lang, 'error.unauthorized')), {
            'www-authenticate': token === '' ? 'Bearer' : 'Bearer error="invalid_token"',
          });
          return;
        }
        authorizer = {
          principalId: '',
          integrationLatency: 0,
          jwt: { claims: toApiGatewayClaims(payload), scopes: null as unknown as string[] },
        };
      }

      const now = new Date();
      const routeKey = `${route.method} ${route.path}`;
      const contentType = headers['content-type'];
      const hasBody = rawBody.length > 0;
      const isBase64Encoded = hasBody && !isTextContentType(contentType);
      const event = {
        version: '2.0',
        routeKey,
        rawPath,
        rawQueryString,
        ...(cookies.length > 0 ? { cookies } : {}),
        headers,
        ...(queryStringParameters ? { queryStringParameters } : {}),
        ...(Object.keys(params).length > 0 ? { pathParameters: params } : {}),
        requestContext: {
          accountId: ACCOUNT_ID,
          apiId: API_ID,
          ...(authorizer ? { authorizer } : {}),
          domainName: headers.host ?? 'localhost',
          domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
          http: {
            method,
            path: rawPath,
            protocol: `HTTP/${req.httpVersion}`,
            sourceIp,
            userAgent: headers['user-agent'] ?? '',
          },
          requestId,
          routeKey,
          stage,
          time: apiGatewayTime(now),
          timeEpoch: now.getTime(),
        },
        ...(hasBody ? { body: isBase64Encoded ? rawBody.toString('base64') : rawBody.toString('utf8') } : {}),
        isBase64Encoded,
      } as APIGatewayProxyEventV2WithJWTAuthorizer;

      // the body dominates the event; headers and context add a few KB at most (cheaper than stringifying)
      const approxEventBytes = (event.body?.length ?? 0) + (req.rawHeaders?.join('').length ?? 0) + 2048;
      if (approxEventBytes > MAX_EVENT_BYTES) {
        sendJson(413, errorBody('too_large', "request exceeds Lambda's 6 MB invocation payload limit"));
        return;
      }

      let handler: LambdaHandler | undefined;
      try {
        handler = await getHandler(route);
      } catch (err) {
        console.error(`[local-api] ${route.id}: loading handler failed: ${(err as Error)?.name ?? 'Error'}`);
        sendJson(500, JSON.stringify({ message: 'Internal Server Error' }));
        return;
      }
      if (!handler) {
        sendJson(501, errorBody('not_implemented', `${route.id} (${route.handler}) is not implemented yet`));
        return;
      }

      let result: unknown;
      let timer: NodeJS.Timeout | undefined;
      try {
        const deadline = Date.now() + timeoutMs;
        const timedOut = Symbol('timeout');
        result = await Promise.race([
          localInvocation.run({ routeId: route.id }, () =>
            Promise.resolve().then(() => handler(event, lambdaContext(route, randomUUID(), deadline))),
          ),
          new Promise((r) => {
            timer = setTimeout(() => r(timedOut), timeoutMs);
          }),
        ]);
        if (result === timedOut) {
          console.error(`[local-api] ${route.id}: handler timed out after ${timeoutMs} ms`);
          sendJson(503, JSON.stringify({ message: 'Service Unavailable' }));
          return;
        }
      } catch (err) {
        // name only: messages and stacks can carry personal data
        console.error(`[local-api] ${route.id}: handler threw ${(err as Error)?.name ?? typeof err}`);
        sendJson(500, JSON.stringify({ message: 'Internal Server Error' }));
        return;
      } finally {
        clearTimeout(timer);
      }
      const reply = normalizeResult(result);
      if (!reply) {
        console.error(`[local-api] ${route.id}: malformed handler result`);
        sendJson(500, JSON.stringify({ message: 'Internal Server Error' }));
        return;
      }
      send(reply, route.auth === 'public', headOnly);
    })().catch((err: unknown) => {
      console.error(`[local-api] adapter failure: ${(err as Error)?.name ?? 'Error'}`);
      if (!res.headersSent) sendJson(500, JSON.stringify({ message: 'Internal Server Error' }));
      else res.destroy();
    });
  };
}
