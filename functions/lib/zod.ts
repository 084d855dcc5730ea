/**
 * zod for Lambda code: `zod/mini` (functional API, no methods attached to every schema instance, so
 * a fraction of classic zod's bundle size and cold-start cost). Unlike classic zod, `zod/mini` loads
 * no locale, and its messages would all read "Invalid input"; the English one is configured here,
 * once, so issue messages (e.g. "Invalid input: expected string, received undefined", which
 * `zodFields` in ./middleware/validate.ts maps to `field.required`) are the same as classic zod's.
 * Import zod in functions/ from this module, never from 'zod' or 'zod/mini' directly.
 *
 * `string()` here is zod's with one rule added for every text field of every schema: the text is
 * well-formed Unicode (no lone UTF-16 surrogate; see ./unicode.ts). It is checked first and aborts
 * the field's other checks, so the field is named once, with `field.unicode`.
 */
import { config, type core, refine, string as zodString } from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { UNICODE_MESSAGE } from './unicode';

config(en());

export * from 'zod/mini';

export function string(params?: string | core.$ZodStringParams) {
  return zodString(params).check(
    refine((value: string) => value.isWellFormed(), { error: UNICODE_MESSAGE, abort: true }),
  );
}
