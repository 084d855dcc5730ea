import * as z from 'zod';
import { DOCUMENT_MIME_TYPES } from '../catalogue/defaults';
import { PageQuery } from '../lib/paging';
import { KecamatanCode, VillageCode } from '../villages/schemas';
import { checkNik } from './domain/nik';
import { STATUSES } from './domain/transitions';

/** NIK: 16 digits with a real province prefix and a real birth date (see domain/nik.ts). */
export const Nik = z
  .string({ error: 'field.required' })
  .trim()
  .superRefine((value, ctx) => {
    const result = checkNik(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: `field.nik.${result.reason}` });
  });

/** Indonesian mobile numbers, normalised to +62… (08… and 62… accepted as typed by villagers). */
export const WhatsApp = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .regex(/^(\+62|62|0)8\d{7,11}$/, 'field.whatsapp')
      .transform((v) => `+62${v.replace(/^(\+62|62|0)/, '')}`),
  );

export const Applicant = z.object({
  name: z.string({ error: 'field.required' }).trim().min(2, 'field.required').max(120, 'field.too_long'),
  nik: Nik,
  whatsapp: WhatsApp.optional().or(z.literal('').transform(() => undefined)),
});

const FieldValue = z.union([z.string().max(2000, 'field.too_long'), z.array(z.string().max(200)).max(50)]);

export const SubmitBody = z.object({
  serviceCode: z.string({ error: 'field.required' }).trim().min(1, 'field.required').max(40),
  applicant: Applicant,
  fields: z.record(z.string().max(60), FieldValue).default({}),
  lang: z.enum(['id', 'en']).optional(),
});
export type SubmitInput = z.infer<typeof SubmitBody>;

export const RequestId = z.string().regex(/^[0-9A-Za-z_-]{10,40}$/, 'field.invalid');
export const RequestParams = z.object({ id: RequestId });
export const SecretQuery = z.object({
  secret: z.string().max(200).optional(),
  lang: z.enum(['id', 'en']).optional(),
});
/** the receipt also says which upload the confirm step refused, after S3's redirect */
export const ReceiptQuery = SecretQuery.extend({
  error: z.string().max(40).optional(),
  requirement: z.string().max(60).optional(),
});

export const VillageRequestsParams = z.object({ code: VillageCode });
export const KecamatanRequestsParams = z.object({ code: KecamatanCode });
export const QueueQuery = z.object({ status: z.enum(STATUSES).optional(), ...PageQuery });

export const DocumentCreateBody = z.object({
  requirement: z.string({ error: 'field.required' }).min(1, 'field.required').max(60),
  contentType: z.enum(DOCUMENT_MIME_TYPES, {
    error: 'field.content_type',
  }),
  size: z
    .number({ error: 'field.required' })
    .int()
    .min(1, 'field.size')
    .max(5 * 1024 * 1024, 'field.size'),
});
export const DocumentParams = z.object({
  id: RequestId,
  documentId: z.string().regex(/^[a-z0-9_-]{1,60}\.[0-9A-Za-z_-]{8,40}$/, 'field.invalid'),
});
/** S3 appends bucket, key and etag to success_action_redirect; we read none of them. */
export const ConfirmQuery = z.looseObject({
  secret: z.string().max(200).optional(),
  lang: z.enum(['id', 'en']).optional(),
});

export const ResubmitBody = z.object({
  fields: z.record(z.string().max(60), FieldValue).optional(),
  applicant: Applicant.partial().optional(),
});

export const TransitionBody = z.object({
  to: z.enum(STATUSES, { error: 'field.invalid' }),
  reason: z.string().trim().max(1000, 'field.too_long').optional(),
  version: z.number({ error: 'field.version' }).int().min(1, 'field.version'),
});

/** `/track/{trackingCode}` and `/track?code=` share one handler: the path parameter is optional there. */
export const TrackParams = z.object({ trackingCode: z.string().max(40).optional() });
export const TrackQuery = z.object({
  code: z.string().max(40).optional(),
  lang: z.enum(['id', 'en']).optional(),
});
