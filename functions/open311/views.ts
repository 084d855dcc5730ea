/**
 * Our data in GeoReport v2 shapes. What leaves here is public (anyone may call the Open311 GETs):
 * never the applicant's name, NIK, WhatsApp number or field values, and no officer identities.
 */
import type { Field, Service } from '../catalogue/defaults';
import type { Lang } from '../lib/i18n';
import { rupiah } from '../lib/rupiah';
import { open311Status, STATUS_LABELS } from '../requests/domain/transitions';
import type { RequestItem } from '../requests/entities';
import type { VillageItem } from '../villages/entities';

const TEXT = {
  id: {
    product: 'Produk',
    cost: 'Biaya',
    free: 'gratis',
    duration: 'Waktu layanan',
    applicantName: 'Nama lengkap pemohon sesuai KTP-el',
    applicantNik: 'NIK pemohon (16 angka, tercantum di KTP-el/KK)',
    applicantWhatsapp: 'Nomor WhatsApp pemohon untuk kabar status (boleh dikosongkan)',
    nikType: '16 angka',
    whatsappType: 'nomor Indonesia, mis. 081234567890',
    numberType: 'angka',
    datetimeType: 'tanggal, format TTTT-BB-HH',
    multiType: 'boleh lebih dari satu',
    received: 'Permohonan diterima. Kode pelacakan',
    dueBy: 'Janji selesai',
    waiting: 'Waktu layanan mulai dihitung setelah semua berkas wajib terunggah',
    documents: 'Unggah berkas persyaratan di halaman tanda terima dengan kode rahasia',
    desa: 'Desa',
    kelurahan: 'Kelurahan',
    kecamatan: 'Kecamatan',
  },
  en: {
    product: 'Product',
    cost: 'Cost',
    free: 'free',
    duration: 'Service time',
    applicantName: "Applicant's full name as on the e-KTP",
    applicantNik: "Applicant's NIK (16 digits, on the e-KTP/family card)",
    applicantWhatsapp: "Applicant's WhatsApp number for status news (optional)",
    nikType: '16 digits',
    whatsappType: 'an Indonesian number, e.g. 081234567890',
    numberType: 'a number',
    datetimeType: 'a date, YYYY-MM-DD',
    multiType: 'one or more',
    received: 'Request received. Tracking code',
    dueBy: 'Promised by',
    waiting: 'The service time starts once every required document is uploaded',
    documents: 'Upload the required documents on the receipt page with the secret code',
    desa: 'Village',
    kelurahan: 'Kelurahan',
    kecamatan: 'Kecamatan',
  },
} as const;

/** The applicant is part of every request; Open311 carries it as attributes. Codes are reserved. */
export const APPLICANT_ATTRIBUTES = ['applicant_name', 'applicant_nik', 'applicant_whatsapp'] as const;

export function serviceView(service: Service, lang: Lang) {
  const s = TEXT[lang];
  return {
    service_code: service.code,
    service_name: service.name[lang],
    description: `${s.product}: ${service.product[lang]}. ${s.cost}: ${service.cost === 0 ? s.free : rupiah(service.cost, { plain: true })}.`,
    // the applicant (name, NIK) is always asked for, so every service has a definition
    metadata: true,
    type: 'batch' as const,
    keywords: [service.code, service.level, service.product[lang]].join(','),
    group: service.level,
  };
}

function datatypeDescription(field: Field, lang: Lang): string | null {
  const s = TEXT[lang];
  if (field.datatype === 'number') return s.numberType;
  if (field.datatype === 'datetime') return s.datetimeType;
  if (field.datatype === 'multivaluelist') return s.multiType;
  return null;
}

