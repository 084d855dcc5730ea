import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BANYUWANGI_HOLIDAYS_2026,
  computeDueAt,
  DEFAULT_OFFICE_HOURS,
  isOverdue,
  type OfficeHours,
  officeDuration,
  officeMinutesBetween,
  parseIsoDuration,
} from '../../../functions/calendar/due';

/** A WIB wall time as an instant. */
const wib = (local: string) => new Date(`${local}+07:00`);
const due = (start: Date, duration: string, holidays: readonly string[] = []) =>
  computeDueAt(start, duration, DEFAULT_OFFICE_HOURS, holidays);

describe('parseIsoDuration', () => {
  it('reads hours, minutes and their combination as office minutes', () => {
    expect(parseIsoDuration('PT4H')).toEqual({ days: 0, minutes: 240 });
    expect(parseIsoDuration('PT30M')).toEqual({ days: 0, minutes: 30 });
    expect(parseIsoDuration('PT1H30M')).toEqual({ days: 0, minutes: 90 });
  });

  it('reads days as whole office days, separate from minutes', () => {
    expect(parseIsoDuration('P1D')).toEqual({ days: 1, minutes: 0 });
    expect(parseIsoDuration('P3D')).toEqual({ days: 3, minutes: 0 });
    expect(parseIsoDuration('P1DT2H')).toEqual({ days: 1, minutes: 120 });
  });

  it.each(['', 'P', 'PT', 'P1DT', '4H', 'PT1.5H', 'P1W', 'P1M', 'PT-1H', 'PT30S', 'pt4h', ' PT4H'])(
    'rejects %j',
    (s) => {
      expect(() => parseIsoDuration(s)).toThrow(RangeError);
    },
  );
});

describe('computeDueAt with hours', () => {
  it('a request completed on Friday at 15:00 with PT4H is due Monday 11:00', () => {
    expect(due(wib('2026-01-09T15:00'), 'PT4H')).toEqual(wib('2026-01-12T11:00'));
  });

  it('a request filed Monday 09:00 with PT4H is due the same day at 13:00', () => {
    expect(due(wib('2026-01-05T09:00'), 'PT4H')).toEqual(wib('2026-01-05T13:00'));
  });

  it('a request filed at 12:00 with PT4H is due at closing time 16:00, not the next morning', () => {
    expect(due(wib('2026-01-05T12:00'), 'PT4H')).toEqual(wib('2026-01-05T16:00'));
  });

  it('a request filed at 06:00 before opening with PT1H30M is due at 09:30', () => {
    expect(due(wib('2026-01-05T06:00'), 'PT1H30M')).toEqual(wib('2026-01-05T09:30'));
  });

  it('a request filed at 16:00 sharp starts counting at the next opening', () => {
    expect(due(wib('2026-01-05T16:00'), 'PT30M')).toEqual(wib('2026-01-06T08:30'));
  });

  it('a request filed on Saturday with PT30M is due Monday 08:30', () => {
    expect(due(wib('2026-01-10T11:00'), 'PT30M')).toEqual(wib('2026-01-12T08:30'));
  });

  it('keeps seconds of the start time', () => {
    expect(due(wib('2026-01-05T09:15:42'), 'PT30M')).toEqual(wib('2026-01-05T09:45:42'));
  });

  it('a request filed Tuesday 17 March 2026 at 14:00 with PT4H skips Nyepi and Idulfitri and is due 25 March 10:00', () => {
    expect(due(wib('2026-03-17T14:00'), 'PT4H', BANYUWANGI_HOLIDAYS_2026)).toEqual(wib('2026-03-25T10:00'));
  });

  it('a request filed on a holiday starts at the next office day', () => {
    expect(due(wib('2026-08-17T09:00'), 'PT1H', BANYUWANGI_HOLIDAYS_2026)).toEqual(wib('2026-08-18T09:00'));
  });

  it('PT0M from inside office hours is the start itself, from outside it is the next opening', () => {
    expect(due(wib('2026-01-05T10:00'), 'PT0M')).toEqual(wib('2026-01-05T10:00'));
    expect(due(wib('2026-01-05T20:00'), 'PT0M')).toEqual(wib('2026-01-06T08:00'));
  });

  it('a 20-hour promise spans two and a half office days', () => {
    expect(due(wib('2026-01-05T08:00'), 'PT20H')).toEqual(wib('2026-01-07T12:00'));
  });
});

