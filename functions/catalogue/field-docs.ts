/**
 * What `/openapi.json` says about the answers of a service (`fields` of a submission): the rules of
 * requests/domain/fields.ts per Open311 datatype, and the fields of each service of the regency's
 * default catalogue with their JSON type, label and allowed values. Documentation only: the handlers
 * validate with requests/schemas.ts and the village's own catalogue, which a village may have changed
 * (`GET /villages/{code}/services` and the Open311 service definition say what it holds now).
 *
 * Imported by the contracts of the routes they document when the document is built (`await
 * import()`: the default catalogue is validated when its module loads, which no handler's cold start
 * should pay), and each schema built once (the components' ids are registered as they are built).
 */
import * as z from '../lib/zod';
import { type Field, FieldSchema, FieldValue, type Service, ServiceSchema } from './defaults';
import { DEFAULT_CATALOGUE } from './regency-defaults';

/** `build()` the first time, the same value ever after. */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= build();
    return value;
  };
}

/** How each datatype is answered in JSON, and what is stored. */
const DATATYPES: Record<Field['datatype'], string> = {
  string: 'text, up to 200 characters',
  text: 'text, up to 2000 characters',
  number:
    'a JSON number (3, 2.5), or text as a form sends it, in Indonesian writing ("1.500.000" is 1500000, "2,5" is 2.5, "Rp 750.000"); stored and answered as canonical text ("1500000", "2.5")',
  datetime: 'a date YYYY-MM-DD or an ISO 8601 date-time, as text',
  singlevaluelist: 'the key of one of the values, as text',
  multivaluelist: 'a list of value keys (or the keys in one text, comma-separated)',
};

const DATATYPE_HELP = Object.entries(DATATYPES)
  .map(([type, how]) => `\`${type}\`: ${how}`)
  .join('; ');

/** What a form's number looks like (requests/domain/fields.ts `indonesianNumber` reads it). */
const NUMBER_TEXT = /^\s*(?:[Rr][Pp]\.?\s*)?-?\d[\d.,\s]*$/;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

const keysOf = (f: Field) => (f.values ?? []).map((v) => v.key) as [string, ...string[]];

function answer(f: Field): z.ZodMiniType {
  switch (f.datatype) {
    case 'number':
      return z.union([z.number(), z.string().check(z.regex(NUMBER_TEXT))]);
    case 'datetime':
      return z.string().check(z.regex(DATE_TEXT));
    case 'singlevaluelist':
      return z.enum(keysOf(f));
    case 'multivaluelist':
      return z.union([z.array(z.enum(keysOf(f))).check(z.minLength(1)), z.string()]);
    case 'text':
      return z.string().check(z.maxLength(2000));
    default:
      return z.string().check(z.maxLength(200));
  }
}

/** One field: its JSON type, its label in both languages, the datatype's rule and its values. */
export function fieldDoc(f: Field) {
  const values = f.values?.length
    ? ` Values: ${f.values.map((v) => `\`${v.key}\` (${v.name.id} / ${v.name.en})`).join(', ')}.`
    : '';
  const described = answer(f).check(
    z.describe(`${f.label.id} / ${f.label.en}. \`${f.datatype}\`: ${DATATYPES[f.datatype]}.${values}`),
  );
  return f.required ? described : z.optional(described);
}

/** The answers of one service as the default catalogue defines them (a component of its own). */
export function serviceFieldsDoc(s: Service) {
  const fields = [...s.fields].sort((a, b) => a.order - b.order);
  return z.strictObject(Object.fromEntries(fields.map((f) => [f.code, fieldDoc(f)]))).check(
    z.meta({
      id: `ServiceFields.${s.code}`,
      title: `${s.code}: ${s.name.id} / ${s.name.en}`,
      description: `The answers of service \`${s.code}\` in the regency's default catalogue. A village may change its services: its catalogue (GET /villages/{code}/services) is what a submission is checked against.`,
    }),
  );
}

/** `fields` of a submission: one documented shape per default service, or any service's. */
export const submitFieldsDoc = once(() => {
  /** Any service's answers: what the schema itself takes, whatever the catalogue says. */
  const anyService = z.record(z.string(), FieldValue).check(
    z.meta({
      id: 'ServiceFields',
      title: 'any service',
      description: `The answers of any service, by field code, as its catalogue entry's datatype takes them: ${DATATYPE_HELP}. An unknown code, a missing required field or a wrong value is a 400 naming \`fields.<code>\`.`,
    }),
  );
  return z
    .union([...DEFAULT_CATALOGUE.map(serviceFieldsDoc), anyService])
    .check(
      z.describe(
        "The service's answers, keyed by field code: see the field's datatype in the village's catalogue (GET /villages/{code}/services). The shapes of the regency's default services are listed; a village's changed or added services follow the same datatype rules.",
      ),
    );
});

/** `fields` of a resubmission: only the answers to correct, by the same rules. */
export const resubmitFieldsDoc = once(() =>
  z
    .record(z.string(), FieldValue)
    .check(z.describe(`Only the answers to correct, by field code: ${DATATYPE_HELP}.`)),
);

/** A page of the village's catalogue as `GET /villages/{code}/services` answers it. */
export const servicePageDoc = once(() => {
  const fieldDoc = z.object({
    ...FieldSchema.shape,
    datatype: FieldSchema.shape.datatype.check(
      z.describe(`Open311 datatype; how a submission answers it: ${DATATYPE_HELP}.`),
    ),
    values: z.optional(
      z
        .array(z.object({ key: z.string(), name: z.object({ id: z.string(), en: z.string() }) }))
        .check(z.describe('The allowed values of a list field: a submission sends the `key`.')),
    ),
  });
  const service = z
    .object({ ...ServiceSchema.shape, fields: z.array(fieldDoc) })
    .check(z.meta({ id: 'Service' }));
  return z.object({ items: z.array(service), cursor: z.null() });
});
