import { en } from './en';
import { id, type StringKey } from './id';

export type Lang = 'id' | 'en';
export type { StringKey };

const tables: Record<Lang, Record<string, string>> = { id, en };

/** Translate a strings-file key, filling its `{name}` placeholders; anything that is not a key is returned as is. */
export function t(lang: Lang, key: string, params?: Record<string, string>): string {
  const text = tables[lang][key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (all, name: string) => params[name] ?? all) : text;
}

/**
 * What a form calls the input at `path` (`applicant.nik` → "NIK"): the strings file's `label.<path>`,
 * else the last segment of the path (a field code), never the dotted path itself.
 */
export function fieldLabel(lang: Lang, path: string): string {
  return tables[lang][`label.${path}`] ?? path.split('.').pop() ?? path;
}

/** Bahasa Indonesia unless the caller prefers English (explicit `lang`, else Accept-Language). */
export function negotiateLang(acceptLanguage: string | undefined, explicit?: string | null): Lang {
  if (explicit === 'en' || explicit === 'id') return explicit;
  if (!acceptLanguage) return 'id';
  const prefs = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((p) => p.tag && !Number.isNaN(p.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of prefs) {
    if (tag.startsWith('id') || tag.startsWith('in')) return 'id';
    if (tag.startsWith('en')) return 'en';
  }
  return 'id';
}
