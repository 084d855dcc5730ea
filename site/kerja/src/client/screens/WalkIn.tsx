/**
 * Walk-in filing at the counter: the service's own form (from the catalogue), the applicant, and each
 * required document ticked "Dilihat aslinya" instead of uploaded. The API records the officer's name
 * and starts the promised time at once; the receipt (tracking code + secret) is printed.
 */
import { useMemo, useState } from 'preact/hooks';
import { ApiError, api, fieldErrorsOf, type Service, type ServiceField, type WalkInReceipt } from '../api';
import type { Strings } from '../i18n';
import { type Lang, screenPath } from '../routes';
import { ErrorBox, formatDateTime, localized, type ScreenProps, useLoad } from '../ui';

type Errors = Record<string, string>;

export default function WalkIn({ lang, t, user }: ScreenProps) {
  const village = user?.village ?? '';
  const catalogue = useLoad(() => api.services(village).then((p) => p.items), [village]);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [receipt, setReceipt] = useState<WalkInReceipt>();
  // one key per filled-in form: a double tap or a retry files once
  const [key, setKey] = useState(() => crypto.randomUUID());
  const service = catalogue.data?.find((s) => s.code === code);

  if (!village) return <p>{t.errors.forbidden}</p>;
  if (catalogue.error) return <ErrorBox t={t} error={catalogue.error} retry={catalogue.reload} />;
  if (receipt)
    return (
      <Receipt
        lang={lang}
        t={t}
        receipt={receipt}
        service={service}
        onAnother={() => {
          setReceipt(undefined);
          setCode('');
          setKey(crypto.randomUUID());
        }}
      />
    );

  async function submit(e: Event) {
    e.preventDefault();
    if (!service) return;
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const { body, errors: found } = collect(form, service, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      (document.getElementById(`w-${Object.keys(found)[0]}`) as HTMLElement | null)?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      setReceipt(await api.walkIn(village, { ...body, lang }, key));
    } catch (err) {
      const fields = err instanceof ApiError && err.status === 400 ? fieldErrorsOf(err) : [];
      if (fields.length > 0) {
        const fieldErrors: Errors = {};
        for (const f of fields)
          fieldErrors[f.path.replace(/^(applicant|fields)\./, '').replace(/^documentsSeen\.?/, 'seen-')] =
            f.message || t.walkin.invalid;
        setErrors(fieldErrors);
      } else setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>{t.walkin.lead}</p>
      <div class="field card">
        <label for="w-service">{t.walkin.service}</label>
        <select
          id="w-service"
          value={code}
          onChange={(e) => setCode((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t.walkin.chooseService}</option>
          {(catalogue.data ?? []).map((s) => (
            <option key={s.code} value={s.code}>
              {localized(lang, s.name)}
            </option>
          ))}
        </select>
      </div>
      {service && (
        <form class="card" onSubmit={submit} noValidate>
          <fieldset>
            <legend>{t.walkin.applicant}</legend>
            <Input id="name" label={t.walkin.name} errors={errors} autoComplete="off" required />
            <Input
              id="nik"
              label={t.walkin.nik}
              errors={errors}
              inputMode="numeric"
              maxLength={16}
              required
            />
            <Input id="whatsapp" label={t.walkin.whatsapp} errors={errors} inputMode="tel" />
          </fieldset>
          {service.fields.length > 0 && (
            <fieldset>
              <legend>{t.walkin.fields}</legend>
              {[...service.fields]
                .sort((a, b) => a.order - b.order)
                .map((f) => (
                  <Field key={f.code} lang={lang} field={f} errors={errors} />
                ))}
            </fieldset>
          )}
          <DocumentsSeen lang={lang} t={t} service={service} errors={errors} />
          {Object.keys(errors).length > 0 && (
            <p class="error" role="alert">
              {t.walkin.invalid}
            </p>
          )}
          {failure !== undefined && <ErrorBox t={t} error={failure} />}
          <button type="submit" disabled={busy}>
            {busy ? t.walkin.submitting : t.walkin.submit}
          </button>
        </form>
      )}
    </>
  );
}

/** The submission body (the citizen form's, plus documentsSeen) and what is missing. */
function collect(form: FormData, service: Service, t: Strings) {
  const errors: Errors = {};
  const text = (k: string) => String(form.get(k) ?? '').trim();
  const applicant = { name: text('name'), nik: text('nik'), whatsapp: text('whatsapp') };
  if (!applicant.name) errors.name = t.walkin.required;
  if (!/^\d{16}$/.test(applicant.nik)) errors.nik = t.walkin.required;
  const fields: Record<string, string | string[]> = {};
  for (const f of service.fields) {
    const v = f.datatype === 'multivaluelist' ? form.getAll(`f.${f.code}`).map(String) : text(`f.${f.code}`);
    if (f.required && (Array.isArray(v) ? v.length === 0 : v === '')) errors[f.code] = t.walkin.required;
    if (Array.isArray(v) ? v.length > 0 : v !== '') fields[f.code] = v;
  }
  const documentsSeen = documentsOf(service)
    .filter((d) => form.get(`seen.${d.code}`) === 'on')
    .map((d) => d.code);
  for (const d of documentsOf(service))
    if (d.required && !documentsSeen.includes(d.code)) errors[`seen-${d.code}`] = t.walkin.mustSee;
  return { body: { serviceCode: service.code, applicant, fields, documentsSeen }, errors };
}

const documentsOf = (s: Service) => s.requirements.filter((r) => r.kind === 'document');

interface InputProps {
  id: string;
  label: string;
  errors: Errors;
  name?: string;
  required?: boolean;
  inputMode?: 'numeric' | 'tel' | 'decimal' | 'text';
  maxLength?: number;
  autoComplete?: string;
}
function Input({ id, label, errors, name, required, ...rest }: InputProps) {
  const error = errors[id];
  return (
    <div class="field">
      <label for={`w-${id}`}>{label}</label>
      <input
        id={`w-${id}`}
        name={name ?? id}
        type="text"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `w-${id}-error` : undefined}
        {...rest}
      />
      {error && (
        <p id={`w-${id}-error`} class="error">
          {error}
        </p>
      )}
    </div>
  );
}

function Field({ lang, field: f, errors }: { lang: Lang; field: ServiceField; errors: Errors }) {
  const label = localized(lang, f.label);
  const name = `f.${f.code}`;
  const error = errors[f.code];
  const described = error ? `w-${f.code}-error` : undefined;
  const note = error && (
    <p id={described} class="error">
      {error}
    </p>
  );
  if (f.datatype === 'multivaluelist')
    return (
      <fieldset id={`w-${f.code}`} tabIndex={-1} aria-describedby={described}>
        <legend>{label}</legend>
        {f.values?.map((v) => (
          <div class="field check" key={v.key}>
            <input type="checkbox" id={`w-${f.code}-${v.key}`} name={name} value={v.key} />
            <label for={`w-${f.code}-${v.key}`}>{localized(lang, v.name)}</label>
          </div>
        ))}
        {note}
      </fieldset>
    );
  const common = {
    id: `w-${f.code}`,
    name,
    required: f.required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
  };
  return (
    <div class="field">
      <label for={`w-${f.code}`}>{label}</label>
      {f.datatype === 'singlevaluelist' ? (
        <select {...common}>
          <option value="" />
          {f.values?.map((v) => (
            <option key={v.key} value={v.key}>
              {localized(lang, v.name)}
            </option>
          ))}
        </select>
      ) : f.datatype === 'text' ? (
        <textarea {...common} rows={3} maxLength={2000} />
      ) : f.datatype === 'datetime' ? (
        <input {...common} type="date" />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={f.datatype === 'number' ? 'decimal' : 'text'}
          maxLength={2000}
        />
      )}
      {note}
    </div>
  );
}

function DocumentsSeen({
  lang,
  t,
  service,
  errors,
}: {
  lang: Lang;
  t: Strings;
  service: Service;
  errors: Errors;
}) {
  const docs = useMemo(() => documentsOf(service), [service]);
  if (docs.length === 0) return null;
  return (
    <fieldset>
      <legend>{t.walkin.documents}</legend>
      {docs.map((d) => {
        const error = errors[`seen-${d.code}`];
        return (
          <div class="field check" key={d.code}>
            <input
              type="checkbox"
              id={`w-seen-${d.code}`}
              name={`seen.${d.code}`}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `w-seen-${d.code}-error` : undefined}
            />
            <label for={`w-seen-${d.code}`}>
              {localized(lang, d.name)} {d.required ? '' : t.walkin.optional} — {t.walkin.seen}
            </label>
            {error && (
              <p id={`w-seen-${d.code}-error`} class="error">
                {error}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

function Receipt(props: {
  lang: Lang;
  t: Strings;
  receipt: WalkInReceipt;
  service?: Service;
  onAnother: () => void;
}) {
  const { lang, t, receipt, service, onAnother } = props;
  return (
    <section class="card receipt" aria-labelledby="receipt">
      <h2 id="receipt" tabIndex={-1}>
        {t.walkin.receipt}
      </h2>
      <p role="status">{localized(lang, service?.name)}</p>
      <dl>
        <dt>{t.walkin.tracking}</dt>
        <dd class="code big">{receipt.trackingCode}</dd>
        <dt>{t.walkin.secret}</dt>
        <dd class="code big">{receipt.secret}</dd>
        {receipt.dueAt && (
          <>
            <dt>{t.walkin.due}</dt>
            <dd>{formatDateTime(lang, receipt.dueAt)}</dd>
          </>
        )}
      </dl>
      <p>{t.walkin.secretNote}</p>
      <div class="actions no-print">
        <button type="button" onClick={() => print()}>
          {t.walkin.print}
        </button>
        <button type="button" class="secondary" onClick={onAnother}>
          {t.walkin.another}
        </button>
        <a href={`${screenPath(lang, 'request')}?id=${encodeURIComponent(receipt.id)}`}>{t.request.status}</a>
      </div>
    </section>
  );
}
