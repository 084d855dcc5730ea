/**
 * The OpenAPI 3.1 document, generated: paths, methods, operation ids, summaries and security from the
 * route table (functions/routes/), parameters, bodies and answers from the routes' contracts — the
 * zod schemas the handlers validate with (./registry.ts). Nothing here is written by hand per route.
 */
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { WhatsApp } from '../lib/contact';
import type { Contract, OperationDoc } from '../lib/contract';
import { Nik } from '../requests/schemas';
import { type Route, routes } from '../routes';
import { ErrorBody, registry } from './registry';

const ERRORS: Record<string, string> = {
  '400': 'Invalid input; `fields` names each offending field',
  '401': 'Missing or invalid bearer token',
  '403': 'Role or scope does not admit this caller (or the request secret is wrong)',
  '404': 'Not found',
  '409': 'Conflict (stale version, Idempotency-Key reuse)',
  '413': 'Body too large',
  '415': 'Unsupported content type',
  '422': 'Not processable in the current state',
  '429': 'Too many requests',
};

/** A route's contract and its document part, with the shown schemas resolved. */
type Operation = Omit<OperationDoc, 'params' | 'query' | 'body'> &
  Pick<Contract, 'errors' | 'params' | 'query' | 'body'>;

function errorResponses(route: Route, schemas: Operation) {
  const schema = schemas.errors?.schema ?? ErrorBody;
  const codes = Object.keys(ERRORS).filter((code) => {
    if (code === '401' || code === '403') return route.auth !== 'public' || code === '403';
    if (code === '413' || code === '415') return schemas.body !== undefined;
    return true;
  });
  return Object.fromEntries(
    [...codes, '500'].map((code) => [
      code,
      {
        description: ERRORS[code] ?? 'Internal error',
        content: {
          'application/json': { schema },
          // browsers on the HTML routes get the same error as a page
          ...(route.html ? { 'text/html': { schema: { type: 'string' as const } } } : {}),
        },
      },
    ]),
  );
}

function operation(
  route: Route,
  contract: Contract | undefined,
  doc: OperationDoc,
): ZodOpenApiOperationObject {
  const schemas: Operation = {
    ...doc,
    errors: contract?.errors,
    params: doc.params ?? contract?.params,
    query: doc.query ?? contract?.query,
    body: doc.body ?? contract?.body,
  };
  const ok = schemas.response ?? { status: 200 };
  const content = ok.html
    ? { 'text/html': { schema: { type: 'string' as const } } }
    : ok.schema
      ? {
          'application/json': { schema: ok.schema },
          ...(route.html ? { 'text/html': { schema: { type: 'string' as const } } } : {}),
        }
      : undefined;
  return {
    operationId: route.id,
    summary: route.summary,
    tags: [route.path.startsWith('/open311') ? 'open311' : (route.path.split('/')[1] ?? 'platform')],
    security: route.auth === 'public' ? [] : [{ bearerAuth: [] }],
    ...(route.auth !== 'public'
      ? {
          description: `Roles: ${Object.entries(route.auth.roles)
            .map(([r, s]) => `${r} (${s})`)
            .join(', ')}`,
        }
      : {}),
    requestParams: {
      ...(schemas.params ? { path: schemas.params } : {}),
      ...(schemas.query ? { query: schemas.query } : {}),
    },
    ...(schemas.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              (schemas.bodyTypes ?? ['application/json']).map((type) => [type, { schema: schemas.body }]),
            ),
          },
        }
      : {}),
    responses: {
      [String(ok.status)]: { description: ok.description ?? 'OK', ...(content ? { content } : {}) },
      ...Object.fromEntries(
        (schemas.alsoResponses ?? []).map((r) => [
          String(r.status),
          { description: r.description, content: { 'application/json': { schema: r.schema } } },
        ]),
      ),
      ...errorResponses(route, schemas),
    },
  };
}

export async function buildDocument(opts: { serverUrl?: string } = {}) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes as readonly Route[]) {
    if (route.localOnly) continue;
    const contract: Contract | undefined = registry[route.id as keyof typeof registry];
    // one route after another: the components are registered in the routes' order
    const doc = (await contract?.openapi?.()) ?? {};
    paths[route.path] ??= {};
    const item = paths[route.path] ?? {};
    item[route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'] = operation(
      route,
      contract,
      doc,
    );
  }
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'Smart Kampung API',
        version: '1',
        description:
          'Village service requests of a regency: catalogue, citizen submissions and tracking, officer queues, and Open311 GeoReport v2 over the same data. Messages are in Bahasa Indonesia unless Accept-Language (or ?lang=en) asks for English.',
      },
      ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
      paths,
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'Cognito ID token (locally: POST /local/token)',
          },
        },
      },
    },
    {
      // refinements and transforms have no JSON Schema of their own: say what they check
      override: ({ zodSchema, jsonSchema, io }) => {
        if (zodSchema === Nik) {
          jsonSchema.pattern = '^\\s*\\d{16}\\s*$';
          jsonSchema.description =
            'NIK: 16 digits with a real province and regency/city prefix and birth date (women: day + 40)';
        }
        if (zodSchema === WhatsApp && io === 'input') {
          jsonSchema.description = 'Indonesian mobile number (08…, 62… or +62…); stored as +62…';
        }
      },
    },
  );
}
