/**
 * The public verification page of a letter (`/verifikasi/{token}`): a few hundred bytes of HTML, no
 * JavaScript, no image — what a bank clerk's phone shows after scanning the QR code. Bahasa Indonesia
 * first; English with `?lang=en`.
 */
import type { Lang } from '../lib/i18n';
import { tanggal } from './domain/letters';

export interface VerificationView {
  status: 'valid' | 'revoked';
  revokedAt: string | null;
  number: string;
  type: string;
  office: string;
  issuedAt: string;
  holder: string;
  sha256: string | null;
  version?: number;
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const T = {
  id: {
    title: 'Verifikasi surat',
    valid: 'Sah',
    validNote: 'Surat ini diterbitkan oleh kantor di bawah dan tidak dicabut.',
    revoked: 'Dicabut',
    revokedNote: 'Surat ini telah dicabut pada',
    unknown: 'Surat tidak ditemukan',
    unknownNote: 'Kode verifikasi ini tidak dikenal. Periksa kembali tautan atau kode QR.',
    number: 'Nomor',
    type: 'Jenis surat',
    office: 'Diterbitkan oleh',
    date: 'Tanggal',
    holder: 'Atas nama',
    sha: 'SHA-256 berkas',
  },
  en: {
    title: 'Letter verification',
    valid: 'Valid',
    validNote: 'This letter was issued by the office below and has not been revoked.',
    revoked: 'Revoked',
    revokedNote: 'This letter was revoked on',
    unknown: 'Letter not found',
    unknownNote: 'This verification code is unknown. Check the link or the QR code again.',
    number: 'Number',
    type: 'Type of letter',
    office: 'Issued by',
    date: 'Date',
    holder: 'Holder',
    sha: 'File SHA-256',
  },
};

export function verificationPage(lang: Lang, view: VerificationView | undefined): string {
  const t = T[lang === 'en' ? 'en' : 'id'];
  const head = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${t.title}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:1em auto;padding:0 1em}h1{font-size:1.6em}.ok{color:#05661f}.no{color:#a30000}dt{font-weight:600}dd{margin:0 0 .5em;word-break:break-all}</style>`;
  if (!view) return `${head}<h1 class="no">${t.unknown}</h1><p>${t.unknownNote}</p></html>`;
  const ok = view.status === 'valid';
  const state = ok
    ? `<h1 class="ok">✔ ${t.valid}</h1><p>${t.validNote}</p>`
    : `<h1 class="no">✘ ${t.revoked}</h1><p>${t.revokedNote} ${esc(tanggal(view.revokedAt ?? view.issuedAt))}.</p>`;
  const row = (k: string, v: string) => `<dt>${k}</dt><dd>${esc(v)}</dd>`;
  return `${head}${state}<dl>${row(t.number, view.number)}${row(t.type, view.type)}${row(t.office, view.office)}${row(t.date, tanggal(view.issuedAt))}${row(t.holder, view.holder)}${view.sha256 ? row(t.sha, view.sha256) : ''}</dl></html>`;
}
