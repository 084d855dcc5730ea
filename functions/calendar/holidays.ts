/**
 * The public-holiday calendar the due time counts around, as data per year. Onboarding writes a
 * regency's list (national days for every regency, plus the regency's own, if any) into its Regency
 * item; the due-time code reads it from there. Add a year's list once it is decreed (SKB 3 Menteri);
 * never guess dates (the Islamic holidays move with the moon sighting).
 */
import { BANYUWANGI_HOLIDAYS_2026 } from './due';

/** National holidays (libur nasional) and collective leave (cuti bersama), local dates, by year. */
export const NATIONAL_HOLIDAYS: Readonly<Record<number, readonly string[]>> = {
  // the 2026 decree is national: the same days close every village office in Indonesia
  2026: BANYUWANGI_HOLIDAYS_2026,
};

/** Regional holidays by regency code and year (none known yet). */
export const REGIONAL_HOLIDAYS: Readonly<Record<string, Readonly<Record<number, readonly string[]>>>> = {};

/** Every known holiday of a regency, sorted, without duplicates. */
export function regencyHolidays(regencyCode: string): string[] {
  const regional = REGIONAL_HOLIDAYS[regencyCode] ?? {};
  return [...new Set([...Object.values(NATIONAL_HOLIDAYS).flat(), ...Object.values(regional).flat()])].sort();
}
