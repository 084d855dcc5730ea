/**
 * The one entry of every page: reads which screen and language the page is (data-screen, data-lang
 * on #app), renders the session bar into #session and the screen into #app. Each screen is its own
 * chunk, loaded on demand, so a page downloads Preact, the session code and its own screen only.
 */

import type { ComponentType } from 'preact';
import { render } from 'preact';
import { setApiLanguage } from './api';
import { currentUser, watchIdle } from './auth/session';
import { strings } from './i18n';
import type { Lang, Screen } from './routes';
import { type ScreenProps, SessionBar, SignedOut } from './ui';

const loaders: Record<Screen, () => Promise<{ default: ComponentType<ScreenProps> }>> = {
  queue: () => import('./screens/Queue'),
  request: () => import('./screens/Request'),
  walkin: () => import('./screens/WalkIn'),
  accounts: () => import('./screens/Accounts'),
  callback: () => import('./screens/Callback'),
};

async function start() {
  const app = document.getElementById('app');
  const bar = document.getElementById('session');
  if (!app) return;
  const lang: Lang = app.dataset.lang === 'en' ? 'en' : 'id';
  const screen = (app.dataset.screen ?? 'queue') as Screen;
  const t = strings[lang];
  setApiLanguage(lang);
  // the other language keeps the screen's query (a request's id)
  const other = document.querySelector<HTMLAnchorElement>('a[data-other-language]');
  // (not the callback's: its code and state are for this sign-in only)
  if (other && screen !== 'callback') other.href = other.pathname + location.search;

  const user = currentUser();
  if (bar) render(<SessionBar lang={lang} t={t} user={user} screen={screen} />, bar);
  if (!user && screen !== 'callback') {
    render(<SignedOut lang={lang} t={t} />, app);
    return;
  }
  if (user) watchIdle(lang);
  // staff without TOTP yet (AWS): "Amankan akun Anda" in the screen's place (decision 0030)
  const load =
    user?.enrol && screen !== 'callback' ? () => import('./screens/SecureAccount') : loaders[screen];
  const Component = (await load()).default;
  render(<Component lang={lang} t={t} user={user} />, app);
}

void start();
