import { DOCUMENT_MIME_TYPES, type Service } from '../catalogue/defaults';
import { config } from '../lib/config';
import { esc, page } from '../lib/html';
import { type Lang, t } from '../lib/i18n';
import type { RequestItem } from '../lib/table';
import {
  FILE_ERRORS,
  type FileError,
  fileErrorParams,
  MAX_DOCUMENT_BYTES,
  POST_EXPIRES_SECONDS,
  typeName,
} from './documents';
import { STATUS_LABELS, type Status } from './domain/transitions';
import { overdue } from './store';
import { fmt } from './views';

const MINUTES = Math.round(POST_EXPIRES_SECONDS / 60);
const MAX_MB = Math.round(MAX_DOCUMENT_BYTES / (1024 * 1024));

/** The receipt's own strings (the tracking pages keep theirs in views.ts). */
const R = {
  id: {
    receipt: 'Tanda terima permohonan',
    tracking: 'Kode pelacakan',
    secret: 'Kode rahasia',
    keep: 'Simpan kedua kode ini (foto atau catat) dan simpan tautan halaman ini (bookmark, atau kirim ke WhatsApp Anda sendiri). Kode rahasia hanya ditampilkan sekali; bersama kode pelacakan ia membuka kembali halaman ini dari halaman lacak, untuk mengunggah atau memperbaiki berkas.',
    secretShown:
      'sudah ditampilkan saat halaman ini pertama kali dibuka. Tautan halaman ini tetap berlaku: simpan (bookmark). Dari halaman lacak, kode pelacakan dan kode rahasia yang Anda catat juga membuka halaman ini.',
    service: 'Layanan',
    status: 'Status',
    due: 'Janji selesai',
    dueWaiting: 'Waktu layanan mulai dihitung setelah semua berkas wajib terunggah.',
    duePaused: 'Waktu layanan dihentikan sementara sampai permohonan diperbaiki dan diajukan ulang.',
    overdue: 'Melewati janji waktu layanan',
    letter: 'Nomor surat',
    documents: 'Berkas persyaratan',
    optional: 'tidak wajib',
    uploaded: 'sudah diterima',
    notReceived: 'tidak diterima',
    upload: 'Unggah',
    uploadReplacement: 'Unggah pengganti',
    chooseFile: 'Pilih berkas',
    chooseReplacement: 'Ganti dengan berkas baru (bila diminta petugas)',
    limits: (types: string) => `${types}; paling besar ${MAX_MB} MB`,
    or: 'atau',
    formHint: `Setiap formulir unggah berlaku ${MINUTES} menit sejak halaman ini dibuka. Jika setelah menekan Unggah muncul halaman galat berbahasa Inggris (berkas terlalu besar atau formulir kedaluwarsa), tekan tombol Kembali pada peramban lalu muat ulang halaman ini.`,
    invalidFile: 'Berkas ditolak: jenis atau ukurannya tidak sesuai. Pilih berkas lain.',
    reason: 'Alasan dari petugas',
    resubmitTitle: 'Kirim ulang permohonan',
    resubmitText:
      'Setelah semua berkas pengganti terunggah, kirim permohonan kembali ke petugas desa. Waktu layanan berjalan lagi sejak Anda mengirim ulang.',
    resubmitButton: 'Kirim ulang permohonan',
    correctTitle: 'Perbaiki isian (bila diminta petugas)',
    correctHint: 'Isi hanya yang perlu diperbaiki; kolom yang dibiarkan kosong tidak berubah.',
    keepValue: '— tidak diubah —',
    trackLink: 'Lacak permohonan',
    linkInvalid: 'Tautan tanda terima ini tidak berlaku',
    linkHint:
      'Buka lagi tautan tanda terima yang Anda simpan (berisi kode rahasia), persis seperti tersimpan. Status permohonan tetap dapat dilacak dengan kode pelacakan.',
    trackInstead: 'Lacak permohonan dengan kode pelacakan',
    state: {
      missing:
        'Unggah setiap berkas wajib di bawah ini. Petugas desa memeriksa permohonan setelah semua berkas wajib diterima.',
      submitted: 'Semua berkas wajib sudah diterima. Petugas desa akan memeriksa permohonan Anda.',
      in_review: 'Petugas desa sedang memeriksa permohonan Anda.',
      in_review_missing:
        'Petugas desa sedang memeriksa permohonan Anda, tetapi masih ada berkas wajib yang belum diterima: unggah di bawah ini.',
      needs_revision:
        'Permohonan Anda perlu diperbaiki. Unggah berkas pengganti yang diminta di bawah ini (berkas yang sudah diterima dapat diganti), lalu tekan “Kirim ulang permohonan”.',
      resubmitted: 'Perbaikan Anda sudah dikirim. Petugas desa akan memeriksa permohonan Anda kembali.',
      forwarded:
        'Permohonan sudah diperiksa desa dan diteruskan ke kecamatan untuk ditandatangani. Berkas tidak dapat diubah lagi.',
      approved: 'Permohonan Anda disetujui. Petugas desa sedang menyiapkan suratnya.',
      completed: 'Permohonan selesai: surat sudah terbit.',
      rejected: 'Permohonan Anda ditolak.',
    },
  },
  en: {
    receipt: 'Request receipt',
    tracking: 'Tracking code',
    secret: 'Secret code',
    keep: "Keep both codes (take a photo or write them down) and keep this page's link (bookmark it, or send it to your own WhatsApp). The secret code is shown only once; with the tracking code it reopens this page from the tracking page, to upload or correct documents.",
    secretShown:
      "was shown when this page was first opened. This page's link keeps working: bookmark it. From the tracking page, the tracking code and the secret code you noted also open this page.",
    service: 'Service',
    status: 'Status',
    due: 'Promised by',
    dueWaiting: 'The service time starts once every required document is uploaded.',
    duePaused: 'The service time is paused until the request is corrected and resubmitted.',
    overdue: 'Past the promised service time',
    letter: 'Letter number',
    documents: 'Documents',
    optional: 'optional',
    uploaded: 'received',
    notReceived: 'not received',
    upload: 'Upload',
    uploadReplacement: 'Upload replacement',
    chooseFile: 'Choose a file',
    chooseReplacement: 'Replace with a new file (if the officer asked for it)',
    limits: (types: string) => `${types}; at most ${MAX_MB} MB`,
    or: 'or',
    formHint: `Each upload form works for ${MINUTES} minutes after this page is opened. If an error page in English appears after you press Upload (file too large, or the form expired), press your browser's Back button and reload this page.`,
    invalidFile: 'File refused: its type or size is not allowed. Choose another file.',
    reason: "The officer's reason",
    resubmitTitle: 'Submit the request again',
    resubmitText:
      'Once every replacement is uploaded, send the request back to the village officer. The service time runs again from the moment you resubmit.',
    resubmitButton: 'Submit the request again',
    correctTitle: 'Correct your answers (if the officer asked)',
    correctHint: 'Fill in only what needs correcting; a field left empty stays as it was.',
    keepValue: '— unchanged —',
    trackLink: 'Track this request',
    linkInvalid: 'This receipt link is not valid',
    linkHint:
      'Open the receipt link you kept (it holds the secret code) exactly as it was saved. The request can still be followed with its tracking code.',
    trackInstead: 'Track the request with its tracking code',
    state: {
      missing:
        'Upload each required document below. The village officer reviews the request once every required document is in.',
      submitted: 'All required documents are in. The village officer will review your request.',
      in_review: 'The village officer is reviewing your request.',
      in_review_missing:
        'The village officer is reviewing your request, but a required document is still missing: upload it below.',
      needs_revision:
        'Your request needs a correction. Upload the replacements asked for below (documents already received can be replaced), then press “Submit the request again”.',
      resubmitted: 'Your correction was sent. The village officer will review your request again.',
      forwarded:
        'The village has checked the request and forwarded it to the kecamatan for signature. Documents can no longer change.',
      approved: 'Your request is approved. The village officer is preparing the letter.',
      completed: 'Your request is completed: the letter has been issued.',
      rejected: 'Your request was rejected.',
    },
  },
} as const;

