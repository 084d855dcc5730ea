/**
 * One request: the applicant, the form's answers, every document inline (images in <img>, PDFs in an
 * <iframe>, through the API's 5-minute links, loaded with the page and never kept), the history, and
 * the decisions the API allows now. A 409 says who changed it and reloads; a 422 updates the choices.
 */
import { useState } from 'preact/hooks';
import { ApiError, allowedOf, api, conflictOf, type Move, type RequestDetail, type Service } from '../api';
import type { Strings } from '../i18n';
import { moveLabel, statusLabel } from '../labels';
import { type Lang, screenPath } from '../routes';
import { officeLeft } from '../time-left';
import { ErrorBox, formatDateTime, has, Live, localized, type ScreenProps, useLoad } from '../ui';
import { LetterCard } from './LetterCard';
import { ReasonDialog } from './ReasonDialog';

const requestId = () => new URLSearchParams(location.search).get('id') ?? '';

export default function Request({ lang, t, user }: ScreenProps) {
  const id = requestId();
  const detail = useLoad(() => (id ? api.request(id) : Promise.reject(new ApiError(404, {}))), [id]);
  const village = detail.data?.villageCode;
  const catalogue = useLoad<Service[]>(
    () => (village ? api.services(village).then((p) => p.items) : Promise.resolve([])),
    [village],
  );
  const [message, setMessage] = useState('');
  const [asking, setAsking] = useState<Move | undefined>();
  const [busy, setBusy] = useState(false);
  const camat = has(user, 'kecamatan-officer') && !has(user, 'village-officer');

  if (!id) return <p>{t.request.missingId}</p>;
  if (detail.error) return <ErrorBox t={t} error={detail.error} retry={detail.reload} />;
  const r = detail.data;
  if (!r) return <Live>{t.loading}</Live>;
  const service = catalogue.data?.find((s) => s.code === r.serviceCode);

  async function decide(move: Move, reason?: string) {
    if (!r) return;
    setBusy(true);
    try {
      const updated = await api.transition(r.id, {
        to: move.to,
        version: r.version,
        ...(reason ? { reason } : {}),
      });
      // the answer may be the request without its links and moves: read it whole again first, so the
      // buttons, the history and the read-out status change together
      const whole =
        Array.isArray(updated.allowedMoves) && Array.isArray(updated.documents)
          ? updated
          : await api.request(r.id).catch(() => undefined);
      if (whole) detail.set(whole);
      else detail.reload();
      setMessage(t.request.statusNow(statusLabel(lang, updated.status ?? move.to)));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        // read it again: what it is now, and (if the answer does not say) who changed it last
        const fresh = await api.request(r.id).catch(() => undefined);
        const c = conflictOf(e, fresh);
        setMessage(t.request.changedBy(c.who, statusLabel(lang, c.status)));
        if (fresh) detail.set(fresh);
        else detail.reload();
      } else if (e instanceof ApiError && e.status === 422) {
        detail.set({ ...r, allowedMoves: allowedOf(e) });
        setMessage(t.request.invalidMove);
      } else setMessage(t.errors.generic);
    } finally {
      setBusy(false);
    }
  }

  const left = officeLeft(new Date(), r, t.time);
  return (
    <>
      <p>
        <a href={screenPath(lang, 'queue')}>← {t.request.back}</a>
      </p>
      <section class="card summary" aria-labelledby="r-title">
        <h2 id="r-title">
          <span class="code">{r.trackingCode}</span> · {localized(lang, r.serviceName)}
        </h2>
        <dl>
          <dt>{t.request.status}</dt>
          <dd class={`status s-${r.status}`}>{statusLabel(lang, r.status)}</dd>
          {r.dueAt && (
            <>
              <dt>{t.request.due}</dt>
              <dd class={left?.overdue ? 'overdue' : undefined}>
                {formatDateTime(lang, r.dueAt)} ({left?.text})
              </dd>
            </>
          )}
        </dl>
      </section>
      <section class="card" aria-labelledby="decisions">
        <h2 id="decisions">{t.request.decisions}</h2>
        <Live>{message}</Live>
        {r.allowedMoves.length === 0 && <p>{t.request.noMoves}</p>}
        <div class="actions">
          {r.allowedMoves.map((m) => (
            <button
              type="button"
              key={m.to}
              class={m.to === 'rejected' ? 'danger' : undefined}
              disabled={busy}
              onClick={() => (m.reasonRequired ? setAsking(m) : void decide(m))}
            >
              {moveLabel(t, m.to, camat)}
            </button>
          ))}
        </div>
      </section>
      {asking && (
        <ReasonDialog
          t={t}
          move={moveLabel(t, asking.to, camat)}
          onCancel={() => setAsking(undefined)}
          onConfirm={(reason) => {
            const m = asking;
            setAsking(undefined);
            void decide(m, reason);
          }}
        />
      )}
      <Applicant t={t} r={r} />
      <Answers lang={lang} t={t} r={r} service={service} />
      <Documents lang={lang} t={t} r={r} service={service} reload={detail.reload} />
      <LetterCard t={t} r={r} />
      <History lang={lang} t={t} r={r} />
    </>
  );
}

