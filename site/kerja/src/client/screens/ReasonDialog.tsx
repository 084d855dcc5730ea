/** The reason a decision needs (ask for changes, reject, return to the village): a common one or typed. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n';

interface Props {
  t: Strings;
  /** the decision's name, e.g. "Minta perbaikan" */
  move: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

export function ReasonDialog({ t, move, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [preset, setPreset] = useState('');
  const [typed, setTyped] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const submit = (e: Event) => {
    e.preventDefault();
    const reason = (typed.trim() || preset).trim();
    if (!reason) return setMissing(true);
    ref.current?.close();
    onConfirm(reason);
  };
  return (
    <dialog ref={ref} class="reason" aria-labelledby="reason-title" onCancel={onCancel}>
      <form onSubmit={submit}>
        <h2 id="reason-title">{t.reason.title(move)}</h2>
        <fieldset>
          <legend>{t.reason.common}</legend>
          {t.reason.presets.map((p, i) => (
            <div class="field check" key={p}>
              <input
                type="radio"
                id={`reason-${i}`}
                name="preset"
                value={p}
                checked={preset === p}
                onChange={() => setPreset(p)}
              />
              <label for={`reason-${i}`}>{p}</label>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for="reason-typed">{t.reason.typed}</label>
          <textarea
            id="reason-typed"
            rows={3}
            maxLength={1000}
            value={typed}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? 'reason-missing' : undefined}
            onInput={(e) => setTyped((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
        {missing && (
          <p id="reason-missing" class="error" role="alert">
            {t.reason.required}
          </p>
        )}
        <div class="actions">
          <button type="submit">{t.reason.confirm}</button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              ref.current?.close();
              onCancel();
            }}
          >
            {t.reason.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
