/**
 * Contact details as villagers type them, shared by every feature that asks for them (requests'
 * applicants, sellers' registrations and their sign-in usernames).
 */
import * as z from './zod';

/** Indonesian mobile numbers, normalised to +62… (08… and 62… accepted as typed by villagers). */
export const WhatsApp = z.pipe(
  z.pipe(
    z.string({ error: 'field.whatsapp' }).check(z.trim()),
    z.transform((v: string) => v.replace(/[\s-]/g, '')),
  ),
  z.pipe(
    z.string().check(z.regex(/^(\+62|62|0)8\d{7,11}$/, 'field.whatsapp')),
    z.transform((v: string) => `+62${v.replace(/^(\+62|62|0)/, '')}`),
  ),
);
