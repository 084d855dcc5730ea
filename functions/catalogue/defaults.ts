/**
 * The shape of a service in the catalogue: the *standar pelayanan* (UU 25/2009) every village office
 * publishes — requirements, procedure, promised time, cost, product and complaints channel. The
 * regency's default entries are data in regency-defaults.ts; villages override or disable entries and
 * add their own (`mergeCatalogue`).
 *
 * `fields` are the Open311 GeoReport v2 service-definition attributes of the online form; every
 * requirement of kind `field` names a field with the same code. `duration` is office time (see
 * calendar/due.ts).
 */

import { parseIsoDuration } from '../calendar/due';
import * as z from '../lib/zod';

/** What a scanned document may be. */
export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;

const Text = z.object({
  id: z.string().check(z.trim(), z.minLength(1)),
  en: z.string().check(z.trim(), z.minLength(1)),
});
const Code = z.string().check(z.regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _'));

export const RequirementSchema = z.object({
  code: Code,
  name: Text,
  kind: z.enum(['document', 'field']),
  accept: z.optional(z.array(z.enum(DOCUMENT_MIME_TYPES)).check(z.minLength(1))),
  required: z.boolean(),
});

export const FieldSchema = z.object({
  code: Code,
  label: Text,
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean(),
  order: z.number().check(z.int(), z.positive()),
  values: z.optional(z.array(z.object({ key: Code, name: Text })).check(z.minLength(1))),
});

/**
 * One answer to a service field, as its datatype takes it (requests/domain/fields.ts checks it against
 * the service): text; a list of keys for `multivaluelist`; for `number` also a JSON number. What is
 * stored is always text (a number in canonical form, `1500000`, `2.5`) or a list of keys.
 */
export const FieldValue = z.union([
  z.string().check(z.maxLength(2000, 'field.too_long')),
  z.number(),
  z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)),
]);
export type FieldInput = z.infer<typeof FieldValue>;

const Step = z.string().check(z.minLength(1));

/**
 * A village's (or the regency's) wording of a service's letter, each part optional: what is given
 * replaces the regency default of catalogue/letter-templates.ts (the classification code, the title,
 * the sentences before and after the answers, the validity in months).
 */
export const LetterWording = z.object({
  classification: z.optional(
    z.string().check(z.regex(/^\d{3}(\.\d{1,3}){0,3}$/, 'Permendagri 83/2022 code')),
  ),
  title: z.optional(z.string().check(z.minLength(3), z.maxLength(120))),
  opening: z.optional(z.string().check(z.minLength(3), z.maxLength(600))),
  closing: z.optional(z.string().check(z.minLength(3), z.maxLength(600))),
  validityMonths: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(60))),
});
export type LetterWordingInput = z.infer<typeof LetterWording>;

export const ServiceSchema = z
  .object({
    code: z.string().check(z.regex(/^[a-z][a-z0-9-]{1,39}$/, 'lower-case slug')),
    name: Text,
    level: z.enum(['desa', 'kecamatan']),
    requirements: z.array(RequirementSchema).check(z.minLength(1)),
    procedure: z.object({
      id: z.array(Step).check(z.minLength(1)),
      en: z.array(Step).check(z.minLength(1)),
    }),
    duration: z.string(),
    cost: z.number().check(z.int(), z.nonnegative()),
    product: Text,
    complaints: Text,
    fields: z.array(FieldSchema),
    letter: z.optional(LetterWording),
  })
  .check(
    z.superRefine((s, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path, message });
      try {
        parseIsoDuration(s.duration);
      } catch {
        issue(['duration'], 'ISO 8601 office-time duration such as PT4H or P1D');
      }
      if (s.procedure.id.length !== s.procedure.en.length) {
        issue(['procedure'], 'Indonesian and English procedures need the same steps');
      }
      const fieldCodes = new Set<string>();
      s.fields.forEach((f, i) => {
        if (fieldCodes.has(f.code)) issue(['fields', i, 'code'], `duplicate field ${f.code}`);
        fieldCodes.add(f.code);
        const isList = f.datatype === 'singlevaluelist' || f.datatype === 'multivaluelist';
        if (isList !== (f.values !== undefined)) {
          issue(['fields', i, 'values'], isList ? 'list fields need values' : 'only list fields have values');
        }
        if (f.values && new Set(f.values.map((v) => v.key)).size !== f.values.length) {
          issue(['fields', i, 'values'], 'duplicate value key');
        }
      });
      const orders = s.fields.map((f) => f.order);
      if (new Set(orders).size !== orders.length) issue(['fields'], 'field order values must be distinct');
      const reqCodes = new Set<string>();
      s.requirements.forEach((r, i) => {
        if (reqCodes.has(r.code)) issue(['requirements', i, 'code'], `duplicate requirement ${r.code}`);
        reqCodes.add(r.code);
        if (r.kind === 'document' && !r.accept)
          issue(['requirements', i, 'accept'], 'documents list accepted types');
        if (r.kind === 'field' && r.accept)
          issue(['requirements', i, 'accept'], 'only documents accept files');
        if (r.kind === 'field' && !fieldCodes.has(r.code)) {
          issue(['requirements', i, 'code'], `no field ${r.code} for this requirement`);
        }
      });
    }),
  );

export type Service = z.infer<typeof ServiceSchema>;
export type Requirement = z.infer<typeof RequirementSchema>;
export type Field = z.infer<typeof FieldSchema>;
export type ServiceOverride = Partial<Service> & { code: string; disabled?: boolean };

/**
 * A village's catalogue: the defaults with its overrides applied in order. An override of an existing
 * code replaces the given top-level properties (arrays and texts are replaced whole, not merged);
 * `disabled: true` removes the service; an unknown code adds a new service and must be complete.
 * Every resulting service is validated; an invalid one throws an Error naming the service (ZodError as `cause`).
 * Order: the defaults' order, then added services in override order.
 */
export function mergeCatalogue(
  defaults: readonly Service[],
  overrides: readonly ServiceOverride[],
): Service[] {
  const result = new Map<string, Partial<Service>>(defaults.map((s) => [s.code, s]));
  for (const { disabled, ...override } of overrides) {
    if (disabled) {
      result.delete(override.code);
      continue;
    }
    const given = Object.fromEntries(Object.entries(override).filter(([, v]) => v !== undefined));
    result.set(override.code, { ...result.get(override.code), ...given });
  }
  return [...result.entries()].map(([code, s]) => {
    const parsed = ServiceSchema.safeParse(s);
    if (!parsed.success) {
      throw new Error(
        `catalogue service ${JSON.stringify(code)} is invalid:\n${z.prettifyError(parsed.error)}`,
        {
          cause: parsed.error,
        },
      );
    }
    return parsed.data;
  });
}