function Applicant({ t, r }: { t: Strings; r: RequestDetail }) {
  return (
    <section class="card" aria-labelledby="applicant">
      <h2 id="applicant">{t.request.applicant}</h2>
      <dl>
        <dt>{t.request.name}</dt>
        <dd>{r.applicant.name}</dd>
        <dt>{t.request.nik}</dt>
        <dd class="nik">{r.applicant.nik}</dd>
        {r.applicant.whatsapp && (
          <>
            <dt>{t.request.whatsapp}</dt>
            <dd>{r.applicant.whatsapp}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Answers({ lang, t, r, service }: { lang: Lang; t: Strings; r: RequestDetail; service?: Service }) {
  const entries = Object.entries(r.fields ?? {});
  if (entries.length === 0) return null;
  const field = (code: string) => service?.fields.find((f) => f.code === code);
  const show = (code: string, v: string | number | string[]) => {
    const f = field(code);
    const name = (k: string) => localized(lang, f?.values?.find((x) => x.key === k)?.name) || k;
    return Array.isArray(v) ? v.map(name).join(', ') : f?.values ? name(String(v)) : String(v);
  };
  return (
    <section class="card" aria-labelledby="answers">
      <h2 id="answers">{t.request.answers}</h2>
      <dl>
        {entries.map(([code, v]) => (
          <div key={code}>
            <dt>{localized(lang, field(code)?.label) || code}</dt>
            <dd>{show(code, v)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Documents(props: {
  lang: Lang;
  t: Strings;
  r: RequestDetail;
  service?: Service;
  reload: () => void;
}) {
  const { lang, t, r, service, reload } = props;
  const name = (code: string) =>
    localized(lang, service?.requirements.find((q) => q.code === code)?.name) || code;
  const seen = r.documentsSeen ?? [];
  return (
    <section class="card" aria-labelledby="documents">
      <h2 id="documents">{t.request.documents}</h2>
      {r.documents.length === 0 && seen.length === 0 && <p>{t.request.noDocuments}</p>}
      {seen.map((s) => (
        <p key={s.requirement}>
          {name(s.requirement)}: {t.request.seenInOriginal(s.byName ?? s.by ?? '')}
        </p>
      ))}
      {r.documents.map((d) => (
        <figure key={d.documentId} class="doc">
          {d.contentType === 'application/pdf' ? (
            <iframe src={d.url} title={name(d.requirement)} loading="lazy" />
          ) : (
            <img src={d.url} alt={name(d.requirement)} loading="lazy" />
          )}
          <figcaption>
            {name(d.requirement)} ·{' '}
            <a href={d.url} target="_blank" rel="noopener noreferrer">
              {t.request.openDocument}
            </a>
          </figcaption>
        </figure>
      ))}
      {r.documents.length > 0 && (
        <button type="button" class="secondary" onClick={reload}>
          {t.request.refreshDocuments}
        </button>
      )}
    </section>
  );
}

function History({ lang, t, r }: { lang: Lang; t: Strings; r: RequestDetail }) {
  return (
    <section class="card" aria-labelledby="history">
      <h2 id="history">{t.request.history}</h2>
      <ol class="history">
        {[...r.history].reverse().map((h) => (
          <li key={`${h.at}-${h.to}`}>
            <time dateTime={h.at}>{formatDateTime(lang, h.at)}</time> ·{' '}
            <strong>{h.role === 'citizen' ? t.request.applicant : (h.actorName ?? h.actor)}</strong>:{' '}
            {statusLabel(lang, h.to)}
            {h.reason && <q>{h.reason}</q>}
          </li>
        ))}
      </ol>
    </section>
  );
}
