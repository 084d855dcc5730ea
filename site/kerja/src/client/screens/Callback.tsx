/** /kerja/callback/: trades the code for tokens, then goes back to the screen sign-in started from. */
import { useEffect, useState } from 'preact/hooks';
import { completeSignIn } from '../auth/session';
import { returnPathOf } from '../auth/state';
import { type ScreenProps, SignedOut } from '../ui';

export default function Callback({ lang, t }: ScreenProps) {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    completeSignIn(new URL(location.href)).then(
      (state) => location.replace(returnPathOf(state)),
      () => {
        // the code and state leave the address bar either way
        history.replaceState(null, '', location.pathname);
        setFailed(true);
      },
    );
  }, []);
  if (!failed) return <p role="status">{t.signIn.signingIn}</p>;
  return (
    <>
      <p class="error" role="alert">
        {t.signIn.failed}
      </p>
      <SignedOut lang={lang} t={t} />
    </>
  );
}
