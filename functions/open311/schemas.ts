/**
 * Input (and documented output) schemas of the Open311 GeoReport v2 routes. Parameter names are the
 * spec's own (snake_case), so a validation error names exactly what the client sent.
 */
import * as z from 'zod';
import { VillageCode } from '../villages/schemas';

const Lang = z.enum(['id', 'en']).optional();
const required = { error: 'field.required' } as const;

/** `jurisdiction_id` is the village code (kode wilayah desa/kelurahan, e.g. 35.10.24.2008). */
export const JurisdictionId = z.string(required).pipe(VillageCode);

export const ServicesQuery = z.object({ jurisdiction_id: JurisdictionId, lang: Lang });

export const ServiceCode = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'field.invalid');
/**
 * API Gateway cannot route `{code}.json`, so on AWS the routes are `/services/{code}` and the
 * parameter arrives as `sku.json`; the local adapter strips the suffix. Accept both.
 */
const withoutJson = (v: unknown) => (typeof v === 'string' ? v.replace(/\.json$/, '') : v);
export const ServiceParams = z.object({ code: z.preprocess(withoutJson, ServiceCode) });
export const ServiceQuery = ServicesQuery;

/** Our request id, or a tracking code as the citizen typed it. */
export const RequestParams = z.object({
  id: z.preprocess(withoutJson, z.string().min(1).max(64, 'field.too_long')),
});
export const RequestQuery = z.object({ jurisdiction_id: JurisdictionId.optional(), lang: Lang });

/** W3C datetime (ISO 8601 with a zone), or a plain date (read as UTC midnight). */
const W3cDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/, 'field.invalid')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'field.invalid');

const StatusList = z
  .string()
  .regex(/^\s*(open|closed)\s*(,\s*(open|closed)\s*)*$/, 'field.invalid')
  .transform((v) => [...new Set(v.split(',').map((s) => s.trim() as 'open' | 'closed'))]);

/** Most results one page answers (the spec allows servers to cap; its own default cap is 1000). */
export const MAX_PAGE = 50;

export const RequestsQuery = z.object({
  jurisdiction_id: JurisdictionId,
  /** comma-delimited ids; when given, every other filter is ignored (as the spec says) */
  service_request_id: z.string().max(2000, 'field.too_long').optional(),
  /** one service code, or a comma-delimited list */
  service_code: z.string().max(400, 'field.too_long').optional(),
  start_date: W3cDate.optional(),
  end_date: W3cDate.optional(),
  status: StatusList.optional(),
  /** extension: page size (max 50); the next page's cursor comes back in the `Link` header */
  limit: z.coerce.number().int().min(1, 'field.invalid').max(MAX_PAGE, 'field.invalid').default(MAX_PAGE),
  cursor: z.string().max(2048, 'field.too_long').optional(),
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
      .string()
      .optional()
      .meta({ description: 'Applicant name (or first_name/last_name)' }),
    'attribute[applicant_nik]': z.string().meta({ description: 'NIK, 16 digits (nomor induk kependudukan)' }),
    'attribute[applicant_whatsapp]': z
      .string()
      .optional()
      .meta({ description: 'WhatsApp number (or phone)' }),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    phone: z.string().optional(),
    description: z.string().optional(),
    lang: z.enum(['id', 'en']).optional(),
  })
  .meta({
    description:
      'Plus one `attribute[<code>]` per service attribute (see the service definition); list attributes repeat `attribute[<code>][]`.',
  });

// ----------------------------------------------------------------------------------------------------
// responses (documentation only; the official JSON Schemas in shared/open311 are what tests validate)

const nullableString = z.string().nullable();

export const Open311ErrorList = z.array(z.object({ code: z.number().int(), description: z.string() }));

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
      order: z.number().int(),
      description: nullableString,
      values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
    }),
  ),
});

export const SubmitOut = z.array(
  z.object({
    service_request_id: z.string(),
    service_notice: nullableString,
    account_id: z.null(),
    tracking_code: z
      .string()
      .meta({ description: 'extension: the tracking code to quote at the village office' }),
    secret: z
      .string()
      .meta({ description: 'extension: the request secret (shown once) for uploading documents' }),
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
  lat: z.number().nullable(),
  long: z.number().nullable(),
});
