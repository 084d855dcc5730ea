/**
 * The queue: overdue first, then by due time, with the office time left. The village officer sees the
 * village's requests, the camat's office the kecamatan's forwarded ones across its villages, the
 * regency admin the regency's with filters by kecamatan, village, service, status and overdue.
 * Filters live in the address (no personal data: a status, a service code, a tracking code).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, type QueueFilters, type QueueItem, type Service } from '../api';
import { STATUS_ORDER, statusLabel } from '../labels';
import { screenPath } from '../routes';
import { officeLeft } from '../time-left';
import { ErrorBox, has, Live, localized, type ScreenProps } from '../ui';

const FILTER_KEYS = ['status', 'service', 'q', 'kecamatan', 'village', 'overdue'] as const;

function readFilters(): QueueFilters {
  const p = new URLSearchParams(location.search);
  const f: QueueFilters = {};
  for (const k of FILTER_KEYS) {
    const v = p.get(k);
    if (v) f[k] = v.slice(0, 60);
  }
  return f;
}

/** Overdue first, then the nearest due time; those without one (awaiting documents) last. */
export function sortQueue(items: QueueItem[]): QueueItem[] {
  const due = (i: QueueItem) => (i.dueAt ? Date.parse(i.dueAt) : Number.POSITIVE_INFINITY);
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || due(a) - due(b));
}

export default function Queue({ lang, t, user }: ScreenProps) {
  const [filters, setFilters] = useState<QueueFilters>(readFilters);
  const [items, setItems] = useState<QueueItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [services, setServices] = useState<Service[]>([]);
  const admin = has(user, 'regency-admin');
  const camat = !admin && has(user, 'kecamatan-officer');

  function fetchPage(f: QueueFilters, after?: string) {
    const q = { ...f, ...(after ? { cursor: after } : {}) };
    if (admin && user?.regency) {
      const { q: _code, ...regencyWide } = q;
      return api.regencyQueue(user.regency, regencyWide);
    }
    if (camat && user?.kecamatan) return api.kecamatanQueue(user.kecamatan, { status: 'forwarded', ...q });
    if (user?.village) return api.villageQueue(user.village, q);
    return Promise.reject(new Error('no scope'));
  }

  function load(f: QueueFilters, after?: string) {
    setLoading(true);
    setError(undefined);
    fetchPage(f, after).then(
      (page) => {
        setItems((old) => (after ? [...old, ...page.items] : page.items));
        setCursor(page.cursor);
        setLoading(false);
      },
      (e) => {
        setError(e);
        setLoading(false);
      },
    );
  }
  useEffect(() => load(filters), [filters]);
  useEffect(() => {
    if (user?.village)
      api.services(user.village).then(
        (p) => setServices(p.items),
        () => undefined,
      );
  }, [user?.village]);

  const serviceOptions = useMemo(() => {
    const seen = new Map(services.map((s) => [s.code, localized(lang, s.name)]));
    for (const i of items)
      if (!seen.has(i.service.code)) seen.set(i.service.code, localized(lang, i.service.name));
    return [...seen];
  }, [services, items, lang]);

  function apply(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const f: QueueFilters = {};
    for (const k of FILTER_KEYS) {
      const v = String(form.get(k) ?? '').trim();
      if (v) f[k] = v;
    }
    const search = new URLSearchParams(f as Record<string, string>).toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
    setFilters(f);
  }

  const now = new Date();
  const sorted = sortQueue(items);
  return (
    <>
      <form class="filters card" onSubmit={apply} aria-label={t.queue.filters}>
        {!admin && (
          // the village and kecamatan queues find a tracking code (through its claim); the regency-wide
          // queue filters by place, service, status and overdue instead (decision 0029)
          <div class="field">
            <label for="f-q">{t.queue.search}</label>
            <input
              id="f-q"
              name="q"
              type="search"
              value={filters.q ?? ''}
              autocomplete="off"
              maxLength={40}
            />
          </div>
        )}
        <div class="field">
          <label for="f-status">{t.queue.status}</label>
          <select id="f-status" name="status" value={filters.status ?? ''}>
            <option value="">{camat ? statusLabel(lang, 'forwarded') : t.queue.anyStatus}</option>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {statusLabel(lang, s)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-service">{t.queue.service}</label>
          <select id="f-service" name="service" value={filters.service ?? ''}>
            <option value="">{t.queue.anyService}</option>
            {serviceOptions.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        {admin && (
          <>
            <div class="field">
              <label for="f-kec">{t.queue.kecamatan}</label>
              <input
                id="f-kec"
                name="kecamatan"
                value={filters.kecamatan ?? ''}
                inputMode="decimal"
                maxLength={20}
              />
            </div>
            <div class="field">
              <label for="f-village">{t.queue.village}</label>
              <input
                id="f-village"
                name="village"
                value={filters.village ?? ''}
                inputMode="decimal"
                maxLength={20}
              />
            </div>
            <div class="field check">
              <input
                id="f-overdue"
                name="overdue"
                type="checkbox"
                value="true"
                checked={filters.overdue === 'true'}
              />
              <label for="f-overdue">{t.queue.overdueOnly}</label>
            </div>
          </>
        )}
        <button type="submit">{t.queue.apply}</button>
      </form>
      <Live>{loading ? t.loading : t.queue.count(items.length)}</Live>
      {error !== undefined && <ErrorBox t={t} error={error} retry={() => load(filters)} />}
      {!loading && !error && items.length === 0 && <p>{t.queue.empty}</p>}
      <ul class="queue">
        {sorted.map((i) => {
          const left = officeLeft(now, i, t.time);
          return (
            <li key={i.id} class={i.overdue || left?.overdue ? 'item overdue' : 'item'}>
              <a href={`${screenPath(lang, 'request')}?id=${encodeURIComponent(i.id)}`}>
                <span class="code">{i.trackingCode}</span> <span class="name">{i.applicantName}</span>
              </a>
              <span class="service">{localized(lang, i.service.name)}</span>
              <span class={`status s-${i.status}`}>{statusLabel(lang, i.status)}</span>
              <span class="due">{left ? left.text : t.queue.noDue}</span>
            </li>
          );
        })}
      </ul>
      {cursor && (
        <button type="button" class="secondary" disabled={loading} onClick={() => load(filters, cursor)}>
          {t.queue.more}
        </button>
      )}
    </>
  );
}
