/**
 * NIK (Nomor Induk Kependudukan), the 16-digit Indonesian population number:
 * `PP KK CC DDMMYY SSSS` — province, regency/city, kecamatan of first registration, birth date (women:
 * day + 40), serial (never 0000). This is a plausibility check only; Dukcapil is the authority.
 */
import { REGENCY_CODES } from './regency-codes';

/** Province codes (first two NIK digits), from idn-area-data 4.0.1 `data/provinces.csv` (38 provinces). */
export const PROVINCE_CODES: readonly string[] = [
  ...'11 12 13 14 15 16 17 18 19 21'.split(' '), // Sumatera, Kepulauan Riau
  ...'31 32 33 34 35 36'.split(' '), // Jawa
  ...'51 52 53'.split(' '), // Bali, Nusa Tenggara
  ...'61 62 63 64 65'.split(' '), // Kalimantan
  ...'71 72 73 74 75 76'.split(' '), // Sulawesi
  ...'81 82'.split(' '), // Maluku
  ...'91 92 93 94 95 96'.split(' '), // Papua
];

const PROVINCES = new Set(PROVINCE_CODES);

/** `PPKK` of every regency/city in ./regency-codes.ts (generated from idn-area-data). */
export function decodeRegencyCodes(encoded: string): Set<string> {
  const codes = new Set<string>();
  for (const group of encoded.split(' ')) {
    const [province = '', runs = ''] = group.split(':');
    for (const run of runs.split(',')) {
      const [from = '', to = from] = run.split('-');
      for (let n = Number(from); n <= Number(to); n++) codes.add(`${province}${String(n).padStart(2, '0')}`);
    }
  }
  return codes;
}

export const REGENCIES: ReadonlySet<string> = decodeRegencyCodes(REGENCY_CODES);

/**
 * Provinces that lost regencies to a province created after NIKs were first issued (Kalimantan
 * Timur → Kalimantan Utara in 2012; Papua and Papua Barat → Papua Selatan, Tengah, Pegunungan and
 * Barat Daya in 2022, when the Papua codes were also renumbered). A NIK keeps the code of its first
 * registration for life, so an older NIK from there can carry a regency code today's list no longer
 * has; in these provinces only the province is checked.
 */
export const RENUMBERED_PROVINCES: readonly string[] = ['64', '91', '92', '94'];
const RENUMBERED = new Set(RENUMBERED_PROVINCES);

/** Whether the first four NIK digits name a regency/city: a known one, or any in a renumbered province. */
export function isKnownRegency(ppkk: string): boolean {
  const province = ppkk.slice(0, 2);
  if (!PROVINCES.has(province) || ppkk.slice(2, 4) === '00') return false;
  return REGENCIES.has(ppkk) || RENUMBERED.has(province);
}

export type NikCheck =
  | {
      ok: true;
      /** kecamatan code in idn-area-data form, e.g. `35.10.24` */
      regionCode: string;
      /** `YYYY-MM-DD` */
      birthDate: string;
      sex: 'M' | 'F';
    }
  | { ok: false; reason: 'format' | 'region' | 'date' };

/**
 * Checks a NIK's shape, province and regency/city (idn-area-data codes), and birth date. The
 * two-digit year is read as the most recent year that does not put the birth date after `now` (a NIK
 * of someone born in 2030 cannot exist yet).
 */
export function checkNik(nik: string, now: Date = new Date()): NikCheck {
  if (!/^\d{16}$/.test(nik) || nik.endsWith('0000')) return { ok: false, reason: 'format' };

  const province = nik.slice(0, 2);
  const regency = nik.slice(2, 4);
  const kecamatan = nik.slice(4, 6);
  if (!isKnownRegency(nik.slice(0, 4)) || kecamatan === '00') return { ok: false, reason: 'region' };

  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex = day > 40 ? 'F' : 'M';
  if (sex === 'F') day -= 40;

  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let year = 2000 + yy;
  if (Date.UTC(year, month - 1, day) > today) year -= 100;
  if (!isCalendarDate(year, month, day)) return { ok: false, reason: 'date' };

  const birthDate = `${year}-${pad(month)}-${pad(day)}`;
  return { ok: true, regionCode: `${province}.${regency}.${kecamatan}`, birthDate, sex };
}

/** `3510241505900001` → `3510********0001`, for showing a NIK back to the citizen. Never echoes malformed input. */
export function maskNik(nik: string): string {
  const digits = nik.trim();
  if (!/^\d{16}$/.test(digits)) return '*'.repeat(16);
  return `${digits.slice(0, 4)}${'*'.repeat(8)}${digits.slice(12)}`;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
