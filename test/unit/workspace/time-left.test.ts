import { describe, expect, it } from 'vitest';
import { strings } from '../../../site/kerja/src/client/i18n';
import { moveLabel } from '../../../site/kerja/src/client/labels';
import {
  formatDuration,
  officeLeft,
  officeMinutesBetween,
  timeLeft,
} from '../../../site/kerja/src/client/time-left';

// WIB = UTC+7: 08:00 WIB is 01:00Z. Monday 7 December 2026.
const wib = (day: number, hh: number, mm = 0) => new Date(Date.UTC(2026, 11, day, hh - 7, mm));

describe('office time left (WIB, Mon–Fri 08:00–16:00)', () => {
  it('counts only office hours of working days', () => {
    expect(officeMinutesBetween(wib(7, 9), wib(7, 11, 30))).toBe(150);
    // Monday 15:00 → Tuesday 09:00: one hour on Monday, one on Tuesday
    expect(officeMinutesBetween(wib(7, 15), wib(8, 9))).toBe(120);
    // Friday 15:00 → Monday 09:00: the weekend does not count
    expect(officeMinutesBetween(wib(11, 15), wib(14, 9))).toBe(120);
    // before opening and after closing count nothing
    expect(officeMinutesBetween(wib(7, 6), wib(7, 8))).toBe(0);
    expect(officeMinutesBetween(wib(7, 17), wib(7, 23))).toBe(0);
  });

  it('is negative when the due time has passed', () => {
    // Monday 15:00 to Tuesday 10:00, the wrong way round: one hour on Monday, two on Tuesday
    expect(officeMinutesBetween(wib(8, 10), wib(7, 15))).toBe(-180);
  });

  it('says hours and minutes, and office days past a full day, in both languages', () => {
    expect(formatDuration(20, strings.id.time)).toBe('20 menit');
    expect(formatDuration(135, strings.id.time)).toBe('2 jam 15 menit');
    expect(formatDuration(8 * 60 * 2 + 180, strings.id.time)).toBe('2 hari 3 jam');
    expect(formatDuration(60, strings.en.time)).toBe('1 h');
    expect(formatDuration(8 * 60, strings.en.time)).toBe('1 day');
  });

  it('tells time left, overdue, or due now', () => {
    expect(timeLeft(wib(7, 9), wib(7, 11).toISOString(), strings.id.time)).toEqual({
      text: 'sisa 2 jam waktu kerja',
      overdue: false,
    });
    expect(timeLeft(wib(8, 9), wib(7, 15).toISOString(), strings.en.time)).toEqual({
      text: '2 h of office time overdue',
      overdue: true,
    });
    // due on Saturday, read on Saturday after it: overdue, though no office time has passed
    expect(timeLeft(wib(12, 12), wib(12, 10).toISOString(), strings.id.time)).toEqual({
      text: 'jatuh tempo sekarang',
      overdue: true,
    });
  });

  it("prefers the API's officeMinutesLeft (the village's own calendar) when the line has one", () => {
    const now = wib(7, 9);
    // the village closes on 7 December (a local holiday): the API says 30 minutes, not the usual week's 2 h
    const due = wib(8, 8, 30).toISOString();
    expect(officeLeft(now, { dueAt: due, officeMinutesLeft: 30 }, strings.id.time)).toEqual({
      text: 'sisa 30 menit waktu kerja',
      overdue: false,
    });
    expect(
      officeLeft(now, { dueAt: wib(7, 8).toISOString(), officeMinutesLeft: -60 }, strings.en.time),
    ).toEqual({
      text: '1 h of office time overdue',
      overdue: true,
    });
    // no figure from the API: counted here; no due time (documents awaited): nothing
    expect(officeLeft(now, { dueAt: wib(7, 11).toISOString() }, strings.id.time)?.text).toBe(
      'sisa 2 jam waktu kerja',
    );
    expect(officeLeft(now, { dueAt: null, officeMinutesLeft: null }, strings.id.time)).toBeUndefined();
  });
});

describe('decision labels', () => {
  it('the camat returns a forwarded request to the village (in_review), and asks the citizen with needs_revision', () => {
    expect(moveLabel(strings.id, 'in_review', true)).toBe('Kembalikan ke desa');
    expect(moveLabel(strings.id, 'needs_revision', true)).toBe('Minta perbaikan');
    expect(moveLabel(strings.id, 'in_review', false)).toBe('Mulai periksa');
    expect(moveLabel(strings.en, 'in_review', true)).toBe('Return to the village');
  });
});
