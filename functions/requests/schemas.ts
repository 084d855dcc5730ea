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
export const QueueQuery = z.object({ status: z.optional(z.enum(STATUSES)), ...PageQuery });

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
