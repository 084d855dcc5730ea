/**
 * The local sign-in page (what Cognito's managed login shows on AWS): username and password, then —
 * for an account made with a temporary password — a new password twice. Bahasa Indonesia first.
 * Every value is rendered by preact (escaped); the OAuth parameters ride along as hidden fields.
 */
import { Page, renderPage } from '../lib/html';
import type { Lang } from '../lib/i18n';
import { PASSWORD_POLICY, type PasswordProblem } from '../lib/password';

const TEXT = {
  id: {
    title: 'Masuk ke Ruang Kerja',
    lead: 'Masuk dengan akun petugas Anda.',
    username: 'Nama pengguna atau e-mail',
    password: 'Kata sandi',
    submit: 'Masuk',
    newTitle: 'Buat kata sandi baru',
    newLead: 'Akun ini dibuat dengan kata sandi sementara. Buat kata sandi Anda sendiri untuk melanjutkan.',
    newPassword: 'Kata sandi baru',
    newAgain: 'Ulangi kata sandi baru',
    newSubmit: 'Simpan dan masuk',
    policy: `Minimal ${PASSWORD_POLICY.minLength} karakter, dengan huruf besar, huruf kecil, angka dan simbol.`,
    failed: 'Nama pengguna atau kata sandi salah.',
    disabled: 'Akun ini dinonaktifkan. Hubungi admin kabupaten.',
    tooMany: 'Terlalu banyak percobaan masuk. Coba lagi dalam beberapa menit.',
    mismatch: 'Kedua kata sandi baru tidak sama.',
    expired: 'Waktu untuk membuat kata sandi habis. Masuk lagi dengan kata sandi sementara.',
    problems: {
      length: `kurang dari ${PASSWORD_POLICY.minLength} karakter`,
      lowercase: 'belum ada huruf kecil',
      uppercase: 'belum ada huruf besar',
      digit: 'belum ada angka',
      symbol: 'belum ada simbol',
    },
    weak: 'Kata sandi baru belum memenuhi syarat:',
    badRequest: 'Permintaan masuk ini tidak sah',
    badRequestLead:
      'Tautan masuk ini tidak berasal dari Ruang Kerja yang terdaftar. Buka Ruang Kerja lagi dan tekan Masuk.',
  },
  en: {
    title: 'Sign in to the Workspace',
    lead: 'Sign in with your staff account.',
    username: 'Username or e-mail',
    password: 'Password',
    submit: 'Sign in',
    newTitle: 'Set a new password',
    newLead: 'This account was created with a temporary password. Set your own password to continue.',
    newPassword: 'New password',
    newAgain: 'Repeat the new password',
    newSubmit: 'Save and sign in',
    policy: `At least ${PASSWORD_POLICY.minLength} characters, with upper and lower case letters, a digit and a symbol.`,
    failed: 'Wrong username or password.',
    disabled: 'This account is disabled. Ask the regency administrator.',
    tooMany: 'Too many sign-in attempts. Try again in a few minutes.',
    mismatch: 'The two new passwords differ.',
    expired: 'The time to set a password ran out. Sign in again with the temporary password.',
    problems: {
      length: `shorter than ${PASSWORD_POLICY.minLength} characters`,
      lowercase: 'no lower case letter',
      uppercase: 'no upper case letter',
      digit: 'no digit',
      symbol: 'no symbol',
    },
    weak: 'The new password does not meet the rules yet:',
    badRequest: 'This sign-in request is not valid',
    badRequestLead:
      'This sign-in link does not come from the registered Workspace. Open the Workspace again and sign in.',
  },
} as const;

export type SignInMessage = 'failed' | 'disabled' | 'tooMany' | 'mismatch' | 'expired';

/** The OAuth request the form carries through its posts (validated again on each). */
export type OAuthParams = Record<string, string>;

function Hidden({ params }: { params: OAuthParams }) {
  return (
    <>
      {Object.entries(params).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function Alert({ children }: { children: preact.ComponentChildren }) {
  return (
    <div class="box err" role="alert" id="sign-in-error">
      {children}
    </div>
  );
}

export function signInPage(
  lang: Lang,
  action: string,
  params: OAuthParams,
  opts: { username?: string; message?: SignInMessage } = {},
): string {
  const t = TEXT[lang];
  const described = opts.message ? { 'aria-describedby': 'sign-in-error' } : {};
  return renderPage(
    <Page lang={lang} title={t.title}>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      {opts.message ? <Alert>{t[opts.message]}</Alert> : null}
      <form method="post" action={action}>
        <Hidden params={{ ...params, step: 'password' }} />
        <label for="username">{t.username}</label>
        <input
          id="username"
          name="username"
          type="text"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          required
          maxLength={128}
          value={opts.username ?? ''}
          {...described}
        />
        <label for="password">{t.password}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          maxLength={256}
          {...described}
        />
        <button type="submit">{t.submit}</button>
      </form>
    </Page>,
  );
}

export function newPasswordPage(
  lang: Lang,
  action: string,
  params: OAuthParams,
  session: string,
  opts: { message?: 'mismatch'; problems?: PasswordProblem[] } = {},
): string {
  const t = TEXT[lang];
  const wrong = opts.message || opts.problems?.length;
  const described = { 'aria-describedby': wrong ? 'sign-in-error password-policy' : 'password-policy' };
  return renderPage(
    <Page lang={lang} title={t.newTitle}>
      <h1>{t.newTitle}</h1>
      <p>{t.newLead}</p>
      {opts.message ? <Alert>{t[opts.message]}</Alert> : null}
      {opts.problems?.length ? (
        <Alert>
          <p>{t.weak}</p>
          <ul>
            {opts.problems.map((p) => (
              <li key={p}>{t.problems[p]}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <form method="post" action={action}>
        <Hidden params={{ ...params, step: 'new_password', session }} />
        <p id="password-policy">
          <small>{t.policy}</small>
        </p>
        <label for="new_password">{t.newPassword}</label>
        <input
          id="new_password"
          name="new_password"
          type="password"
          autocomplete="new-password"
          required
          minLength={PASSWORD_POLICY.minLength}
          maxLength={256}
          {...described}
        />
        <label for="new_password_again">{t.newAgain}</label>
        <input
          id="new_password_again"
          name="new_password_again"
          type="password"
          autocomplete="new-password"
          required
          minLength={PASSWORD_POLICY.minLength}
          maxLength={256}
          {...described}
        />
        <button type="submit">{t.newSubmit}</button>
      </form>
    </Page>,
  );
}

/** A request that does not come from the registered client: shown, never redirected (RFC 6749 §4.1.2.1). */
export function badRequestPage(lang: Lang, problem: string): string {
  const t = TEXT[lang];
  return renderPage(
    <Page lang={lang} title={t.badRequest}>
      <h1>{t.badRequest}</h1>
      <Alert>
        <p>{t.badRequestLead}</p>
        <p>
          <small>{problem}</small>
        </p>
      </Alert>
    </Page>,
  );
}
