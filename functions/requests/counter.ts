/**
 * What a request filed at the village office's counter (walk-in filing) stores beside a citizen's:
 * its first history entry names the officer, and each required document is recorded as seen in
 * original, by whom and when, instead of an upload.
 */
import type { HistoryEntry } from '../lib/attributes';
import type { SeenDocument } from './entities';

/** The officer at the counter and the requirement codes of the documents they saw in original. */
export interface Counter {
  by: string;
  /** the officer's display name (the ID token's `name`, else the username) */
  byName: string;
  documentsSeen: string[];
}

export function counterFiling(
  counter: Counter,
  at: string,
): { history: HistoryEntry[]; documentsSeen: SeenDocument[] } {
  return {
    history: [
      {
        at,
        actor: counter.by,
        actorName: counter.byName,
        role: 'village-officer',
        from: null,
        to: 'submitted',
        via: 'counter',
      },
    ],
    documentsSeen: counter.documentsSeen.map((requirement) => ({
      requirement,
      by: counter.by,
      byName: counter.byName,
      at,
    })),
  };
}
