/**
 * A completed request's letter (issue 16): its number, the PDF downloaded with the officer's token
 * (never a link: the API answers the file itself), and its revocation with a reason.
 */
import { useState } from 'preact/hooks';
import { ApiError, api, type RequestDetail } from '../api';
import type { Strings } from '../i18n';
import { Live } from '../ui';
import { ReasonDialog } from './ReasonDialog';

export function LetterCard({ t, r }: { t: Strings; r: RequestDetail }) {
  const [message, setMessage] = useState('');
  const [asking, setAsking] = useState(false);
  if (r.status !== 'completed' || !r.letterNumber || !r.letterToken) return null;
  const id = r.id;
  async function download() {
    try {
      const blob = await api.letter(id);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `surat-${(r.letterNumber ?? id).replace(/[^0-9A-Za-z.-]+/g, '-')}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      setMessage(e instanceof ApiError && e.status === 404 ? t.request.letterPending : t.errors.generic);
    }
  }
  async function revoke(reason: string) {
    setAsking(false);
    try {
      await api.revokeLetter(id, reason);
      setMessage(t.request.letterRevoked);
    } catch {
      setMessage(t.errors.generic);
    }
  }
  return (
    <section class="card" aria-labelledby="letter">
      <h2 id="letter">{t.request.letter}</h2>
      <p>
        {t.request.letterNumber}: <strong>{r.letterNumber}</strong>
      </p>
      <p>
        <button type="button" onClick={download}>
          {t.request.downloadLetter}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => setAsking(true)}>
          {t.request.revokeLetter}
        </button>
      </p>
      <Live>{message}</Live>
      {asking && (
        <ReasonDialog
          t={t}
          move={t.request.revokeLetter}
          onConfirm={revoke}
          onCancel={() => setAsking(false)}
        />
      )}
    </section>
  );
}
