/**
 * The workspace's screens and their paths per language (Bahasa Indonesia at /kerja/, English at
 * /kerja/en/). Pure: the Astro pages are generated from it and the app links with it.
 */
export type Lang = 'id' | 'en';
export type Screen = 'queue' | 'request' | 'walkin' | 'accounts' | 'callback';

export const BASE = '/kerja/';
export const SCREENS: readonly Screen[] = ['queue', 'request', 'walkin', 'accounts', 'callback'];

const SLUGS: Record<Lang, Record<Screen, string>> = {
  id: { queue: '', request: 'permintaan/', walkin: 'loket/', accounts: 'akun/', callback: 'callback/' },
  en: { queue: '', request: 'request/', walkin: 'walk-in/', accounts: 'accounts/', callback: 'callback/' },
};

/** `/kerja/` + `en/` + the screen's slug; always with its trailing slash. */
export function screenPath(lang: Lang, screen: Screen): string {
  return `${BASE}${lang === 'en' ? 'en/' : ''}${SLUGS[lang][screen]}`;
}

/** The same screen in the other language (the search part kept: a request's id is no personal data). */
export function otherLanguagePath(lang: Lang, screen: Screen, search = ''): string {
  return screenPath(lang === 'id' ? 'en' : 'id', screen) + search;
}

/** The page path (relative to /kerja/, as getStaticPaths wants it) of every screen in both languages. */
export function allPages(): { path: string; lang: Lang; screen: Screen }[] {
  return (['id', 'en'] as const).flatMap((lang) =>
    SCREENS.map((screen) => ({ path: screenPath(lang, screen).slice(BASE.length), lang, screen })),
  );
}
