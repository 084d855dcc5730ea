import { findService } from '../../catalogue/store';
import { Invalid } from '../../lib/errors';
import { endpoint, json, zodFields } from '../../lib/http';
import { submitBudget } from '../../lib/rate-limit';
import * as z from '../../lib/zod';
import { Applicant, SubmitBody } from '../../requests/schemas';
import { submitRequest } from '../../requests/submit';
import { JurisdictionId } from '../schemas';
import { APPLICANT_ATTRIBUTES, submitNotice } from '../views';
import contract from './submit.contract';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,128}$/;
const ATTRIBUTE = /^attribute\[([^\]]{1,60})\](\[\])?$/;

/** What we read from the form, in our vocabulary; paths map back to Open311 names in errors. */
const Input = z.object({
  jurisdiction_id: JurisdictionId,
  serviceCode: SubmitBody.shape.serviceCode,
  applicant: Applicant,
  fields: SubmitBody.shape.fields,
  lang: z.optional(z.enum(['id', 'en'])),
});

/** A JSON body with the form's flat names, for clients that prefer JSON. */
function toForm(body: unknown): URLSearchParams {
  const form = new URLSearchParams();
  if (!body || typeof body !== 'object' || Array.isArray(body)) return form;
  for (const [name, value] of Object.entries(body)) {
    for (const v of Array.isArray(value) ? value : [value])
      if (typeof v === 'string' || typeof v === 'number') form.append(name, String(v));
  }
  return form;
}

function readForm(form: URLSearchParams) {
  const attributes: Record<string, string | string[]> = {};
  for (const [name, value] of form) {
    const m = ATTRIBUTE.exec(name);
    if (!m?.[1]) continue;
    const code = m[1];
    const prev = attributes[code];
    if (m[2] || prev !== undefined)
      attributes[code] =
        prev === undefined ? [value] : Array.isArray(prev) ? [...prev, value] : [prev, value];
    else attributes[code] = value;
  }
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const given = (v: string | null | undefined) => (v?.trim() ? v : undefined);
  const person = [form.get('first_name'), form.get('last_name')]
    .map((v) => v?.trim())
    .filter(Boolean)
    .join(' ');
  const fields = { ...attributes };
  for (const code of APPLICANT_ATTRIBUTES) delete fields[code];
  return {
    jurisdiction_id: given(form.get('jurisdiction_id')),
    serviceCode: given(form.get('service_code')),
    applicant: {
      name: given(one(attributes.applicant_name)) ?? (person || undefined),
      nik: one(attributes.applicant_nik),
      whatsapp: given(one(attributes.applicant_whatsapp)) ?? given(form.get('phone')),
    },
    fields,
    description: given(form.get('description')),
    lang: form.get('lang') ?? undefined,
  };
}

/**
 * `POST /open311/v2/requests.json` (form-urlencoded). Attributes are the service definition's:
 * `attribute[applicant_nik]`, `attribute[nama_usaha]`, `attribute[<list>][]=…`; `first_name`/`last_name`
 * and `phone` stand in for the applicant's name / WhatsApp when those attributes are absent. The free
 * `description` goes to the service's `keterangan` (notes) field when it has one; our services have
 * no other place for free text, so otherwise it is ignored. Location parameters are ignored.
 *
 * Answers the spec's `[{service_request_id, service_notice, account_id}]` plus two extensions the
 * submitter needs and nobody else ever sees: `tracking_code` and `secret` (upload documents, revise).
 */
export const handler = endpoint(contract, async ({ body, form, headers, lang, now, sourceIp }) => {
  const key = headers['idempotency-key'];
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
    throw new Invalid([{ path: 'Idempotency-Key', message: 'field.invalid' }]);
  const raw = readForm(form ?? toForm(body));
  const parsed = Input.safeParse(raw);
  if (!parsed.success) throw new Invalid(zodFields(parsed.error));
  const input = parsed.data;
  const service = await findService(input.jurisdiction_id, input.serviceCode);
  if (!service) throw new Invalid([{ path: 'serviceCode', message: 'error.service_unknown' }]);
  const fields = { ...input.fields };
  if (
    raw.description &&
    fields.keterangan === undefined &&
    service.fields.some((f) => f.code === 'keterangan')
  )
    fields.keterangan = raw.description;
  const requestLang = input.lang ?? lang;
  const receipt = await submitRequest(
    input.jurisdiction_id,
    { serviceCode: service.code, applicant: input.applicant, fields, lang: requestLang },
    {
      source: 'open311',
      now,
      ...(key ? { idempotencyKey: key } : {}),
      // the same budget as POST /villages/{code}/requests: new submissions per source and village
      budget: submitBudget(input.jurisdiction_id, sourceIp),
    },
  );
  const documentsRequired = service.requirements.some((r) => r.kind === 'document' && r.required);
  return json(
    201,
    [
      {
        service_request_id: receipt.id,
        service_notice: submitNotice(receipt, documentsRequired, requestLang),
        account_id: null,
        tracking_code: receipt.trackingCode,
        secret: receipt.secret,
        expected_datetime: receipt.dueAt,
      },
    ],
    { location: `/open311/v2/requests/${receipt.id}.json` },
  );
});
