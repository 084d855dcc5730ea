/**
 * Status and decision labels. The status labels are the API's own (functions/requests/domain/
 * transitions.ts, a pure module the dependency rules let the workspace import): one source of truth.
 */
import { STATUS_LABELS, STATUSES } from '../../../../functions/requests/domain/transitions';
import type { Status } from './api';
import type { Strings } from './i18n';
import type { Lang } from './routes';

export const STATUS_ORDER: readonly Status[] = STATUSES;

export const statusLabel = (lang: Lang, s: Status | string | null | undefined): string =>
  s && s in STATUS_LABELS ? STATUS_LABELS[s as Status][lang] : String(s ?? '');

/**
 * A decision button's name: what it does. The camat's forwarded → in_review (decision 0029) sends the
 * request back to the village's review: "Kembalikan ke desa"; its needs_revision asks the citizen, as
 * the village's "Minta perbaikan" does.
 */
export function moveLabel(t: Strings, to: Status, camat: boolean): string {
  if (camat && to === 'in_review') return t.moves.returnToVillage ?? to;
  return t.moves[to] ?? to;
}
