/**
 * zod for Lambda code: `zod/mini` (functional API, no methods attached to every schema instance, so
 * a fraction of classic zod's bundle size and cold-start cost). Unlike classic zod, `zod/mini` loads
 * no locale, and its messages would all read "Invalid input"; the English one is configured here,
 * once, so issue messages (e.g. "Invalid input: expected string, received undefined", which
 * `zodFields` in ./http.ts maps to `field.required`) are the same as classic zod's.
 * Import zod in functions/ from this module, never from 'zod' or 'zod/mini' directly.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
