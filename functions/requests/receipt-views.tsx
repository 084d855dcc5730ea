import { Fragment } from 'preact';
import { DOCUMENT_MIME_TYPES, type Service } from '../catalogue/defaults';
import { config } from '../lib/config';
import { encodePart, Page, renderPage } from '../lib/html';
import { type Lang, t } from '../lib/i18n';
import { FILE_ERRORS, type FileError, fileErrorParams, typeName } from './documents';
import { STATUS_LABELS, type Status } from './domain/transitions';
import type { RequestItem } from './entities';
import { RECEIPT_TEXT as R } from './receipt-text';
import { overdue } from './store';
import { fmt, linkErrorPage } from './views';

export interface UploadForm {
  requirement: { code: string; name: { id: string; en: string }; accept: string[]; required?: boolean };
  confirmed: boolean;
  post?: { url: string; fields: Record<string, string> };
}

/** What the confirm step said about a refused upload (from the receipt's query, after its redirect). */
export interface ReceiptNotice {
  error?: string | undefined;
  requirement?: string | undefined;
  why?: string | undefined;
  size?: string | undefined;
  detected?: string | undefined;
}

const isFileError = (why: string | undefined): why is FileError =>
  (FILE_ERRORS as readonly string[]).includes(why ?? '');
const isDocumentType = (type: string | undefined): type is string =>
  (DOCUMENT_MIME_TYPES as readonly string[]).includes(type ?? '');

