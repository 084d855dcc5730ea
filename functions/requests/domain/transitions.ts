/**
 * The life of a service request as data: who may move it from which status to which, and when a
 * reason must be given. Services at `desa` level are approved by the village; `kecamatan` level
 * services are forwarded by the village to the camat's office, which approves.
 */

export const STATUSES = [
  'submitted',
  'in_review',
  'needs_revision',
  'resubmitted',
  'forwarded',
  'approved',
  'completed',
  'rejected',
] as const;

export type Status = (typeof STATUSES)[number];
export type Actor = 'village-officer' | 'kecamatan-officer' | 'citizen';
export type ServiceLevel = 'desa' | 'kecamatan';

export type TransitionRule = {
  from: Status;
  to: Status;
  actor: Actor;
  /** only for services of this level; any level when absent */
  level?: ServiceLevel;
  /** the actor must say why (shown to the citizen) */
  reasonRequired?: boolean;
};

export const TRANSITIONS: readonly TransitionRule[] = [
  { actor: 'village-officer', from: 'submitted', to: 'in_review' },
  { actor: 'village-officer', from: 'resubmitted', to: 'in_review' },
  { actor: 'village-officer', from: 'in_review', to: 'needs_revision', reasonRequired: true },
  { actor: 'village-officer', from: 'in_review', to: 'approved', level: 'desa' },
  { actor: 'village-officer', from: 'in_review', to: 'forwarded', level: 'kecamatan' },
  { actor: 'village-officer', from: 'in_review', to: 'rejected', reasonRequired: true },
  { actor: 'village-officer', from: 'approved', to: 'completed' },
  { actor: 'kecamatan-officer', from: 'forwarded', to: 'approved', level: 'kecamatan' },
  // the camat's "Kembalikan ke desa": back to the village's review with a reason (the village fixes
  // or asks the citizen itself); decision 0029
  {
    actor: 'kecamatan-officer',
    from: 'forwarded',
    to: 'in_review',
    level: 'kecamatan',
    reasonRequired: true,
  },
  {
    actor: 'kecamatan-officer',
    from: 'forwarded',
    to: 'needs_revision',
    level: 'kecamatan',
    reasonRequired: true,
  },
  { actor: 'kecamatan-officer', from: 'forwarded', to: 'rejected', level: 'kecamatan', reasonRequired: true },
  { actor: 'citizen', from: 'needs_revision', to: 'resubmitted' },
];

export const STATUS_LABELS: Record<Status, { id: string; en: string }> = {
  submitted: { id: 'Diajukan', en: 'Submitted' },
  in_review: { id: 'Sedang diperiksa', en: 'In review' },
  needs_revision: { id: 'Perlu perbaikan', en: 'Needs revision' },
  resubmitted: { id: 'Diajukan ulang', en: 'Resubmitted' },
  forwarded: { id: 'Diteruskan ke kecamatan', en: 'Forwarded to the kecamatan' },
  approved: { id: 'Disetujui', en: 'Approved' },
  completed: { id: 'Selesai', en: 'Completed' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
};

export type TransitionCheck = { ok: true } | { ok: false; code: 'invalid_transition' | 'reason_required' };

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

function applies(rule: TransitionRule, from: Status, actor: Actor, level: ServiceLevel): boolean {
  return rule.from === from && rule.actor === actor && (rule.level === undefined || rule.level === level);
}

/** May `actor` move a request of a `level` service from `from` to `to`, with this `reason`? */
export function checkTransition(input: {
  from: Status;
  to: Status;
  actor: Actor;
  level: ServiceLevel;
  reason?: string | null;
}): TransitionCheck {
  const rule = TRANSITIONS.find((r) => r.to === input.to && applies(r, input.from, input.actor, input.level));
  if (!rule) return { ok: false, code: 'invalid_transition' };
  if (rule.reasonRequired && !input.reason?.trim()) return { ok: false, code: 'reason_required' };
  return { ok: true };
}

/** The statuses `actor` may move a request of a `level` service to from `from`, in table order. */
export function allowedTransitions(from: Status, actor: Actor, level: ServiceLevel): Status[] {
  return TRANSITIONS.filter((r) => applies(r, from, actor, level)).map((r) => r.to);
}

/** A move the caller may make now: where to, and whether a reason must go with it. */
export type AllowedMove = { to: Status; reasonRequired: boolean };

/** The moves `actor` may make on a request of a `level` service in status `from`, in table order. */
export function allowedMoves(from: Status, actor: Actor | string, level: ServiceLevel): AllowedMove[] {
  return TRANSITIONS.filter((r) => applies(r, from, actor as Actor, level)).map((r) => ({
    to: r.to,
    reasonRequired: r.reasonRequired === true,
  }));
}

/** Completed and rejected requests are finished; nothing moves them again. */
export function isClosed(status: Status): boolean {
  return status === 'completed' || status === 'rejected';
}

/**
 * Moves that act on the dossier as a whole: the village or the camat signs off on it, or the letter is
 * issued. Each needs the request complete (every required document confirmed) — the same moment
 * the promised service time starts from.
 */
export const NEEDS_COMPLETE: readonly Status[] = ['forwarded', 'approved', 'completed'];

/**
 * Documents may be uploaded until the dossier is signed off: once forwarded to the kecamatan,
 * approved or closed, what was checked is what the letter rests on.
 */
export function acceptsDocuments(status: Status): boolean {
  return (
    status === 'submitted' ||
    status === 'in_review' ||
    status === 'needs_revision' ||
    status === 'resubmitted'
  );
}

/** Open311 GeoReport v2 `status` of a request. */
export function open311Status(status: Status): 'open' | 'closed' {
  return isClosed(status) ? 'closed' : 'open';
}
