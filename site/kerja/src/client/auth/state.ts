/**
 * The sign-in round trip's memory: the PKCE verifier and the screen to come back to. The OAuth
 * `state` carries the return path (random part + base64url of the path), and the verifier waits in
 * sessionStorage under that state. A return path is only ever a path of this app: anything else
 * (another origin, `//host`, a backslash, a scheme) becomes the queue.
 */
export const APP_BASE = '/kerja/';

/** Only paths inside /kerja/ (with their query), nothing that could leave the app. */
export function safeReturnPath(path: string | null | undefined, fallback = APP_BASE): string {
  if (typeof path !== 'string' || path.length > 512) return fallback;
  if (!path.startsWith(APP_BASE)) return fallback;
  if (/[\\\s]|\/\/|^\/kerja\/(en\/)?callback\//.test(path)) return fallback;
  // resolving must keep the origin and the base (no `/kerja/../`)
  const resolved = new URL(path, 'https://app.invalid');
  if (resolved.origin !== 'https://app.invalid' || !resolved.pathname.startsWith(APP_BASE)) return fallback;
  return resolved.pathname + resolved.search;
}

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const fromBase64Url = (b64: string) => {
  const bin = atob(b64.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
};

/** `<random>.<base64url(return path)>`; the random part is oauth4webapi's generateRandomState(). */
export function encodeState(random: string, returnPath: string): string {
  return `${random}.${toBase64Url(safeReturnPath(returnPath))}`;
}

/** The return path a state carries; the queue when it carries none or a bad one. */
export function returnPathOf(state: string | null | undefined): string {
  const encoded = state?.split('.')[1];
  if (!encoded) return APP_BASE;
  try {
    return safeReturnPath(fromBase64Url(encoded));
  } catch {
    return APP_BASE;
  }
}

export interface PendingSignIn {
  state: string;
  verifier: string;
  nonce: string;
  redirectUri: string;
}

const PENDING = 'kerja.signin';

export function savePending(storage: Storage, pending: PendingSignIn): void {
  storage.setItem(PENDING, JSON.stringify(pending));
}

/** The pending sign-in, once: it is removed as it is read (a callback URL cannot be replayed). */
export function takePending(storage: Storage): PendingSignIn | undefined {
  const raw = storage.getItem(PENDING);
  storage.removeItem(PENDING);
  if (!raw) return undefined;
  try {
    const p = JSON.parse(raw) as PendingSignIn;
    return typeof p.state === 'string' && typeof p.verifier === 'string' ? p : undefined;
  } catch {
    return undefined;
  }
}