describe('computeDueAt with days', () => {
  it('a request filed Monday 10:00 with P1D is due Tuesday 10:00', () => {
    expect(due(wib('2026-01-05T10:00'), 'P1D')).toEqual(wib('2026-01-06T10:00'));
  });

  it('a request filed Friday 10:00 with P1D is due Monday 10:00', () => {
    expect(due(wib('2026-01-09T10:00'), 'P1D')).toEqual(wib('2026-01-12T10:00'));
  });

  it('a request filed on Saturday with P1D is due Monday at closing time 16:00', () => {
    expect(due(wib('2026-01-10T10:00'), 'P1D')).toEqual(wib('2026-01-12T16:00'));
  });

  it('a request filed Monday 10:00 with P3D is due Thursday 10:00', () => {
    expect(due(wib('2026-01-05T10:00'), 'P3D')).toEqual(wib('2026-01-08T10:00'));
  });

  it('a request filed Monday 15:00 with P1DT2H is due Wednesday 09:00', () => {
    expect(due(wib('2026-01-05T15:00'), 'P1DT2H')).toEqual(wib('2026-01-07T09:00'));
  });

  it('a request filed Thursday 14:00 with P1D is due at 11:00 on a Friday that closes at 11:00', () => {
    const hours: OfficeHours = {
      ...DEFAULT_OFFICE_HOURS,
      days: { ...DEFAULT_OFFICE_HOURS.days, fri: { open: '07:30', close: '11:00' } },
    };
    expect(computeDueAt(wib('2026-01-08T14:00'), 'P1D', hours, [])).toEqual(wib('2026-01-09T11:00'));
  });
});

describe('computeDueAt time zones', () => {
  it('a WITA office (Asia/Makassar) opening at 08:00 local is 00:00 UTC', () => {
    const hours = { ...DEFAULT_OFFICE_HOURS, timeZone: 'Asia/Makassar' };
    expect(computeDueAt(new Date('2026-01-04T12:00:00Z'), 'PT1H', hours, [])).toEqual(
      new Date('2026-01-05T01:00:00Z'),
    );
  });

  it('a WIT office (Asia/Jayapura) Friday 15:00 with PT4H is due Monday 11:00 WIT', () => {
    const hours = { ...DEFAULT_OFFICE_HOURS, timeZone: 'Asia/Jayapura' };
    expect(computeDueAt(new Date('2026-01-09T15:00:00+09:00'), 'PT4H', hours, [])).toEqual(
      new Date('2026-01-12T11:00:00+09:00'),
    );
  });

  it('an office in a DST zone keeps wall-clock hours across the clock change', () => {
    const hours = { ...DEFAULT_OFFICE_HOURS, timeZone: 'Europe/Berlin' };
    // Friday 27 March 2026 15:00 CET; clocks go forward on Sunday 29 March
    expect(computeDueAt(new Date('2026-03-27T15:00:00+01:00'), 'PT4H', hours, [])).toEqual(
      new Date('2026-03-30T11:00:00+02:00'),
    );
  });

  it('rejects an unknown time zone and office hours that close before they open', () => {
    expect(() =>
      computeDueAt(new Date(), 'PT1H', { ...DEFAULT_OFFICE_HOURS, timeZone: 'Mars/Olympus' }, []),
    ).toThrow(RangeError);
    const bad: OfficeHours = {
      ...DEFAULT_OFFICE_HOURS,
      days: { ...DEFAULT_OFFICE_HOURS.days, mon: { open: '16:00', close: '08:00' } },
    };
    expect(() => computeDueAt(new Date(), 'PT1H', bad, [])).toThrow(/closes/);
  });

  it('rejects a calendar without any open weekday', () => {
    const closed: OfficeHours = {
      timeZone: 'Asia/Jakarta',
      days: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null },
    };
    expect(() => computeDueAt(new Date(), 'PT1H', closed, [])).toThrow(/no open weekday/);
  });
});

