/**
 * Input (and documented output) schemas of the Open311 GeoReport v2 routes. Parameter names are the
 * spec's own (snake_case), so a validation error names exactly what the client sent.
 */
import * as z from '../lib/zod';
import { VillageCode } from '../villages/schemas';

const Lang = z.optional(z.enum(['id', 'en']));
const required = { error: 'field.required' } as const;

/** `jurisdiction_id` is the village code (kode wilayah desa/kelurahan, e.g. 35.10.24.2008). */
export const JurisdictionId = z.pipe(z.string(required), VillageCode);

export const ServicesQuery = z.object({ jurisdiction_id: JurisdictionId, lang: Lang });

export const ServiceCode = z.string().check(z.regex(/^[a-z][a-z0-9-]{1,39}$/, 'field.invalid'));
/**
 * API Gateway cannot route `{code}.json`, so on AWS the routes are `/services/{code}` and the
 * parameter arrives as `sku.json`; the local adapter strips the suffix. Accept both.
 */
const withoutJson = (v: unknown) => (typeof v === 'string' ? v.replace(/\.json$/, '') : v);
/** what classic zod's `z.preprocess` is (zod/mini has none): a transform piped into the schema */
const preprocess = <T extends z.core.$ZodType>(schema: T) => z.pipe(z.transform(withoutJson), schema);
export const ServiceParams = z.object({ code: preprocess(ServiceCode) });
export const ServiceQuery = ServicesQuery;

/** Our request id, or a tracking code as the citizen typed it. */
export const RequestParams = z.object({
  id: preprocess(z.string().check(z.minLength(1), z.maxLength(64, 'field.too_long'))),
});
export const RequestQuery = z.object({ jurisdiction_id: z.optional(JurisdictionId), lang: Lang });

/** W3C datetime (ISO 8601 with a zone), or a plain date (read as UTC midnight). */
const W3cDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/, 'field.invalid'),
  z.refine((v: string) => !Number.isNaN(Date.parse(v)), 'field.invalid'),
);

const StatusList = z.pipe(
  z.string().check(z.regex(/^\s*(open|closed)\s*(,\s*(open|closed)\s*)*$/, 'field.invalid')),
  z.transform((v: string) => [...new Set(v.split(',').map((s) => s.trim() as 'open' | 'closed'))]),
);

/** Most results one page answers (the spec allows servers to cap; its own default cap is 1000). */
export const MAX_PAGE = 50;

export const RequestsQuery = z.object({
  jurisdiction_id: JurisdictionId,
  /** comma-delimited ids; when given, every other filter is ignored (as the spec says) */
  service_request_id: z.optional(z.string().check(z.maxLength(2000, 'field.too_long'))),
  /** one service code, or a comma-delimited list */
  service_code: z.optional(z.string().check(z.maxLength(400, 'field.too_long'))),
  start_date: z.optional(W3cDate),
  end_date: z.optional(W3cDate),
  status: z.optional(StatusList),
  /** extension: page size (max 50); the next page's cursor comes back in the `Link` header */
  limit: z._default(
    z.coerce.number().check(z.int(), z.minimum(1, 'field.invalid'), z.maximum(MAX_PAGE, 'field.invalid')),
    MAX_PAGE,
  ),
  cursor: z.optional(z.string().check(z.maxLength(2048, 'field.too_long'))),
  lang: Lang,
});

/**
 * The form of `POST /open311/v2/requests.json` (application/x-www-form-urlencoded), for the docs:
 * the handler reads the raw form, because `attribute[<code>]` / `attribute[<code>][]` names are open-ended.
 */
export const SubmitForm = z
  .looseObject({
    jurisdiction_id: VillageCode,
    service_code: ServiceCode,
    'attribute[applicant_name]': z
      .optional(z.string())
      .register(z.globalRegistry, { description: 'Applicant name (or first_name/last_name)' }),
    'attribute[applicant_nik]': z
      .string()
      .register(z.globalRegistry, { description: 'NIK, 16 digits (nomor induk kependudukan)' }),
    'attribute[applicant_whatsapp]': z
      .optional(z.string())
      .register(z.globalRegistry, { description: 'WhatsApp number (or phone)' }),
    first_name: z.optional(z.string()),
    last_name: z.optional(z.string()),
    phone: z.optional(z.string()),
    description: z.optional(z.string()),
    lang: z.optional(z.enum(['id', 'en'])),
  })
  .register(z.globalRegistry, {
    description:
      'Plus one `attribute[<code>]` per service attribute (see the service definition); list attributes repeat `attribute[<code>][]`.',
  });

// ----------------------------------------------------------------------------------------------------
// responses (documentation only; the official JSON Schemas in shared/open311 are what tests validate)

const nullableString = z.nullable(z.string());

export const Open311ErrorList = z.array(
  z.object({ code: z.number().check(z.int()), description: z.string() }),
);

export const ServiceOut = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: nullableString,
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: nullableString,
  group: nullableString,
});

export const ServiceDefinitionOut = z.object({
  service_code: z.string(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: z.boolean(),
      datatype_description: nullableString,
      order: z.number().check(z.int()),
      description: nullableString,
      values: z.optional(z.array(z.object({ key: z.string(), name: z.string() }))),
    }),
  ),
});

export const SubmitOut = z.array(
  z.object({
    service_request_id: z.string(),
    service_notice: nullableString,
    account_id: z.null(),
    tracking_code: z.string().register(z.globalRegistry, {
      description: 'extension: the tracking code to quote at the village office',
    }),
    secret: z.string().register(z.globalRegistry, {
      description: 'extension: the request secret (shown once) for uploading documents',
    }),
    expected_datetime: nullableString,
  }),
);

export const RequestOut = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: nullableString,
  service_name: nullableString,
  service_code: z.string(),
  description: nullableString,
  agency_responsible: nullableString,
  service_notice: nullableString,
  requested_datetime: z.string(),
  updated_datetime: nullableString,
  expected_datetime: nullableString,
  address: nullableString,
  lat: z.nullable(z.number()),
  long: z.nullable(z.number()),
});
