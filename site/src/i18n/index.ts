/** The two languages of the sites and their strings. Indonesian pages live at /…/, English at /…/en/. */
import { en } from './en';
import { id, type Strings } from './id';

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type { Strings };

const STRINGS: Record<Lang, Strings> = { id, en };

/** The strings of one language. */
export function t(lang: Lang): Strings {
  return STRINGS[lang];
}

export const OTHER: Record<Lang, Lang> = { id: 'en', en: 'id' };
export const OG_LOCALE: Record<Lang, string> = { id: 'id_ID', en: 'en_US' };
/** BCP 47 tags for Intl formatting of dates and numbers in running text */
export const INTL_LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** The route parameter `[...lang]`: absent for Indonesian, "en" for English. */
export const langParam = (lang: Lang): string | undefined => (lang === 'en' ? 'en' : undefined);

/**
 * A bilingual text where the English may be missing: the text to show on a `lang` page and, when it
 * falls back to Indonesian, the language to mark it with (`lang="id"` on the element).
 */
export function pick(
  lang: Lang,
  text: { id: string; en?: string | undefined },
): { text: string; lang?: Lang } {
  if (lang === 'en' && !text.en) return { text: text.id, lang: 'id' };
  return { text: lang === 'en' ? (text.en ?? text.id) : text.id };
}

/** Same as `pick` for lists of paragraphs (news bodies, procedures). */
export function pickList(
  lang: Lang,
  list: { id: string[]; en?: string[] | undefined },
): { items: string[]; lang?: Lang } {
  if (lang === 'en' && !list.en?.length) return { items: list.id, lang: 'id' };
  return { items: lang === 'en' ? (list.en ?? list.id) : list.id };
}

/** Keys present in one language and not the other (checked by site/build.ts before every build). */
export function missingStrings(): string[] {
  const a = Object.keys(id);
  const b = Object.keys(en);
  return [
    ...a.filter((k) => !b.includes(k)).map((k) => `en: ${k}`),
    ...b.filter((k) => !a.includes(k)).map((k) => `id: ${k}`),
  ];
}