describe('computeDueAt properties', () => {
  const starts = fc.date({
    min: new Date('2025-06-01T00:00:00Z'),
    max: new Date('2027-06-01T00:00:00Z'),
    noInvalidDate: true,
  });
  const durations = fc.constantFrom(
    'PT30M',
    'PT1H',
    'PT4H',
    'PT7H59M',
    'PT8H',
    'PT12H',
    'P1D',
    'P2DT3H',
    'P3D',
  );

  it('a due time is never before the start and always falls within office hours of an office day', () => {
    fc.assert(
      fc.property(starts, durations, (start, d) => {
        const dueAt = due(start, d, BANYUWANGI_HOLIDAYS_2026);
        expect(dueAt.getTime()).toBeGreaterThanOrEqual(start.getTime());
        const local = new Date(dueAt.getTime() + 7 * 3_600_000);
        const minute = local.getUTCHours() * 60 + local.getUTCMinutes() + local.getUTCSeconds() / 60;
        expect(minute).toBeGreaterThanOrEqual(8 * 60);
        expect(minute).toBeLessThanOrEqual(16 * 60);
        expect([0, 6]).not.toContain(local.getUTCDay());
        expect(BANYUWANGI_HOLIDAYS_2026).not.toContain(local.toISOString().slice(0, 10));
      }),
    );
  });

  it('a later start is never due earlier', () => {
    fc.assert(
      fc.property(starts, starts, durations, (a, b, d) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(due(late, d).getTime()).toBeGreaterThanOrEqual(due(early, d).getTime());
      }),
    );
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-01-05T05:00:00Z');

  it('a request without a due date is never overdue', () => {
    expect(isOverdue(undefined, now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
    expect(isOverdue('', now)).toBe(false);
    expect(isOverdue('not a date', now)).toBe(false);
  });

  it('a request is overdue only once now is past its due time', () => {
    expect(isOverdue('2026-01-05T04:59:59Z', now)).toBe(true);
    expect(isOverdue(new Date('2026-01-05T05:00:00Z'), now)).toBe(false);
    expect(isOverdue('2026-01-05T12:30:00+07:00', now)).toBe(false);
  });
});

describe('BANYUWANGI_HOLIDAYS_2026', () => {
  it('lists the 17 national holidays and 8 cuti bersama of 2026 as sorted, unique, real dates', () => {
    expect(BANYUWANGI_HOLIDAYS_2026).toHaveLength(25);
    expect(new Set(BANYUWANGI_HOLIDAYS_2026).size).toBe(25);
    expect([...BANYUWANGI_HOLIDAYS_2026].sort()).toEqual(BANYUWANGI_HOLIDAYS_2026);
    for (const d of BANYUWANGI_HOLIDAYS_2026) {
      expect(d).toMatch(/^2026-\d\d-\d\d$/);
      expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
    }
    expect(BANYUWANGI_HOLIDAYS_2026).toContain('2026-08-17');
  });
});

describe('officeMinutesBetween (the promise left when it is paused for the citizen)', () => {
  const left = (a: Date, b: Date, holidays: readonly string[] = []) =>
    officeMinutesBetween(a, b, DEFAULT_OFFICE_HOURS, holidays);

  it('counts only office minutes: within a day, over a weekend, over a holiday', () => {
    expect(left(wib('2026-11-23T10:00'), wib('2026-11-23T14:00'))).toBe(240);
    expect(left(wib('2026-11-27T15:00'), wib('2026-11-30T11:00'))).toBe(240); // Fri → Mon
    // Monday 17 August 2026 is Independence Day
    expect(left(wib('2026-08-14T15:00'), wib('2026-08-18T11:00'), BANYUWANGI_HOLIDAYS_2026)).toBe(240);
    expect(left(wib('2026-08-14T15:00'), wib('2026-08-18T11:00'))).toBe(720);
  });

  it('is 0 outside office hours and when the end is not after the start', () => {
    expect(left(wib('2026-11-28T09:00'), wib('2026-11-29T15:00'))).toBe(0); // Sat → Sun
    expect(left(wib('2026-11-23T17:00'), wib('2026-11-24T07:00'))).toBe(0);
    expect(left(wib('2026-11-23T14:00'), wib('2026-11-23T10:00'))).toBe(0);
  });

  it('undoes computeDueAt: the office time from a start to its due time is the duration', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2026-01-01T00:00:00Z'),
          max: new Date('2026-12-20T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 3000 }),
        (start, minutes) => {
          const dueAt = computeDueAt(
            start,
            officeDuration(minutes),
            DEFAULT_OFFICE_HOURS,
            BANYUWANGI_HOLIDAYS_2026,
          );
          expect(left(start, dueAt, BANYUWANGI_HOLIDAYS_2026)).toBe(minutes);
        },
      ),
    );
  });

  it('pause and resume: a 4-hour promise paused after 2 office hours has 2 left from resubmission', () => {
    const start = wib('2026-11-23T10:00'); // Monday
    const dueAt = due(start, 'PT4H');
    expect(dueAt).toEqual(wib('2026-11-23T14:00'));
    const remaining = officeDuration(left(wib('2026-11-23T12:00'), dueAt));
    expect(remaining).toBe('PT120M');
    // resubmitted Wednesday 15:00: one hour that day, one the next morning
    expect(due(wib('2026-11-25T15:00'), remaining)).toEqual(wib('2026-11-26T09:00'));
  });
});