export interface UploadForm {
  requirement: { code: string; name: { id: string; en: string }; accept: string[]; required?: boolean };
  confirmed: boolean;
  post?: { url: string; fields: Record<string, string> };
}

/** What the confirm step said about a refused upload (from the receipt's query, after its redirect). */
export interface ReceiptNotice {
  error?: string | undefined;
  requirement?: string | undefined;
  why?: string | undefined;
  size?: string | undefined;
  detected?: string | undefined;
}

const isFileError = (why: string | undefined): why is FileError =>
  (FILE_ERRORS as readonly string[]).includes(why ?? '');
const isDocumentType = (type: string | undefined): type is string =>
  (DOCUMENT_MIME_TYPES as readonly string[]).includes(type ?? '');

function typeList(lang: Lang, accept: readonly string[]): string {
  const names = (accept.length ? accept : DOCUMENT_MIME_TYPES).map(typeName);
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} ${R[lang].or} ${names.at(-1)}`
    : (names[0] ?? '');
}

/** The message beside a refused upload: what was wrong, from known reasons only (the query is not trusted). */
function refusal(lang: Lang, notice: ReceiptNotice, accept: readonly string[]): string {
  if (!isFileError(notice.why)) return R[lang].invalidFile;
  const params = fileErrorParams({
    ...(notice.size ? { size: Number(notice.size) } : {}),
    ...(isDocumentType(notice.detected) ? { detected: notice.detected } : {}),
    accept: accept.length ? accept : DOCUMENT_MIME_TYPES,
  });
  const text = t(lang, `error.${notice.why}`, params);
  // a placeholder left unfilled (a link cut short): the general sentence instead
  return /\{\w+\}/.test(text) ? R[lang].invalidFile : text;
}

/** The officer's reason for the current status (needs_revision, rejected): the last move into it. */
function reasonFor(request: RequestItem): string | undefined {
  const last = request.history.at(-1);
  return last && last.to === request.status ? last.reason : undefined;
}

function stateText(lang: Lang, status: Status, missing: boolean): string {
  const s = R[lang].state;
  if (status === 'submitted') return missing ? s.missing : s.submitted;
  if (status === 'in_review') return missing ? s.in_review_missing : s.in_review;
  return s[status];
}

function uploadForm(lang: Lang, f: UploadForm, notice: ReceiptNotice, name: string): string {
  const s = R[lang];
  const code = esc(f.requirement.code);
  const error =
    notice.error === 'invalid_file' && notice.requirement === f.requirement.code
      ? `<p class="box err" role="alert">${esc(refusal(lang, notice, f.requirement.accept))}</p>`
      : '';
  const hidden = Object.entries(f.post?.fields ?? {})
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  const accept = f.requirement.accept.length ? f.requirement.accept : DOCUMENT_MIME_TYPES;
  const status = f.confirmed ? ` — <span class="ok">✔ ${s.uploaded}</span>` : '';
  return `<li><strong>${name}</strong>${status}${error}<form method="post" action="${esc(f.post?.url)}" enctype="multipart/form-data">${hidden}<label for="file-${code}">${f.confirmed ? s.chooseReplacement : s.chooseFile}</label><small id="hint-${code}" class="hint">${esc(s.limits(typeList(lang, accept)))}</small><input id="file-${code}" type="file" name="file" required accept="${esc(accept.join(','))}" aria-describedby="hint-${code}"> <button type="submit">${f.confirmed ? s.uploadReplacement : s.upload}</button></form></li>`;
}

/**
 * The receipt: codes (the secret once), a status text that fits the status, the officer's reason when
 * the request was sent back or rejected, one upload form per document still accepted (in
 * needs_revision also a replacement form for each received one) and, in needs_revision, the plain
 * form that submits the request again. No script: every step is a form post.
 */
export function receiptPage(
  lang: Lang,
  request: RequestItem,
  /** shown on the first view only; later views say it was shown already */
  secret: string | undefined,
  /** the secret from the link, for the resubmit form (never shown as text) */
  linkSecret: string,
  forms: UploadForm[],
  notice: ReceiptNotice,
  now: Date,
  /** in needs_revision: the service's form fields, to correct answers without JavaScript */
  correctable: Service['fields'] = [],
): string {
  const s = R[lang];
  const docs = forms
    .map((f) => {
      const name = `${esc(f.requirement.name[lang])}${f.requirement.required === false ? ` <small class="optional">(${s.optional})</small>` : ''}`;
      if (f.post) return uploadForm(lang, f, notice, name);
      if (f.confirmed) return `<li><strong>${name}</strong> — <span class="ok">✔ ${s.uploaded}</span></li>`;
      // documents are locked once the request is signed off: no form, just what is missing
      return `<li><strong>${name}</strong> — ${s.notReceived}</li>`;
    })
    .join('');
  const missing = forms.some((f) => !f.confirmed && f.requirement.required !== false);
  const reason = reasonFor(request);
  const tone = request.status === 'needs_revision' ? ' warn' : request.status === 'rejected' ? ' err' : '';
  const state = `<div class="box${tone}" role="status"><p>${esc(stateText(lang, request.status, missing))}</p>${reason ? `<p><strong>${s.reason}:</strong></p><blockquote>${esc(reason)}</blockquote>` : ''}</div>`;
  const resubmit =
    request.status === 'needs_revision'
      ? `<h2>${s.resubmitTitle}</h2><form method="post" action="${esc(`${config.API_URL}/requests/${request.id}/resubmit`)}"><input type="hidden" name="secret" value="${esc(linkSecret)}"><input type="hidden" name="lang" value="${lang}">${correctionFields(lang, correctable)}<p>${s.resubmitText}</p><button type="submit">${s.resubmitButton}</button></form>`
      : '';
  const due = request.dueAt
    ? esc(fmt(request.dueAt, lang))
    : request.clockRemaining
      ? s.duePaused
      : s.dueWaiting;
  const letter =
    request.status === 'completed' && request.letterNumber
      ? `<br><strong>${s.letter}:</strong> ${esc(request.letterNumber)}`
      : '';
  const trackUrl = `${config.API_URL}/track/${encodeURIComponent(request.trackingCode)}?lang=${lang}`;
  const uploads = forms.some((f) => f.post) ? `<p><small>${s.formHint}</small></p>` : '';
  return page(
    lang,
    s.receipt,
    `<h1>${s.receipt}</h1>
