/**
 * Service-time arithmetic: when is a request due, counting office time only?
 *
 * Durations are ISO 8601 (`PT4H`, `PT30M`, `PT1H30M`, `P1D`, `P3D`, `P1DT2H`) and mean *office* time:
 * - hours/minutes are office minutes — only minutes while the office is open count;
 * - a day (`D`) is one whole office day, whatever that day's length: from a start inside office hours it
 *   lands on the same wall-clock time of the next office day (clamped into that day's opening hours,
 *   e.g. a short Friday). From a start exactly at opening (which includes any start outside office
 *   hours, as those begin at the next opening) one day ends at that same day's closing time — the same
 *   amount of office time as "next office day at opening", but the honest answer for the citizen.
 * Days are applied first, then the minutes.
 *
 * Local wall time comes from `Intl.DateTimeFormat` for any IANA zone — nothing assumes UTC+7, so WIB
 * (Asia/Jakarta), WITA (Asia/Makassar) and WIT (Asia/Jayapura) all work, as do zones with DST.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Opening hours of one weekday as local `HH:MM` (close may be `24:00`); `null` = closed all day. */
export type OfficeDay = { open: string; close: string } | null;

export type OfficeHours = {
  /** IANA time zone of the office, e.g. `Asia/Jakarta` */
  timeZone: string;
  days: Record<Weekday, OfficeDay>;
};

/** Office time of a duration: whole office days plus office minutes (see the module comment). */
export type OfficeDuration = { days: number; minutes: number };

/** Mon–Fri 08:00–16:00 WIB, the usual village office hours in Banyuwangi. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  timeZone: 'Asia/Jakarta',
  days: {
    mon: { open: '08:00', close: '16:00' },
    tue: { open: '08:00', close: '16:00' },
    wed: { open: '08:00', close: '16:00' },
    thu: { open: '08:00', close: '16:00' },
    fri: { open: '08:00', close: '16:00' },
    sat: null,
    sun: null,
  },
};

/**
 * Indonesian national public holidays (libur nasional) and collective leave (cuti bersama) 2026, per
 * SKB 3 Menteri (Menag 1497/2025, Menaker 2/2025, MenPANRB 5/2025): 17 holidays + 8 cuti bersama.
 * Local dates. Regional holidays can be appended per regency/village.
 */
export const BANYUWANGI_HOLIDAYS_2026: readonly string[] = [
  '2026-01-01', // Tahun Baru Masehi
  '2026-01-16', // Isra Mikraj Nabi Muhammad SAW
  '2026-02-16', // cuti bersama Tahun Baru Imlek
  '2026-02-17', // Tahun Baru Imlek 2577 Kongzili
  '2026-03-18', // cuti bersama Nyepi
  '2026-03-19', // Hari Suci Nyepi, Tahun Baru Saka 1948
  '2026-03-20', // cuti bersama Idulfitri
  '2026-03-21', // Idulfitri 1447 H
  '2026-03-22', // Idulfitri 1447 H
  '2026-03-23', // cuti bersama Idulfitri
  '2026-03-24', // cuti bersama Idulfitri
  '2026-04-03', // Wafat Yesus Kristus
  '2026-04-05', // Kebangkitan Yesus Kristus (Paskah)
  '2026-05-01', // Hari Buruh Internasional
  '2026-05-14', // Kenaikan Yesus Kristus
  '2026-05-15', // cuti bersama Kenaikan Yesus Kristus
  '2026-05-27', // Iduladha 1447 H
  '2026-05-28', // cuti bersama Iduladha
  '2026-05-31', // Hari Raya Waisak 2570 BE
  '2026-06-01', // Hari Lahir Pancasila
  '2026-06-16', // Tahun Baru Islam 1448 H
  '2026-08-17', // Proklamasi Kemerdekaan RI
  '2026-08-25', // Maulid Nabi Muhammad SAW
  '2026-12-24', // cuti bersama Natal
  '2026-12-25', // Kelahiran Yesus Kristus (Natal)
];

const DURATION_RE = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;

/**
 * Parses the office-time durations the catalogue uses: `P<n>D`, `PT<n>H`, `PT<n>M` and combinations
 * (`P1DT2H30M`). Weeks, months, years, seconds, fractions and signs are rejected (RangeError).
 */
export function parseIsoDuration(s: string): OfficeDuration {
  const m = DURATION_RE.exec(s);
  if (!m || s.endsWith('T') || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) {
    throw new RangeError(`invalid duration ${JSON.stringify(s)}: expected ISO 8601 like PT4H, PT30M, P1D`);
  }
  const [, d, h, min] = m;
  return { days: Number(d ?? 0), minutes: Number(h ?? 0) * 60 + Number(min ?? 0) };
}

/** `true` when `now` is past `dueAt`. No due date (or an unparsable one) is never overdue. */
export function isOverdue(dueAt: string | Date | undefined | null, now: Date): boolean {
  if (dueAt === undefined || dueAt === null || dueAt === '') return false;
  const due = dueAt instanceof Date ? dueAt.getTime() : Date.parse(dueAt);
  return Number.isFinite(due) && now.getTime() > due;
}

/**
 * The instant `duration` of office time after `start`. A start outside office hours (closed weekday,
 * holiday, before opening, at/after closing) begins at the next opening. `holidays` are local
 * `YYYY-MM-DD` dates on which the office is closed.
 */
