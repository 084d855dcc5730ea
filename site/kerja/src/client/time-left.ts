/**
 * "Time left" of a request in office time (WIB): the due time is counted in office hours by the API
 * (functions/calendar/due.ts); the queue shows how many office hours remain, or how many are overdue.
 * Pure and clock-free: `now` is passed in. The village's own hours and holidays are the API's to know;
 * here the regency's usual week (Mon–Fri 08:00–16:00 WIB) is close enough to sort by eye.
 */
import type { Strings } from './i18n';

export interface OfficeWeek {
  /** minutes east of UTC: WIB = +7 h, no daylight saving */
  utcOffsetMinutes: number;
  /** day of week (0 = Sunday) → [open, close] in minutes after midnight local */
  days: Partial<Record<number, readonly [number, number]>>;
}

const weekday = [8 * 60, 16 * 60] as const;
export const WIB_OFFICE_WEEK: OfficeWeek = {
  utcOffsetMinutes: 7 * 60,
  days: { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday },
};
/** one office day, to say "2 days 3 h" rather than "19 h" */
export const OFFICE_DAY_MINUTES = 8 * 60;

const DAY = 86_400_000;

/** Office minutes between two instants (negative when `to` is before `from`). */
export function officeMinutesBetween(from: Date, to: Date, week: OfficeWeek = WIB_OFFICE_WEEK): number {
  if (to.getTime() < from.getTime()) return -officeMinutesBetween(to, from, week);
  const offset = week.utcOffsetMinutes * 60_000;
  const a = from.getTime() + offset;
  const b = to.getTime() + offset;
  let total = 0;
  for (let day = Math.floor(a / DAY) * DAY; day < b; day += DAY) {
    const hours = week.days[new Date(day).getUTCDay()];
    if (!hours) continue;
    const open = Math.max(a, day + hours[0] * 60_000);
    const close = Math.min(b, day + hours[1] * 60_000);
    if (close > open) total += (close - open) / 60_000;
  }
  return Math.round(total);
}

/** "2 hari 3 jam", "4 jam 15 menit", "20 menit" (rounded to whole minutes; days are office days). */
export function formatDuration(minutes: number, t: Strings['time']): string {
  const m = Math.max(0, Math.round(minutes));
  const days = Math.floor(m / OFFICE_DAY_MINUTES);
  const hours = Math.floor((m % OFFICE_DAY_MINUTES) / 60);
  const mins = m % 60;
  if (days > 0) return hours > 0 ? `${t.days(days)} ${t.hours(hours)}` : t.days(days);
  if (hours > 0) return mins > 0 ? `${t.hours(hours)} ${t.minutes(mins)}` : t.hours(hours);
  return t.minutes(mins);
}

/** What the queue says about a due time: left, overdue, or due now. */
export function timeLeft(
  now: Date,
  dueAt: string,
  t: Strings['time'],
  week: OfficeWeek = WIB_OFFICE_WEEK,
): { text: string; overdue: boolean } {
  const due = new Date(dueAt);
  const minutes = officeMinutesBetween(now, due, week);
  if (due.getTime() < now.getTime()) {
    return { text: minutes === 0 ? t.dueNow : t.overdue(formatDuration(-minutes, t)), overdue: true };
  }
  return { text: minutes === 0 ? t.dueNow : t.left(formatDuration(minutes, t)), overdue: false };
}

/**
 * The queue's and the request's "time left": the API's `officeMinutesLeft` (the village's own office
 * hours and holidays) when it gives one; else counted here in the usual week.
 */
export function officeLeft(
  now: Date,
  item: { dueAt: string | null; officeMinutesLeft?: number | null },
  t: Strings['time'],
): { text: string; overdue: boolean } | undefined {
  if (!item.dueAt) return undefined;
  const minutes = item.officeMinutesLeft;
  if (typeof minutes !== 'number') return timeLeft(now, item.dueAt, t);
  const overdue = minutes < 0 || new Date(item.dueAt).getTime() < now.getTime();
  if (minutes === 0) return { text: t.dueNow, overdue };
  return overdue
    ? { text: t.overdue(formatDuration(Math.abs(minutes), t)), overdue: true }
    : { text: t.left(formatDuration(minutes, t)), overdue: false };
}