<div class="box"><p>${s.tracking}<br><span class="code">${esc(request.trackingCode)}</span></p>
${secret ? `<p>${s.secret}<br><span class="code">${esc(secret)}</span></p><p><small>${s.keep}</small></p>` : `<p>${s.secret}: <small>${s.secretShown}</small></p>`}</div>
<p><strong>${s.service}:</strong> ${esc(request.serviceName[lang])}<br><strong>${s.status}:</strong> ${esc(STATUS_LABELS[request.status][lang])}<br>
<strong>${s.due}:</strong> ${due}${overdue(request, now) ? ` <strong class="err">(${s.overdue})</strong>` : ''}${letter}</p>
${state}
${forms.length ? `<h2>${s.documents}</h2>${uploads}<ul>${docs}</ul>` : ''}
${resubmit}
<p><a href="${esc(trackUrl)}">${s.trackLink}</a></p>`,
  );
}

/**
 * A receipt link that does not open a receipt (wrong or missing secret, unknown request, a link cut
 * short), or a resubmit form post without a valid secret: there was no form to go back to, so the
 * page says so and leads to the tracking form.
 */
export function receiptLinkErrorPage(lang: Lang, error: { code: string; message: string }): string {
  const s = R[lang];
  return page(
    lang,
    s.linkInvalid,
    `<h1>${s.linkInvalid}</h1><div class="box err" role="alert"><p>${esc(error.message)}</p></div><p>${s.linkHint}</p>
