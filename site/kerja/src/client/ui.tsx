/** What every screen shares: the session bar, the signed-out view, errors, and the live region. */

import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api';
import { type Role, signIn, signOut, type User } from './auth/session';
import type { Strings } from './i18n';
import { type Lang, type Screen, screenPath } from './routes';

export interface ScreenProps {
  lang: Lang;
  t: Strings;
  user: User | undefined;
}

export const has = (user: User | undefined, role: Role) => !!user?.roles.includes(role);

export function SessionBar({ lang, t, user, screen }: ScreenProps & { screen: Screen }) {
  if (!user) return null;
  const links: [Screen, string, boolean][] = [
    ['queue', t.nav.queue, true],
    ['walkin', t.nav.walkin, has(user, 'village-officer')],
    ['accounts', t.nav.accounts, has(user, 'regency-admin')],
  ];
  return (
    <div class="session">
      <nav aria-label={t.nav.label}>
        <ul>
          {links
            .filter(([, , shown]) => shown)
            .map(([s, label]) => (
              <li key={s}>
                <a href={screenPath(lang, s)} aria-current={s === screen ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      <p class="who">
        {t.signIn.signedInAs} <strong>{user.name}</strong>
        {user.roles.length > 0 && <span> · {user.roles.map((r) => t.roles[r] ?? r).join(', ')}</span>}
      </p>
      <button type="button" class="secondary" onClick={() => void signOut(lang)}>
        {t.signIn.signOut}
      </button>
    </div>
  );
}

export function SignedOut({ lang, t }: { lang: Lang; t: Strings }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <section class="card signin">
      <p>{t.signIn.lead}</p>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          signIn(lang).catch(() => {
            setBusy(false);
            setFailed(true);
          });
        }}
      >
        {busy ? t.signIn.signingIn : t.signIn.button}
      </button>
      <p class="hint">{t.signIn.idle}</p>
      {failed && (
        <p class="error" role="alert">
          {t.errors.config}
        </p>
      )}
    </section>
  );
}

/** The words for an error of a call (no technical detail, nothing the citizen typed). */
export function errorText(t: Strings, e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 403) return t.errors.forbidden;
    if (e.status === 404) return t.request.notFound;
    return t.errors.generic;
  }
  return t.errors.network;
}

export function ErrorBox({ t, error, retry }: { t: Strings; error: unknown; retry?: () => void }) {
  return (
    <div class="error" role="alert">
      <p>{errorText(t, error)}</p>
      {retry && (
        <button type="button" class="secondary" onClick={retry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}

/** A polite live region: status changes are read out (set the text; the region stays in the page). */
export function Live({ children }: { children: ComponentChildren }) {
  return (
    <p class="live" aria-live="polite" role="status">
      {children}
    </p>
  );
}

/** Loads once per `key` change; `reload()` loads again. */
export function useLoad<T>(load: () => Promise<T>, key: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...key, n]);
  return { ...state, reload: () => setN((x) => x + 1), set: (data: T) => setState({ data, loading: false }) };
}

export const localized = (lang: Lang, text: { id: string; en: string } | undefined) => text?.[lang] ?? '';

export function formatDateTime(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(iso));
}