export function computeDueAt(
  start: Date,
  duration: string,
  hours: OfficeHours,
  holidays: readonly string[],
): Date {
  const { days, minutes } = parseIsoDuration(duration);
  if (Number.isNaN(start.getTime())) throw new RangeError('computeDueAt: invalid start date');
  const cal = officeCalendar(hours, holidays);

  let pos = cal.nextOpenPosition(toLocal(start.getTime(), hours.timeZone));
  for (let i = 0; i < days; i++) {
    const w = cal.window(pos.day) as Window;
    if (pos.minute <= w.open) {
      pos = { day: pos.day, minute: w.close };
    } else {
      const day = cal.nextOfficeDay(pos.day);
      const nw = cal.window(day) as Window;
      pos = { day, minute: Math.min(Math.max(pos.minute, nw.open), nw.close) };
    }
  }
  let remaining = minutes;
  while (remaining > 0) {
    const w = cal.window(pos.day) as Window;
    const available = w.close - pos.minute;
    if (remaining <= available) {
      pos = { day: pos.day, minute: pos.minute + remaining };
      remaining = 0;
    } else {
      remaining -= available;
      const day = cal.nextOfficeDay(pos.day);
      pos = { day, minute: (cal.window(day) as Window).open };
    }
  }
  return new Date(toInstant(pos, hours.timeZone));
}

/**
 * Office minutes between two instants (0 when `end` is not after `start`): the office time left on
 * a promise at `start` whose due time is `end`. A request sent back to the citizen keeps this much of
 * its promise; `computeDueAt(resumedAt, officeDuration(minutes), …)` is its due time once resubmitted.
 */
export function officeMinutesBetween(
  start: Date,
  end: Date,
  hours: OfficeHours,
  holidays: readonly string[],
): number {
  if (!(end.getTime() > start.getTime())) return 0;
  const cal = officeCalendar(hours, holidays);
  const from = toLocal(start.getTime(), hours.timeZone);
  const to = toLocal(end.getTime(), hours.timeZone);
  let minutes = 0;
  for (let day = from.day; day <= to.day; day++) {
    const w = cal.window(day);
    if (!w) continue;
    const lo = day === from.day ? Math.max(w.open, from.minute) : w.open;
    const hi = day === to.day ? Math.min(w.close, to.minute) : w.close;
    if (hi > lo) minutes += hi - lo;
  }
  return Math.round(minutes);
}

/** Office minutes as a duration `computeDueAt` reads (`PT95M`). */
export const officeDuration = (minutes: number): string => `PT${Math.max(0, Math.ceil(minutes))}M`;

// ---------------------------------------------------------------------------------------------------
// internals

/** A local wall-clock position: `day` = days since 1970-01-01 of the local date, `minute` since midnight. */
type Position = { day: number; minute: number };
type Window = { open: number; close: number };

const DAY_MS = 86_400_000;
const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Give up looking for an office day after this many calendar days (misconfigured calendar). */
const MAX_SEARCH_DAYS = 800;

function parseClock(hhmm: string, label: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!(minutes <= 24 * 60))
    throw new RangeError(`office hours: invalid ${label} time ${JSON.stringify(hhmm)}`);
  return minutes;
}

function officeCalendar(hours: OfficeHours, holidays: readonly string[]) {
  const closed = new Set(holidays);
  const windows = new Map<Weekday, Window | null>();
  for (const wd of WEEKDAY_BY_UTC_DAY) {
    const d = hours.days[wd];
    if (!d) {
      windows.set(wd, null);
      continue;
    }
    const open = parseClock(d.open, `${wd} open`);
    const close = parseClock(d.close, `${wd} close`);
    if (open >= close)
      throw new RangeError(`office hours: ${wd} opens at ${d.open} but closes at ${d.close}`);
    windows.set(wd, { open, close });
  }
  if ([...windows.values()].every((w) => w === null)) throw new RangeError('office hours: no open weekday');

  const window = (day: number): Window | null => {
    const date = new Date(day * DAY_MS);
    const wd = WEEKDAY_BY_UTC_DAY[date.getUTCDay()] as Weekday;
    if (closed.has(date.toISOString().slice(0, 10))) return null;
    return windows.get(wd) ?? null;
  };
  const nextOfficeDay = (day: number): number => {
    for (let d = day + 1; d <= day + MAX_SEARCH_DAYS; d++) if (window(d)) return d;
    throw new RangeError(`office hours: no office day within ${MAX_SEARCH_DAYS} days (holiday list?)`);
  };
  const nextOpenPosition = (pos: Position): Position => {
    const w = window(pos.day);
    if (w && pos.minute < w.close) return { day: pos.day, minute: Math.max(pos.minute, w.open) };
    const day = nextOfficeDay(pos.day);
    return { day, minute: (window(day) as Window).open };
  };
  return { window, nextOfficeDay, nextOpenPosition };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local wall time of a whole-second instant, expressed as if it were UTC (ms). */
function wallAsUtc(instantSec: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instantSec)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const hour = p.hour === 24 ? 0 : (p.hour ?? 0);
  return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, hour, p.minute ?? 0, p.second ?? 0);
}

/** Zone offset (local − UTC, ms) at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const sec = Math.floor(instant / 1000) * 1000;
  return wallAsUtc(sec, timeZone) - sec;
}

function toLocal(instant: number, timeZone: string): Position {
  const wall = instant + offsetAt(instant, timeZone);
  const day = Math.floor(wall / DAY_MS);
  return { day, minute: (wall - day * DAY_MS) / 60_000 };
}

function toInstant(pos: Position, timeZone: string): number {
  const wall = pos.day * DAY_MS + Math.round(pos.minute * 60_000);
  const first = offsetAt(wall, timeZone);
  const guess = wall - first;
  const second = offsetAt(guess, timeZone);
  return second === first ? guess : wall - second;
}