<p><a href="${esc(`${config.API_URL}/track?lang=${lang}`)}">${s.trackInstead}</a></p><p><small>${esc(error.code)}</small></p>`,
  );
}

/**
 * The service's answers as empty inputs on the resubmit form: the villager types only what the officer
 * asked to correct (an empty one keeps its answer: resubmit.ts drops empty values). Never prefilled —
 * whoever holds the receipt link would read the applicant's answers. Multi-value lists stay as they are
 * (a checkbox left unticked could not say "unchanged"); JSON clients can send them.
 */
function correctionFields(lang: Lang, fields: Service['fields']): string {
  const s = R[lang];
  const inputs = [...fields]
    .filter((f) => f.datatype !== 'multivaluelist')
    .sort((a, b) => a.order - b.order)
    .map((f) => {
      const id = `fix-${f.code}`;
      const label = `<label for="${id}">${esc(f.label[lang])}</label>`;
      if (f.datatype === 'singlevaluelist')
        return `${label}<select id="${id}" name="fields.${esc(f.code)}"><option value="">${s.keepValue}</option>${(f.values ?? []).map((v) => `<option value="${esc(v.key)}">${esc(v.name[lang])}</option>`).join('')}</select>`;
      const kind =
        f.datatype === 'number' ? ' inputmode="numeric"' : f.datatype === 'datetime' ? ' type="date"' : '';
      return `${label}<input id="${id}" name="fields.${esc(f.code)}"${kind} maxlength="500" autocomplete="off">`;
    })
    .join('');
  return inputs
    ? `<fieldset><legend>${s.correctTitle}</legend><p><small>${s.correctHint}</small></p>${inputs}</fieldset>`
    : '';
}
