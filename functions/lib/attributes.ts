/**
 * Nested attribute shapes several features store (toolbox map/list schemas), and their types derived
 * from them. Factories: each use gets its own schema object.
 */
import type { FormattedValue } from 'dynamodb-toolbox/schema';
import { anyOf } from 'dynamodb-toolbox/schema/anyOf';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { nul } from 'dynamodb-toolbox/schema/nul';
import { record } from 'dynamodb-toolbox/schema/record';
import { string } from 'dynamodb-toolbox/schema/string';

/** A text in Bahasa Indonesia and English. */
export const localized = () => map({ id: string(), en: string() });
export type Localized = FormattedValue<ReturnType<typeof localized>>;

/** A text in Bahasa Indonesia, its English optional. */
export const localizedIdFirst = () => map({ id: string(), en: string().optional() });

/** An office's hours: per weekday (`mon` … `sun`) its opening and closing time, or null (closed). */
export const officeHours = () =>
  map({
    timeZone: string(),
    days: record(string(), anyOf(map({ open: string(), close: string() }), nul())),
  });
export type OfficeHoursData = FormattedValue<ReturnType<typeof officeHours>>;

/** One move of a status history (a request's, a seller's): who moved it from what to what, and why. */
export const historyEntry = () =>
  map({
    at: string(),
    actor: string(),
    role: string(),
    from: anyOf(string(), nul()),
    to: string(),
    reason: string().optional(),
  });
export const history = () => list(historyEntry()).putDefault(() => []);
export type HistoryEntry = FormattedValue<ReturnType<typeof historyEntry>>;
