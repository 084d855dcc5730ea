import { DOCUMENT_MIME_TYPES, FieldValue } from '../catalogue/defaults';
import { WhatsApp } from '../lib/contact';
import { PageQuery } from '../lib/paging';
import * as z from '../lib/zod';
import { KecamatanCode, VillageCode } from '../villages/schemas';
import { checkNik } from './domain/nik';
import { STATUSES } from './domain/transitions';

/** NIK: 16 digits with a real province and regency/city prefix and a real birth date (see domain/nik.ts). */
export const Nik = z.string({ error: 'field.required' }).check(
  z.trim(),
  z.superRefine((value, ctx) => {
    if (value === '') return void ctx.addIssue({ code: 'custom', message: 'field.required' });
    const result = checkNik(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: `field.nik.${result.reason}` });
  }),
);

export const Applicant = z.object({
  name: z.string({ error: 'field.required' }).check(
    z.trim(),
    z.minLength(1, { error: 'field.required', abort: true }),
    // one letter is not empty: say what is wrong with it
    z.minLength(2, 'field.name_short'),
    z.maxLength(120, 'field.too_long'),
  ),
  nik: Nik,
  whatsapp: z.union([
    z.optional(WhatsApp),
    z.pipe(
      z.literal(''),
      z.transform(() => undefined),
    ),
  ]),
});

export const SubmitBody = z.object({
  serviceCode: z
    .string({ error: 'field.required' })
    .check(z.trim(), z.minLength(1, 'field.required'), z.maxLength(40)),
  applicant: Applicant,
  fields: z._default(z.record(z.string().check(z.maxLength(60)), FieldValue), {}),
  lang: z.optional(z.enum(['id', 'en'])),
});
export type SubmitInput = z.infer<typeof SubmitBody>;

export const RequestId = z.string().check(z.regex(/^[0-9A-Za-z_-]{10,40}$/, 'field.invalid'));
export const RequestParams = z.object({ id: RequestId });
export const SecretQuery = z.object({
  secret: z.optional(z.string().check(z.maxLength(200))),
  lang: z.optional(z.enum(['id', 'en'])),
});
/**
 * the receipt also says which upload the confirm step refused, after S3's redirect, and why (the
 * page names only known reasons and types: anything else in these is ignored)
 */
export const ReceiptQuery = z.extend(SecretQuery, {
  error: z.optional(z.string().check(z.maxLength(40))),
  requirement: z.optional(z.string().check(z.maxLength(60))),
  why: z.optional(z.string().check(z.maxLength(40))),
  size: z.optional(z.string().check(z.regex(/^\d{1,12}$/, 'field.invalid'))),
  detected: z.optional(z.string().check(z.maxLength(40))),
});

export const VillageRequestsParams = z.object({ code: VillageCode });
export const KecamatanRequestsParams = z.object({ code: KecamatanCode });
/**
 * `status=a,b` (or `status=a&status=b`, which API Gateway joins with a comma): one or several
 * statuses, each checked, none repeated.
 */
const StatusList = z.pipe(
  z.string().check(z.maxLength(200)),
  z.pipe(
    z.transform((v: string) => [
      ...new Set(
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ]),
    z.array(z.enum(STATUSES, { error: 'field.invalid' })).check(z.minLength(1, 'field.required')),
  ),
);
const ServiceFilter = z.string().check(z.regex(/^[a-z][a-z0-9-]{1,39}$/, 'field.invalid'));
export const QueueQuery = z.object({
  status: z.optional(StatusList),
  service: z.optional(ServiceFilter),
  /** a tracking code, matched exactly (through its claim, not a scan) */
  q: z.optional(z.string().check(z.maxLength(40))),
  ...PageQuery,
});
export type QueueFilters = z.infer<typeof QueueQuery>;
export const RegencyRequestsParams = z.object({
  code: z.string().check(z.regex(/^\d{2}\.\d{2}$/, 'field.invalid')),
});
export const RegencyQueueQuery = z.object({
  kecamatan: z.optional(KecamatanCode),
  village: z.optional(VillageCode),
  service: z.optional(ServiceFilter),
  status: z.optional(StatusList),
  overdue: z.optional(z.enum(['true', 'false'], { error: 'field.invalid' })),
  ...PageQuery,
});
export type RegencyQueueFilters = z.infer<typeof RegencyQueueQuery>;

export const DocumentCreateBody = z.object({
  requirement: z.string({ error: 'field.required' }).check(z.minLength(1, 'field.required'), z.maxLength(60)),
  contentType: z.enum(DOCUMENT_MIME_TYPES, {
    error: 'field.content_type',
  }),
  size: z
    .number({ error: 'field.required' })
    .check(z.int(), z.minimum(1, 'field.size'), z.maximum(5 * 1024 * 1024, 'field.size')),
});
export const DocumentParams = z.object({
  id: RequestId,
  documentId: z.string().check(z.regex(/^[a-z0-9_-]{1,60}\.[0-9A-Za-z_-]{8,40}$/, 'field.invalid')),
});
/** S3 appends bucket, key and etag to success_action_redirect; we read none of them. */
export const ConfirmQuery = z.looseObject({
  secret: z.optional(z.string().check(z.maxLength(200))),
  lang: z.optional(z.enum(['id', 'en'])),
});

export const ResubmitBody = z.object({
  fields: z.optional(z.record(z.string().check(z.maxLength(60)), FieldValue)),
  applicant: z.optional(z.partial(Applicant)),
});

export const TransitionBody = z.object({
  to: z.enum(STATUSES, { error: 'field.invalid' }),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(1000, 'field.too_long'))),
  version: z.number({ error: 'field.version' }).check(z.int(), z.minimum(1, 'field.version')),
});

/** `/track/{trackingCode}` and `/track?code=` share one handler: the path parameter is optional there. */
export const TrackParams = z.object({ trackingCode: z.optional(z.string().check(z.maxLength(40))) });
export const TrackQuery = z.object({
  code: z.optional(z.string().check(z.maxLength(40))),
  lang: z.optional(z.enum(['id', 'en'])),
});

// ---- answers of the staff routes, for the OpenAPI document (the handlers build them) --------------

const Localized = z.object({ id: z.string(), en: z.string() });
const ServiceRef = z.object({ code: z.string(), name: Localized, level: z.enum(['desa', 'kecamatan']) });

/** One line of a staff queue (requests/queue.ts queueItem): what a row shows, never the NIK. */
export const QueueLine = z
  .object({
    id: z.string(),
    trackingCode: z.string(),
    villageCode: z.string(),
    kecamatanCode: z.string(),
    service: ServiceRef,
    applicantName: z.string(),
    status: z.enum(STATUSES),
    version: z.number(),
    filedAt: z.string(),
    createdAt: z.string(),
    completeAt: z.nullable(z.string()),
    dueAt: z.nullable(z.string()),
    overdue: z.boolean(),
    /** office minutes (the village's calendar, WIB) until the due time; negative once overdue */
    officeMinutesLeft: z.nullable(z.number()),
  })
  .register(z.globalRegistry, { id: 'QueueLine' });
export const QueuePage = z.object({ items: z.array(QueueLine), cursor: z.nullable(z.string()) });

/** A move the caller's role may make now (the workspace's decision buttons). */
export const AllowedMove = z
  .object({ to: z.enum(STATUSES), reasonRequired: z.boolean() })
  .register(z.globalRegistry, { id: 'AllowedMove' });
