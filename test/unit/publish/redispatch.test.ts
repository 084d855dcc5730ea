import { describe, expect, it } from 'vitest';
import { MAX_RETRY_MS, RETRY_MS, redispatchDue } from '../../../functions/publish/dispatch';

const minute = 60_000;
const t0 = Date.parse('2026-11-25T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** Simulates the every-minute dispatcher for a village whose build always fails: when is it dispatched? */
function dispatchTimes(untilMs: number): number[] {
  const lastChangeAt = iso(t0);
  let dispatchedAt: string | undefined;
  const times: number[] = [];
  for (let now = t0 + minute; now <= untilMs; now += minute) {
    if (redispatchDue({ lastChangeAt, dispatchedAt }, new Date(now))) {
      times.push(now);
      dispatchedAt = iso(now);
    }
  }
  return times;
}

describe('re-dispatch of a village whose build keeps failing', () => {
  it('dispatches a change never dispatched, and a change newer than the last dispatch, at once', () => {
    const now = new Date(t0 + 2 * minute);
    expect(redispatchDue({ lastChangeAt: iso(t0) }, now)).toBe(true);
    expect(redispatchDue({ lastChangeAt: iso(t0 + minute), dispatchedAt: iso(t0) }, now)).toBe(true);
  });

  it('retries after 20 minutes first, then backs off (doubling), not every 20 minutes forever', () => {
    const gaps = dispatchTimes(t0 + 6 * 60 * minute)
      .map((t, i, all) => (i === 0 ? 0 : t - (all[i - 1] ?? t)))
      .slice(1);
    expect(gaps[0]).toBe(RETRY_MS);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1] ?? 0);
  });

  it('caps the wait at a day: a handful of dispatches in the first day, then one a day', () => {
    const times = dispatchTimes(t0 + 4 * 24 * 60 * minute);
    const firstDay = times.filter((t) => t < t0 + 24 * 60 * minute);
    expect(firstDay.length).toBeLessThanOrEqual(8); // was 72 at a fixed 20 minutes
    const lastGaps = times.slice(-2);
    expect((lastGaps[1] ?? 0) - (lastGaps[0] ?? 0)).toBe(MAX_RETRY_MS);
  });
});
