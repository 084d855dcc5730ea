import { describe, expect, it } from 'vitest';
import {
  type Actor,
  allowedMoves,
  allowedTransitions,
  checkTransition,
  isClosed,
  isStatus,
  open311Status,
  type ServiceLevel,
  STATUS_LABELS,
  STATUSES,
  TRANSITIONS,
} from '../../../functions/requests/domain/transitions';

const actors: Actor[] = ['village-officer', 'kecamatan-officer', 'citizen'];
const levels: ServiceLevel[] = ['desa', 'kecamatan'];

describe('checkTransition', () => {
  it('a village officer picks up a submitted or resubmitted request for review', () => {
    for (const from of ['submitted', 'resubmitted'] as const) {
      expect(checkTransition({ from, to: 'in_review', actor: 'village-officer', level: 'desa' })).toEqual({
        ok: true,
      });
    }
  });

  it('a village officer approves a desa-level request but cannot approve a kecamatan-level one', () => {
    expect(
      checkTransition({ from: 'in_review', to: 'approved', actor: 'village-officer', level: 'desa' }),
    ).toEqual({
      ok: true,
    });
    expect(
      checkTransition({ from: 'in_review', to: 'approved', actor: 'village-officer', level: 'kecamatan' }),
    ).toEqual({ ok: false, code: 'invalid_transition' });
  });

  it('a village officer forwards a kecamatan-level request but never a desa-level one', () => {
    expect(
      checkTransition({ from: 'in_review', to: 'forwarded', actor: 'village-officer', level: 'kecamatan' }),
    ).toEqual({ ok: true });
    expect(
      checkTransition({ from: 'in_review', to: 'forwarded', actor: 'village-officer', level: 'desa' }),
    ).toEqual({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it('asking for a revision or rejecting needs a reason that is not blank', () => {
    for (const to of ['needs_revision', 'rejected'] as const) {
      const base = { from: 'in_review', to, actor: 'village-officer', level: 'desa' } as const;
      expect(checkTransition(base)).toEqual({ ok: false, code: 'reason_required' });
      expect(checkTransition({ ...base, reason: '  ' })).toEqual({ ok: false, code: 'reason_required' });
      expect(checkTransition({ ...base, reason: null })).toEqual({ ok: false, code: 'reason_required' });
      expect(checkTransition({ ...base, reason: 'Scan KK tidak terbaca' })).toEqual({ ok: true });
    }
  });

  it('the kecamatan officer approves, returns or rejects a forwarded request', () => {
    const base = { from: 'forwarded', actor: 'kecamatan-officer', level: 'kecamatan' } as const;
    expect(checkTransition({ ...base, to: 'approved' })).toEqual({ ok: true });
    expect(checkTransition({ ...base, to: 'needs_revision' })).toEqual({
      ok: false,
      code: 'reason_required',
    });
    expect(
      checkTransition({ ...base, to: 'needs_revision', reason: 'Alamat tujuan kurang lengkap' }),
    ).toEqual({
      ok: true,
    });
    expect(checkTransition({ ...base, to: 'rejected', reason: 'Bukan wilayah kecamatan ini' })).toEqual({
      ok: true,
    });
  });

  it('the village officer cannot act on a forwarded request and the kecamatan officer cannot review', () => {
    expect(
      checkTransition({ from: 'forwarded', to: 'approved', actor: 'village-officer', level: 'kecamatan' }),
    ).toEqual({ ok: false, code: 'invalid_transition' });
    expect(
      checkTransition({ from: 'submitted', to: 'in_review', actor: 'kecamatan-officer', level: 'kecamatan' }),
    ).toEqual({ ok: false, code: 'invalid_transition' });
  });

  it('the village officer completes an approved request of either level', () => {
    for (const level of levels) {
      expect(checkTransition({ from: 'approved', to: 'completed', actor: 'village-officer', level })).toEqual(
        {
          ok: true,
        },
      );
    }
  });

  it('only the citizen resubmits a request that needs revision', () => {
    expect(
      checkTransition({ from: 'needs_revision', to: 'resubmitted', actor: 'citizen', level: 'desa' }),
    ).toEqual({
      ok: true,
    });
    expect(
      checkTransition({ from: 'needs_revision', to: 'resubmitted', actor: 'village-officer', level: 'desa' }),
    ).toEqual({ ok: false, code: 'invalid_transition' });
  });

  it('an invalid transition is reported as such even without a reason', () => {
    expect(
      checkTransition({ from: 'submitted', to: 'rejected', actor: 'village-officer', level: 'desa' }),
    ).toEqual({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it('nothing leaves a closed request', () => {
    for (const from of STATUSES.filter(isClosed)) {
      for (const actor of actors) {
        for (const level of levels) expect(allowedTransitions(from, actor, level)).toEqual([]);
      }
    }
  });
});

describe('allowedTransitions', () => {
  it('lists what a village officer may do with a request in review', () => {
    expect(allowedTransitions('in_review', 'village-officer', 'desa')).toEqual([
      'needs_revision',
      'approved',
      'rejected',
    ]);
    expect(allowedTransitions('in_review', 'village-officer', 'kecamatan')).toEqual([
      'needs_revision',
      'forwarded',
      'rejected',
    ]);
  });

  it('agrees with checkTransition for every combination', () => {
    for (const from of STATUSES)
      for (const to of STATUSES)
        for (const actor of actors)
          for (const level of levels) {
            const allowed = allowedTransitions(from, actor, level).includes(to);
            const check = checkTransition({ from, to, actor, level, reason: 'alasan' });
            expect(check.ok).toBe(allowed);
          }
  });

  it('every status but submitted can be reached and every open status can be left', () => {
    const targets = new Set(TRANSITIONS.map((t) => t.to));
    const sources = new Set(TRANSITIONS.map((t) => t.from));
    expect(STATUSES.filter((s) => !targets.has(s))).toEqual(['submitted']);
    expect(STATUSES.filter((s) => !sources.has(s))).toEqual(['completed', 'rejected']);
  });
});

describe('status helpers', () => {
  it('completed and rejected are closed for Open311, everything else is open', () => {
    expect(STATUSES.filter((s) => open311Status(s) === 'closed')).toEqual(['completed', 'rejected']);
    expect(open311Status('forwarded')).toBe('open');
  });

  it('every status has an Indonesian and an English label', () => {
    for (const s of STATUSES) {
      expect(STATUS_LABELS[s].id).not.toBe('');
      expect(STATUS_LABELS[s].en).not.toBe('');
    }
    expect(STATUS_LABELS.needs_revision).toEqual({ id: 'Perlu perbaikan', en: 'Needs revision' });
  });

  it('isStatus recognises only the known statuses', () => {
    expect(isStatus('in_review')).toBe(true);
    expect(isStatus('closed')).toBe(false);
    expect(isStatus(3)).toBe(false);
  });
});

describe('allowedMoves (the workspace buttons)', () => {
  it("gives each move the caller's role may make now, with whether it needs a reason", () => {
    expect(allowedMoves('in_review', 'village-officer', 'desa')).toEqual([
      { to: 'needs_revision', reasonRequired: true },
      { to: 'approved', reasonRequired: false },
      { to: 'rejected', reasonRequired: true },
    ]);
    expect(allowedMoves('in_review', 'village-officer', 'kecamatan').map((m) => m.to)).toEqual([
      'needs_revision',
      'forwarded',
      'rejected',
    ]);
    expect(allowedMoves('submitted', 'kecamatan-officer', 'kecamatan')).toEqual([]);
    expect(allowedMoves('forwarded', 'regency-admin', 'kecamatan')).toEqual([]);
    expect(allowedMoves('completed', 'village-officer', 'desa')).toEqual([]);
  });

  it('the camat returns a forwarded request to the village (in_review) with a reason', () => {
    expect(allowedMoves('forwarded', 'kecamatan-officer', 'kecamatan')).toContainEqual({
      to: 'in_review',
      reasonRequired: true,
    });
    expect(
      checkTransition({ from: 'forwarded', to: 'in_review', actor: 'kecamatan-officer', level: 'kecamatan' }),
    ).toEqual({ ok: false, code: 'reason_required' });
    expect(
      checkTransition({ from: 'forwarded', to: 'in_review', actor: 'village-officer', level: 'kecamatan' })
        .ok,
    ).toBe(false);
  });
});
