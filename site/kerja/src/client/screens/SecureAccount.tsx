/**
 * "Amankan akun Anda" (Secure your account, decision 0030): shown instead of any screen to a staff
 * user whose tokens carry no staff group because the account has no TOTP yet (AWS only: the MfaGate
 * trigger). The user sets up an authenticator app here — Cognito's AssociateSoftwareToken (the
 * secret, shown as a QR code and as text), VerifySoftwareToken (a 6-digit code), SetUserMFAPreference
 * (TOTP on and preferred) — then signs in again: managed login asks for the code from now on, and the
 * new tokens carry the staff group. Not a page of its own: main.tsx loads it in the screen's place.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CognitoError, type TotpSteps, totpSteps } from '../auth/cognito-mfa';
import { cognitoEndpoint, groupedSecret, otpauthUri, totpCode } from '../auth/enrolment';
import { accessToken, signOut } from '../auth/session';
import { loadConfig } from '../config';
import { Live, type ScreenProps } from '../ui';
import { type SecureAccountText, secureAccountText } from './secure-account-text';

type Phase =
  | { at: 'intro' | 'preparing' | 'done' | 'has-totp' | 'expired' | 'unavailable' | 'failed' }
  | { at: 'scan'; secret: string };

async function steps(): Promise<TotpSteps | undefined> {
  const endpoint = cognitoEndpoint((await loadConfig()).issuer);
  if (!endpoint) return undefined;
  return totpSteps(endpoint, async () => {
    const token = await accessToken();
    // a session from before the workspace asked for the scope has no access token kept
    if (!token) throw new CognitoError('NotAuthorizedException', 'no access token', 401);
    return token;
  });
}

const failure = (e: unknown): Phase =>
  e instanceof CognitoError && e.type === 'NotAuthorizedException' ? { at: 'expired' } : { at: 'failed' };

export default function SecureAccount({ lang, user }: ScreenProps) {
  const x = secureAccountText[lang];
  const [phase, setPhase] = useState<Phase>({ at: 'intro' });
  const api = useRef<TotpSteps | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  // each new step's heading takes the focus (not on arrival): a screen reader hears where the user is
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current) heading.current?.focus();
    arrived.current = true;
  }, [phase.at]);

  async function start() {
    setPhase({ at: 'preparing' });
    try {
      api.current ??= await steps();
      if (!api.current) return setPhase({ at: 'unavailable' });
      if (await api.current.hasTotp()) return setPhase({ at: 'has-totp' });
      setPhase({ at: 'scan', secret: await api.current.associate() });
    } catch (e) {
      setPhase(failure(e));
    }
  }

  const again = (
    <button type="button" onClick={() => void signOut(lang)}>
      {x.signInAgain}
    </button>
  );

  return (
    <section class="card" aria-labelledby="secure-title">
      <h2 id="secure-title" ref={heading} tabIndex={-1}>
        {x.title}
      </h2>
      {phase.at === 'intro' && (
        <>
          <p>{x.lead}</p>
          <p>{x.apps}</p>
          <button type="button" onClick={() => void start()}>
            {x.start}
          </button>
        </>
      )}
      {phase.at === 'preparing' && <Live>{x.preparing}</Live>}
      {phase.at === 'scan' && api.current && (
        <Enrol
          x={x}
          secret={phase.secret}
          account={user?.email ?? user?.name ?? ''}
          api={api.current}
          onDone={() => setPhase({ at: 'done' })}
          onError={(e) => setPhase(failure(e))}
        />
      )}
      {phase.at === 'done' && (
        <>
          <p class="notice" role="status">
            {x.done}
          </p>
          <p>{x.doneNext}</p>
          {again}
        </>
      )}
      {phase.at === 'has-totp' && <p class="notice">{x.hasTotp}</p>}
      {phase.at === 'unavailable' && <p class="notice">{x.unavailable}</p>}
      {phase.at === 'expired' && (
        <>
          <p class="error" role="alert">
            {x.expired}
          </p>
          {again}
        </>
      )}
      {phase.at === 'failed' && (
        <>
          <p class="error" role="alert">
            {x.failed}
          </p>
          <button type="button" class="secondary" onClick={() => void start()}>
            {x.retry}
          </button>
        </>
      )}
    </section>
  );
}

interface EnrolProps {
  x: SecureAccountText;
  secret: string;
  account: string;
  api: TotpSteps;
  onDone: () => void;
  onError: (e: unknown) => void;
}

function Enrol({ x, secret, account, api, onDone, onError }: EnrolProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function submit(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const code = totpCode(String(new FormData(form).get('code') ?? ''));
    if (!code) return setProblem(x.notSix);
    setBusy(true);
    setProblem(undefined);
    try {
      if (!(await api.verify(code))) {
        setProblem(x.badCode);
        form.reset();
        return;
      }
      await api.prefer();
      onDone();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h3>{x.scan}</h3>
      <Qr text={otpauthUri(secret, account)} x={x} />
      <p>{x.manual}</p>
      <p class="code big">{groupedSecret(secret)}</p>
      {account && (
        <p class="hint">
          {x.account}: {account}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div class="field">
          <label for="totp-code">{x.code}</label>
          <input
            id="totp-code"
            name="code"
            inputMode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            required
            aria-describedby={problem ? 'totp-problem' : undefined}
            aria-invalid={problem ? 'true' : undefined}
          />
        </div>
        {problem && (
          <p id="totp-problem" class="error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? x.verifying : x.verify}
        </button>
      </form>
    </>
  );
}

/** The QR code as SVG squares (no inline style, no markup string): uqr loads only on this step. */
function Qr({ text, x }: { text: string; x: SecureAccountText }) {
  const [modules, setModules] = useState<{ size: number; path: string }>();
  useEffect(() => {
    let live = true;
    void import('uqr').then(({ encode }) => {
      const { data, size } = encode(text, { ecc: 'M', border: 4 });
      let path = '';
      data.forEach((row, y) => {
        row.forEach((dark, col) => {
          if (dark) path += `M${col} ${y}h1v1h-1z`;
        });
      });
      if (live) setModules({ size, path });
    });
    return () => {
      live = false;
    };
  }, [text]);
  if (!modules) return <p class="hint">{x.qrLoading}</p>;
  return (
    <svg
      role="img"
      aria-label={x.qrLabel}
      viewBox={`0 0 ${modules.size} ${modules.size}`}
      width="232"
      height="232"
      shape-rendering="crispEdges"
    >
      <rect width={modules.size} height={modules.size} fill="#fff" />
      <path d={modules.path} fill="#000" />
    </svg>
  );
}
