// biome-ignore-all lint/suspicious/noExplicitAny: the API answers under test are untyped JSON
/**
 * GET /openapi.json over the real local runtime: OpenAPI 3.1 generated from the route table and the
 * zod schemas — every deployed route, no local-only one, no dangling `$ref`, and schemas that compile
 * as JSON Schema 2020-12 (the dialect of OpenAPI 3.1).
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Route, routes } from '../../functions/routes';
import { startLocalRuntime } from '../../infra/local/runtime';

type Json = Record<string, any>;
let doc: Json;
let status: number;
let stop: () => Promise<void>;

/** Follows a local JSON pointer (`#/components/schemas/Error`); undefined when it leads nowhere. */
function resolvePointer(root: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      root,
    );
}

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const x of node) collectRefs(x, out);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else collectRefs(v, out);
    }
  return out;
}

/** A schema with its component references inlined, ready for a standalone JSON Schema validator. */
function inline(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inline);
  if (node && typeof node === 'object') {
    const obj = node as Json;
    if (typeof obj.$ref === 'string') return inline(resolvePointer(doc, obj.$ref));
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, inline(v)]));
  }
  return node;
}

beforeAll(async () => {
  const runtime = await startLocalRuntime({ port: 0, seed: false });
  stop = runtime.stop;
  const res = await fetch(`${runtime.apiUrl}/openapi.json`);
  status = res.status;
  doc = (await res.json()) as Json;
}, 120_000);

afterAll(async () => {
  await stop?.();
}, 30_000);

describe('GET /openapi.json', () => {
  it('is OpenAPI 3.1 with info and a bearer JWT scheme', () => {
    expect(status).toBe(200);
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBeTruthy();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
  });

  it('documents every deployed route (and no local-only one) from the route table', () => {
    for (const route of routes as readonly Route[]) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      if (route.localOnly) {
        expect(op, route.id).toBeUndefined();
        continue;
      }
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op.operationId).toBe(route.id);
      expect(op.summary).toBe(route.summary);
      if (route.auth === 'public') expect(op.security ?? []).toEqual([]);
      else expect(op.security).toEqual([{ bearerAuth: [] }]);
      // every {param} of the path is declared as a path parameter
      const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p: Json) => p.in === 'path').map((p: Json) => p.name);
      expect(declared.sort(), route.id).toEqual(names.sort());
    }
    const ids = Object.values(doc.paths).flatMap((item: any) =>
      Object.values(item).map((op: any) => op.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the submit body schema with applicant.nik, generated from the zod schema', () => {
    const op = doc.paths['/villages/{code}/requests'].post;
    const schema = inline(op.requestBody.content['application/json'].schema) as Json;
    expect(schema.required).toEqual(expect.arrayContaining(['serviceCode', 'applicant']));
    expect(schema.properties.applicant.properties.nik.type).toBe('string');
    expect(schema.properties.applicant.required).toContain('nik');
    expect(op.requestBody.content['application/x-www-form-urlencoded']).toBeDefined();
    expect(op.parameters).toContainEqual(
      expect.objectContaining({ in: 'path', name: 'code', required: true }),
    );

    const ajv = addFormats(new Ajv2020({ strict: false }));
    const check = ajv.compile(schema);
    expect(
      check({ serviceCode: 'sku', applicant: { name: 'Budi Santoso', nik: '3510241508900001' }, fields: {} }),
    ).toBe(true);
    expect(check({ serviceCode: 'sku', applicant: { name: 'Budi Santoso' } })).toBe(false);
  });

  it('documents error answers: {error:{code,message,fields}}, Open311 routes as [{code,description}]', () => {
    const error = resolvePointer(doc, '#/components/schemas/Error') as Json;
    expect(error.properties.error.required).toEqual(expect.arrayContaining(['code', 'message']));
    expect(error.properties.error.properties.fields.items.properties).toHaveProperty('path');
    const queue = doc.paths['/villages/{code}/requests'].get;
    expect(queue.responses['401'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    const open311 = doc.paths['/open311/v2/requests.json'].post;
    expect(open311.requestBody.content['application/x-www-form-urlencoded'].schema.required).toEqual(
      expect.arrayContaining(['jurisdiction_id', 'service_code', 'attribute[applicant_nik]']),
    );
    expect(open311.responses['400'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/Open311Errors',
    );
    const query = doc.paths['/open311/v2/requests.json'].get.parameters.map((p: Json) => p.name);
    expect(query).toEqual(
      expect.arrayContaining([
        'jurisdiction_id',
        'service_request_id',
        'service_code',
        'start_date',
        'end_date',
        'status',
      ]),
    );
  });

  it('has no dangling $ref and every schema compiles as JSON Schema 2020-12', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(resolvePointer(doc, ref), ref).toBeDefined();
    const ajv = addFormats(new Ajv2020({ strict: false }));
    let compiled = 0;
    for (const item of Object.values(doc.paths) as Json[])
      for (const op of Object.values(item) as Json[]) {
        const media = [
          ...Object.values(op.requestBody?.content ?? {}),
          ...Object.values(op.responses ?? {}).flatMap((r: any) => Object.values(r.content ?? {})),
        ] as Json[];
        for (const m of media) {
          ajv.compile(inline(m.schema) as Json);
          compiled++;
        }
        for (const p of op.parameters ?? []) {
          ajv.compile(inline(p.schema) as Json);
          compiled++;
        }
      }
    expect(compiled).toBeGreaterThan(50);
  });
});
