// biome-ignore-all lint/suspicious/noExplicitAny: the generated document is untyped JSON
/**
 * /openapi.json says what each service field takes (issue 13, defect 6): its JSON type and allowed
 * values, per service of the regency's default catalogue, and the catalogue route documents the
 * datatype and values of every field a village's own services have. A client developer can build
 * the `fields` of a submission from the document alone.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../../functions/catalogue/regency-defaults';
import { buildDocument } from '../../../functions/openapi/document';

type Json = Record<string, any>;
const doc = (await buildDocument()) as Json;

/** A schema with its component references inlined, for a standalone validator. */
function inline(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inline);
  if (node && typeof node === 'object') {
    const obj = node as Json;
    if (typeof obj.$ref === 'string') {
      const name = obj.$ref.replace('#/components/schemas/', '');
      return inline(doc.components.schemas[name]);
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, inline(v)]));
  }
  return node;
}

const submit = () =>
  inline(doc.paths['/villages/{code}/requests'].post.requestBody.content['application/json'].schema) as Json;

/** The documented `fields` of one service of the default catalogue. */
function serviceFields(code: string): Json {
  const branches = submit().properties.fields.anyOf as Json[];
  const branch = branches.find((b) => b.title?.startsWith(`${code}:`));
  expect(branch, code).toBeDefined();
  return branch as Json;
}

describe('/openapi.json documents the fields of each service', () => {
  it('every field of every default service is documented with its JSON type and label', () => {
    for (const service of DEFAULT_CATALOGUE) {
      const fields = serviceFields(service.code);
      expect(Object.keys(fields.properties).sort(), service.code).toEqual(
        service.fields.map((f) => f.code).sort(),
      );
      expect(fields.required ?? [], service.code).toEqual(
        expect.arrayContaining(service.fields.filter((f) => f.required).map((f) => f.code)),
      );
      for (const field of service.fields) {
        const schema = fields.properties[field.code];
        expect(schema.type ?? schema.anyOf, `${service.code}.${field.code}`).toBeDefined();
        expect(schema.description, `${service.code}.${field.code}`).toContain(field.label.en);
      }
    }
  });

  it('a number field takes a JSON number or the Indonesian writing of a form; a list field names its values', () => {
    const sku = serviceFields('sku');
    const lama = sku.properties.lama_usaha;
    expect(lama.anyOf.map((s: Json) => s.type).sort()).toEqual(['number', 'string']);
    expect(lama.description).toMatch(/1\.500\.000/);
    expect(sku.properties.jenis_usaha.enum).toContain('kuliner');
    expect(sku.properties.jenis_usaha.description).toMatch(/kuliner/);

    const ajv = addFormats(new Ajv2020({ strict: false }));
    const check = ajv.compile(sku);
    const answers = {
      nama_usaha: 'Kopi Ijen',
      jenis_usaha: 'kuliner',
      alamat_usaha: 'Dusun Krajan',
      keperluan: 'kur',
    };
    expect(check({ ...answers, lama_usaha: 3 })).toBe(true);
    expect(check({ ...answers, lama_usaha: '1.500.000' })).toBe(true);
    expect(check({ ...answers, lama_usaha: true })).toBe(false);
    expect(check({ ...answers, lama_usaha: 3, jenis_usaha: 'bukan-jenis' })).toBe(false);
  });

  it("the catalogue route documents each field's datatype and allowed values", () => {
    const ok = doc.paths['/villages/{code}/services'].get.responses['200'].content['application/json'].schema;
    const service = (inline(ok) as Json).properties.items.items;
    const field = service.properties.fields.items;
    expect(field.properties.datatype.enum).toEqual(
      expect.arrayContaining(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
    );
    expect(field.properties.datatype.description).toMatch(/JSON number/);
    expect(field.properties.values.items.properties).toHaveProperty('key');
    // what the route answers (the merged catalogue, as the defaults are) conforms to it
    const check = addFormats(new Ajv2020({ strict: false })).compile(inline(ok) as Json);
    expect(check({ items: DEFAULT_CATALOGUE, cursor: null }) ? [] : check.errors).toEqual([]);
  });
});
