/**
 * Letter numbers and what the verification page may show of a holder: pure rules, no I/O.
 *
 * A number follows the regency's pattern, by default
 * `[klasifikasi]/[urut]/[kode desa]/[bulan romawi]/[tahun]` (`400.9.4/0007/35.10.24.2008/XII/2026`), from
 * a gap-free counter per issuing office and year: the village's register (`letter#<village>#<year>`,
 * the counter completions used before letters, so the sequence goes on) or, for a letter the camat
 * approves, the kecamatan's (`letter#kecamatan#<kecamatan>#<year>`) with the kecamatan's code.
 */

/** Deliveries of one letter's message before SQS parks it in the dead-letter queue (and the local runtime gives up). */
export const LETTER_MAX_RECEIVES = 5;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** The month of a date (1–12) in Roman numerals, as registers write it. */
export const romanMonth = (month: number): string => {
  const roman = ROMAN[month - 1];
  if (!roman) throw new RangeError(`month ${month}`);
  return roman;
};

export interface Issuer {
  level: 'desa' | 'kecamatan';
  /** the village's code, or the kecamatan's for a kecamatan-level letter */
  code: string;
}

/** The counter an office numbers its letters of a year with. */
export const letterCounterName = (issuer: Issuer, year: string): string =>
  issuer.level === 'kecamatan' ? `letter#kecamatan#${issuer.code}#${year}` : `letter#${issuer.code}#${year}`;

/**
 * The number of the `sequence`th letter of an office's year. `at` is the completion's time (UTC;
 * month and year are the office's local date, WIB, so a letter of 31 December 23:30 WIB is December's).
 */
export function letterNumber(input: {
  pattern: string;
  classification: string;
  sequence: number;
  officeCode: string;
  at: Date;
}): string {
  const local = new Date(input.at.getTime() + 7 * 3600_000);
  const values: Record<string, string> = {
    klasifikasi: input.classification,
    urut: String(input.sequence).padStart(4, '0'),
    'kode desa': input.officeCode,
    'kode kantor': input.officeCode,
    'bulan romawi': romanMonth(local.getUTCMonth() + 1),
    bulan: String(local.getUTCMonth() + 1).padStart(2, '0'),
    tahun: String(local.getUTCFullYear()),
  };
  return input.pattern.replace(/\[([a-z ]+)\]/g, (whole, name: string) => values[name] ?? whole);
}

/** The year of the office's register a completion at `at` numbers in (WIB). */
export const registerYear = (at: Date): string =>
  String(new Date(at.getTime() + 7 * 3600_000).getUTCFullYear());

/** A holder's name as the verification page shows it: each word's first letter, then stars (`S*** A*****`). */
export const maskName = (name: string): string =>
  name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const chars = [...word];
      return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
    })
    .join(' ');

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** A date as Indonesian letters write it, in WIB: `8 Desember 2026`. */
export function tanggal(iso: string, addMonths = 0): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  if (addMonths) d.setUTCMonth(d.getUTCMonth() + addMonths);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