export function serviceDefinitionView(service: Service, lang: Lang) {
  const s = TEXT[lang];
  const applicant = [
    { code: 'applicant_name', required: true, description: s.applicantName, type: null },
    { code: 'applicant_nik', required: true, description: s.applicantNik, type: s.nikType },
    { code: 'applicant_whatsapp', required: false, description: s.applicantWhatsapp, type: s.whatsappType },
  ].map((a, i) => ({
    variable: true,
    code: a.code,
    datatype: 'string' as const,
    required: a.required,
    datatype_description: a.type,
    order: i + 1,
    description: a.description,
  }));
  const fields = [...service.fields]
    .sort((a, b) => a.order - b.order)
    .map((f, i) => ({
      variable: true,
      code: f.code,
      datatype: f.datatype,
      required: f.required,
      datatype_description: datatypeDescription(f, lang),
      order: applicant.length + i + 1,
      description: f.label[lang],
      ...(f.values ? { values: f.values.map((v) => ({ key: v.key, name: v.name[lang] })) } : {}),
    }));
  return { service_code: service.code, attributes: [...applicant, ...fields] };
}

/**
 * What Open311 shows of a request, and all that a village's request index carries of one
 * (infra/table-design.ts, gsi2): a list is read from there, never the applicant or the history.
 */
export type PublicRequest = Pick<
  RequestItem,
  | 'id'
  | 'villageCode'
  | 'serviceCode'
  | 'serviceName'
  | 'status'
  | 'createdAt'
  | 'updatedAt'
  | 'closedAt'
  | 'dueAt'
  | 'queueSort'
>;

/** Who handles the request right now: the village office, or the kecamatan once forwarded. */
export function agencyResponsible(
  request: Pick<RequestItem, 'status'>,
  village: VillageItem | undefined,
  lang: Lang,
): string | null {
  const s = TEXT[lang];
  if (request.status === 'forwarded' && village) return `${s.kecamatan} ${village.kecamatanName}`;
  if (!village) return null;
  return `${village.kind === 'kelurahan' ? s.kelurahan : s.desa} ${village.name}`;
}

/**
 * One request, public. `status_notes` is the status in words; the officer's reason (free text an
 * officer wrote for the citizen, which may mention them) is added only when the caller proved to hold
 * the tracking code — the same rule as `/track` — never in the enumerable list.
 */
export function requestView(
  request: PublicRequest & Partial<Pick<RequestItem, 'history'>>,
  village: VillageItem | undefined,
  lang: Lang,
  opts: { withReason?: boolean } = {},
) {
  // the history is read only for a holder of the tracking code (a request read by key, whole)
  const last = opts.withReason ? request.history?.at(-1) : undefined;
  const reason =
    opts.withReason &&
    last?.reason &&
    last.to === request.status &&
    ['needs_revision', 'rejected'].includes(last.to)
      ? last.reason
      : undefined;
  const label = STATUS_LABELS[request.status][lang];
  const waiting = open311Status(request.status) === 'open' && !request.dueAt;
  return {
    service_request_id: request.id,
    status: open311Status(request.status),
    status_notes: reason ? `${label}: ${reason}` : label,
    service_name: request.serviceName[lang],
    service_code: request.serviceCode,
    // the request's content is the applicant's personal data: never published
    description: null,
    agency_responsible: agencyResponsible(request, village, lang),
    service_notice: waiting ? `${TEXT[lang].waiting}.` : null,
    requested_datetime: request.createdAt,
    updated_datetime: request.closedAt ?? request.updatedAt,
    expected_datetime: request.dueAt ?? null,
    // village services have no incident location; the applicant's address is personal data
    address: null,
    lat: null,
    long: null,
  };
}

/** The notice of a fresh submission (the spec's `service_notice`). */
export function submitNotice(
  receipt: { trackingCode: string; dueAt: string | null },
  documentsRequired: boolean,
  lang: Lang,
): string {
  const s = TEXT[lang];
  const due = receipt.dueAt
    ? `${s.dueBy}: ${new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: 'Asia/Jakarta',
      }).format(new Date(receipt.dueAt))}.`
    : `${s.waiting}.`;
  return [`${s.received}: ${receipt.trackingCode}.`, due, documentsRequired ? `${s.documents}.` : '']
    .filter(Boolean)
    .join(' ');
}
