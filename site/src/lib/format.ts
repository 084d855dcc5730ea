/** Formatting shared by every page: rupiah, office-time durations, dates, percentages. */
import { INTL_LOCALE, type Lang, t } from '../i18n';

const RUPIAH = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});

/** `Rp 65.000` (Indonesian grouping on both languages: it is how prices are written in Indonesia) */
export const rupiah = (n: number): string => RUPIAH.format(n);

/** "Gratis" / "Free" when 0, else rupiah */
export const cost = (lang: Lang, n: number): string => (n === 0 ? t(lang)['cost.free'] : rupiah(n));

const NUMBER: Record<Lang, Intl.NumberFormat> = {
  id: new Intl.NumberFormat('id-ID'),
  en: new Intl.NumberFormat('en-GB'),
};
export const number = (lang: Lang, n: number): string => NUMBER[lang].format(n);

/** Share of `part` in `whole` as a whole percentage (0 when the whole is 0). */
export const percent = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part / whole) * 100) : 0;

/**
 * An ISO 8601 office-time duration in words: PT4H → "4 jam kerja" / "4 office hours",
 * P1D → "1 hari kerja" / "1 working day", P1DT4H → "1 hari kerja 4 jam kerja" / "… and …".
 * Anything unparseable is shown as written.
 */
export function duration(lang: Lang, iso: string): string {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return iso;
  const s = t(lang);
  const parts: string[] = [];
  if (m[1]) parts.push(s['duration.day'](Number(m[1])));
  if (m[2]) parts.push(s['duration.hour'](Number(m[2])));
  if (m[3]) parts.push(s['duration.minute'](Number(m[3])));
  return parts.length ? parts.join(s['duration.and']) : iso;
}

const DATE: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat(INTL_LOCALE.id, { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, { dateStyle: 'long', timeZone: 'UTC' }),
};
/** An ISO date (YYYY-MM-DD) as "20 April 2026" */
export const date = (lang: Lang, iso: string): string => DATE[lang].format(new Date(iso.slice(0, 10)));

/** "07:30" → "07.30" in Indonesian (the Indonesian way of writing times), unchanged in English */
export const time = (lang: Lang, hhmm: string): string => (lang === 'id' ? hhmm.replace(':', '.') : hhmm);

const ZONES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};
/** Asia/Jakarta → WIB (the abbreviation every Indonesian reads) */
export const zone = (timeZone: string): string => ZONES[timeZone] ?? timeZone;

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the element. */
export const jsonLd = (data: unknown): string => JSON.stringify(data).replace(/</g, '\\u003c');

/** XML text escaping (RSS and sitemaps are written by hand) */
export const xml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * Office hours in one line, consecutive days with the same hours grouped:
 * "Senin–Kamis 07.30–15.30 · Jumat 07.30–11.00 · Sabtu 08.00–12.00 WIB".
 */
export function hoursSummary(
  lang: Lang,
  hours: { timeZone: string; days: Record<string, { open: string; close: string } | null> },
): string {
  const s = t(lang);
  const groups: { from: (typeof WEEKDAYS)[number]; to: (typeof WEEKDAYS)[number]; span: string }[] = [];
  for (const d of WEEKDAYS) {
    const h = hours.days[d];
    if (!h) continue;
    const span = `${time(lang, h.open)}–${time(lang, h.close)}`;
    const last = groups.at(-1);
    const prev = WEEKDAYS[WEEKDAYS.indexOf(d) - 1];
    if (last && last.span === span && last.to === prev) last.to = d;
    else groups.push({ from: d, to: d, span });
  }
  const days = (g: (typeof groups)[number]) =>
    g.from === g.to ? s[`day.${g.from}`] : `${s[`day.${g.from}`]}–${s[`day.${g.to}`]}`;
  return `${groups.map((g) => `${days(g)} ${g.span}`).join(' · ')} ${zone(hours.timeZone)}`;
}

/** A phone number that never wraps: non-breaking spaces and hyphens ("(0333) 000-2408"). */
export const phoneText = (phone: string): string => phone.replace(/ /g, '\u00a0').replace(/-/g, '\u2011');

type Photo = { id: string; placeholder: string };

/** The class that carries a photo's placeholder background (see placeholderCss). */
export const photoClass = (productId: string, photo: Photo): string =>
  `ph-${`${productId}-${photo.id}`.replace(/[^A-Za-z0-9_-]/g, '_')}`;

const DATA_URI = /^data:image\/[a-z+]+;base64,[A-Za-z0-9+/=]+$/;

/**
 * The tiny blurred placeholders of the photos on a page, as CSS for the page's <head>: the photo shows
 * its placeholder as a background until it loads. Only well-formed base64 image data URIs pass.
 */
export function placeholderCss(products: { id: string; photos: Photo[] }[], allPhotos = false): string {
  return products
    .flatMap((p) => (allPhotos ? p.photos : p.photos.slice(0, 1)).map((ph) => [p.id, ph] as const))
    .filter(([, ph]) => DATA_URI.test(ph.placeholder))
    .map(([id, ph]) => `.${photoClass(id, ph)}{background-image:url(${ph.placeholder})}`)
    .join('');
}