function typeList(lang: Lang, accept: readonly string[]): string {
  const names = (accept.length ? accept : DOCUMENT_MIME_TYPES).map(typeName);
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} ${R[lang].or} ${names.at(-1)}`
    : (names[0] ?? '');
}

/** The message beside a refused upload: what was wrong, from known reasons only (the query is not trusted). */
function refusal(lang: Lang, notice: ReceiptNotice, accept: readonly string[]): string {
  if (!isFileError(notice.why)) return R[lang].invalidFile;
  const params = fileErrorParams({
    ...(notice.size ? { size: Number(notice.size) } : {}),
    ...(isDocumentType(notice.detected) ? { detected: notice.detected } : {}),
    accept: accept.length ? accept : DOCUMENT_MIME_TYPES,
  });
  const text = t(lang, `error.${notice.why}`, params);
  // a placeholder left unfilled (a link cut short): the general sentence instead
  return /\{\w+\}/.test(text) ? R[lang].invalidFile : text;
}

/** The officer's reason for the current status (needs_revision, rejected): the last move into it. */
function reasonFor(request: RequestItem): string | undefined {
  const last = request.history.at(-1);
  return last && last.to === request.status ? last.reason : undefined;
}

function stateText(lang: Lang, status: Status, missing: boolean): string {
  const s = R[lang].state;
  if (status === 'submitted') return missing ? s.missing : s.submitted;
  if (status === 'in_review') return missing ? s.in_review_missing : s.in_review;
  return s[status];
}

/** A document still accepted: its upload form (a replacement form once received), and a refusal beside it. */
function UploadItem({ lang, form: f, notice }: { lang: Lang; form: UploadForm; notice: ReceiptNotice }) {
  const s = R[lang];
  const code = f.requirement.code;
  const accept = f.requirement.accept.length ? f.requirement.accept : DOCUMENT_MIME_TYPES;
  return (
    <li>
      <strong>
        <DocumentName lang={lang} form={f} />
      </strong>
      {f.confirmed ? <Received lang={lang} /> : null}
      {notice.error === 'invalid_file' && notice.requirement === code ? (
        <p class="box err" role="alert">
          {refusal(lang, notice, f.requirement.accept)}
        </p>
      ) : null}
      <form method="post" action={f.post?.url} enctype="multipart/form-data">
        {Object.entries(f.post?.fields ?? {}).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label for={`file-${code}`}>{f.confirmed ? s.chooseReplacement : s.chooseFile}</label>
        <small id={`hint-${code}`} class="hint">
          {s.limits(typeList(lang, accept))}
        </small>
        <input
          id={`file-${code}`}
          type="file"
          name="file"
          required
          accept={accept.join(',')}
          aria-describedby={`hint-${code}`}
        />{' '}
        <button type="submit">{f.confirmed ? s.uploadReplacement : s.upload}</button>
      </form>
    </li>
  );
}

/** ` — ✔ received` after a document's name. */
const Received = ({ lang }: { lang: Lang }) => (
  <>
    {' — '}
    <span class="ok">✔ {R[lang].uploaded}</span>
  </>
);

/** A document's name, and whether it is optional. */
function DocumentName({ lang, form: f }: { lang: Lang; form: UploadForm }) {
  return (
    <>
      {f.requirement.name[lang]}
      {f.requirement.required === false ? (
        <>
          {' '}
          <small class="optional">({R[lang].optional})</small>
        </>
      ) : null}
    </>
  );
}

/** One document: its upload form while it is accepted, else what was received (locked once signed off). */
function DocumentItem({ lang, form: f, notice }: { lang: Lang; form: UploadForm; notice: ReceiptNotice }) {
  if (f.post) return <UploadItem lang={lang} form={f} notice={notice} />;
  return (
    <li>
      <strong>
        <DocumentName lang={lang} form={f} />
      </strong>
      {f.confirmed ? <Received lang={lang} /> : ` — ${R[lang].notReceived}`}
    </li>
  );
}

/**
 * The receipt: codes (the secret once), a status text that fits the status, the officer's reason when
 * the request was sent back or rejected, one upload form per document still accepted (in
 * needs_revision also a replacement form for each received one) and, in needs_revision, the plain
 * form that submits the request again. No script: every step is a form post.
 */
export function receiptPage(
  lang: Lang,
  request: RequestItem,
  /** shown on the first view only; later views say it was shown already */
  secret: string | undefined,
  /** the secret from the link, for the resubmit form (never shown as text) */
  linkSecret: string,
  forms: UploadForm[],
  notice: ReceiptNotice,
  now: Date,
  /** in needs_revision: the service's form fields, to correct answers without JavaScript */
  correctable: Service['fields'] = [],
): string {
  const s = R[lang];
  const missing = forms.some((f) => !f.confirmed && f.requirement.required !== false);
  const reason = reasonFor(request);
  const tone = request.status === 'needs_revision' ? ' warn' : request.status === 'rejected' ? ' err' : '';
  const trackUrl = `${config().API_URL}/track/${encodePart(request.trackingCode)}?lang=${lang}`;
  return renderPage(
    <Page lang={lang} title={s.receipt}>
      <h1>{s.receipt}</h1>
      <div class="box">
        <p>
          {s.tracking}
          <br />
          <span class="code">{request.trackingCode}</span>
        </p>
        {secret ? (
          <>
            <p>
              {s.secret}
              <br />
              <span class="code">{secret}</span>
            </p>
            <p>
              <small>{s.keep}</small>
            </p>
          </>
        ) : (
          <p>
            {s.secret}: <small>{s.secretShown}</small>
          </p>
        )}
      </div>
      <p>
        <strong>{s.service}:</strong> {request.serviceName[lang]}
        <br />
        <strong>{s.status}:</strong> {STATUS_LABELS[request.status][lang]}
        <br />
        <strong>{s.due}:</strong>{' '}
        {request.dueAt ? fmt(request.dueAt, lang) : request.clockRemaining ? s.duePaused : s.dueWaiting}
        {overdue(request, now) ? (
          <>
            {' '}
            <strong class="err">({s.overdue})</strong>
          </>
        ) : null}
        {request.status === 'completed' && request.letterNumber ? (
          <>
            <br />
            <strong>{s.letter}:</strong> {request.letterNumber}
          </>
        ) : null}
      </p>
      {request.status === 'completed' && request.letterToken ? (
        <form
          method="get"
          action={`${config().API_URL}/requests/${encodePart(request.id)}/letter`}
          class="box"
        >
          <input type="hidden" name="secret" value={linkSecret} />
          <p>
            <button type="submit">{s.downloadLetter}</button>
          </p>
          <small>{s.letterNote}</small>
        </form>
      ) : null}
      <div class={`box${tone}`} role="status">
        <p>{stateText(lang, request.status, missing)}</p>
        {reason ? (
          <>
            <p>
              <strong>{s.reason}:</strong>
            </p>
            <blockquote>{reason}</blockquote>
          </>
        ) : null}
      </div>
      {forms.length ? (
        <>
          <h2>{s.documents}</h2>
          {forms.some((f) => f.post) ? (
            <p>
              <small>{s.formHint}</small>
            </p>
          ) : null}
          <ul>
            {forms.map((f) => (
              <DocumentItem key={f.requirement.code} lang={lang} form={f} notice={notice} />
            ))}
          </ul>
        </>
      ) : null}
      {request.status === 'needs_revision' ? (
        <>
          <h2>{s.resubmitTitle}</h2>
          <form method="post" action={`${config().API_URL}/requests/${request.id}/resubmit`}>
            <input type="hidden" name="secret" value={linkSecret} />
            <input type="hidden" name="lang" value={lang} />
            <CorrectionFields lang={lang} fields={correctable} />
            <p>{s.resubmitText}</p>
            <button type="submit">{s.resubmitButton}</button>
          </form>
        </>
      ) : null}
      <p>
        <a href={trackUrl}>{s.trackLink}</a>
      </p>
    </Page>,
  );
}

/**
 * A receipt link that does not open a receipt (wrong or missing secret, unknown request, a link cut
 * short), or a resubmit form post without a valid secret: there was no form to go back to, so the
 * page says so and leads to the tracking form.
 */
export function receiptLinkErrorPage(lang: Lang, error: { code: string; message: string }): string {
  return linkErrorPage(lang, error, R[lang]);
}

/**
 * The service's answers as empty inputs on the resubmit form: the villager types only what the officer
 * asked to correct (an empty one keeps its answer: resubmit.ts drops empty values). Never prefilled —
 * whoever holds the receipt link would read the applicant's answers. Multi-value lists stay as they are
 * (a checkbox left unticked could not say "unchanged"); JSON clients can send them.
 */
function CorrectionFields({ lang, fields }: { lang: Lang; fields: Service['fields'] }) {
  const s = R[lang];
  const shown = [...fields].filter((f) => f.datatype !== 'multivaluelist').sort((a, b) => a.order - b.order);
  if (!shown.length) return null;
  return (
    <fieldset>
      <legend>{s.correctTitle}</legend>
      <p>
        <small>{s.correctHint}</small>
      </p>
      {shown.map((f) => {
        const id = `fix-${f.code}`;
        const label = <label for={id}>{f.label[lang]}</label>;
        if (f.datatype === 'singlevaluelist')
          return (
            <Fragment key={f.code}>
              {label}
              <select id={id} name={`fields.${f.code}`}>
                <option value="">{s.keepValue}</option>
                {(f.values ?? []).map((v) => (
                  <option key={v.key} value={v.key}>
                    {v.name[lang]}
                  </option>
                ))}
              </select>
            </Fragment>
          );
        const kind =
          f.datatype === 'number'
            ? { inputmode: 'numeric' as const }
            : f.datatype === 'datetime'
              ? { type: 'date' as const }
              : {};
        return (
          <Fragment key={f.code}>
            {label}
            <input id={id} name={`fields.${f.code}`} {...kind} maxlength={500} autocomplete="off" />
          </Fragment>
        );
      })}
    </fieldset>
  );
}
