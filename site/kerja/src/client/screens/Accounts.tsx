/**
 * Accounts (regency admin): list the officer and camat accounts of a village or kecamatan, create one
 * with its role and scope, disable and enable. A temporary password the API returns is shown once.
 */
import { useState } from 'preact/hooks';
import { type Account, api, type CreatedAccount } from '../api';
import { ErrorBox, has, Live, type ScreenProps, useLoad } from '../ui';

/** the roles the accounts API creates (a regency's admins are made with `npm run admin:create`) */
const ROLES = ['village-officer', 'kecamatan-officer'] as const;
const enabled = (a: Account) => a.status !== 'disabled';

export default function Accounts({ t, user }: ScreenProps) {
  const regency = user?.regency ?? '';
  const [filter, setFilter] = useState<{ village?: string; kecamatan?: string }>({});
  const list = useLoad(() => api.accounts(regency, filter), [regency, filter.village, filter.kecamatan]);
  const [role, setRole] = useState<(typeof ROLES)[number]>('village-officer');
  const [created, setCreated] = useState<CreatedAccount>();
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (!has(user, 'regency-admin') || !regency) return <p>{t.accounts.onlyAdmin}</p>;

  async function create(e: Event) {
    e.preventDefault();
    const formEl = e.currentTarget as HTMLFormElement;
    const form = new FormData(formEl);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    setBusy(true);
    setFailure(undefined);
    try {
      const answer = await api.createAccount(regency, {
        email: text('email'),
        displayName: text('displayName'),
        role,
        ...(role === 'village-officer' ? { villageCode: text('villageCode') } : {}),
        ...(role === 'kecamatan-officer' ? { kecamatanCode: text('kecamatanCode') } : {}),
      });
      setCreated(answer);
      setMessage(t.accounts.created(answer.account?.email ?? text('email')));
      formEl.reset();
      list.reload();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  async function toggle(a: Account) {
    try {
      await api.setAccountEnabled(regency, a.username, !enabled(a));
      setMessage(`${a.email}: ${enabled(a) ? t.accounts.disabled : t.accounts.enabled}`);
      list.reload();
    } catch (err) {
      setFailure(err);
    }
  }

  function applyFilter(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const v = String(form.get('village') ?? '').trim();
    const k = String(form.get('kecamatan') ?? '').trim();
    setFilter({ ...(v ? { village: v } : {}), ...(k ? { kecamatan: k } : {}) });
  }

  return (
    <>
      <Live>{message}</Live>
      {failure !== undefined && <ErrorBox t={t} error={failure} />}
      <section class="card" aria-labelledby="create">
        <h2 id="create">{t.accounts.create}</h2>
        <form onSubmit={create}>
          <div class="field">
            <label for="a-email">{t.accounts.email}</label>
            <input id="a-email" name="email" type="email" required autocomplete="off" />
          </div>
          <div class="field">
            <label for="a-name">{t.accounts.displayName}</label>
            <input id="a-name" name="displayName" required maxLength={120} />
          </div>
          <div class="field">
            <label for="a-role">{t.accounts.role}</label>
            <select
              id="a-role"
              value={role}
              onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as typeof role)}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t.roles[r]}
                </option>
              ))}
            </select>
          </div>
          {role === 'village-officer' && (
            <div class="field">
              <label for="a-village">{t.accounts.villageCode}</label>
              <input id="a-village" name="villageCode" required inputMode="decimal" maxLength={20} />
            </div>
          )}
          {role === 'kecamatan-officer' && (
            <div class="field">
              <label for="a-kec">{t.accounts.kecamatanCode}</label>
              <input id="a-kec" name="kecamatanCode" required inputMode="decimal" maxLength={20} />
            </div>
          )}
          <button type="submit" disabled={busy}>
            {t.accounts.submit}
          </button>
        </form>
        {created?.temporaryPassword && (
          <dl class="notice">
            <dt>{t.accounts.temporaryPassword}</dt>
            <dd class="code big">{created.temporaryPassword}</dd>
          </dl>
        )}
      </section>
      <section class="card" aria-labelledby="list">
        <h2 id="list">{t.accounts.list}</h2>
        <form class="filters" onSubmit={applyFilter}>
          <div class="field">
            <label for="af-village">{t.accounts.filterVillage}</label>
            <input id="af-village" name="village" inputMode="decimal" maxLength={20} />
          </div>
          <div class="field">
            <label for="af-kec">{t.accounts.filterKecamatan}</label>
            <input id="af-kec" name="kecamatan" inputMode="decimal" maxLength={20} />
          </div>
          <button type="submit" class="secondary">
            {t.queue.apply}
          </button>
        </form>
        {list.error !== undefined && <ErrorBox t={t} error={list.error} retry={list.reload} />}
        {list.loading && <p>{t.loading}</p>}
        {list.data && list.data.items.length === 0 && <p>{t.accounts.empty}</p>}
        <ul class="accounts">
          {list.data?.items.map((a) => (
            <li key={a.username} class="item">
              <span class="name">{a.displayName}</span>
              <span>{a.email}</span>
              <span>
                {t.roles[a.role] ?? a.role} · {a.villageCode ?? a.kecamatanCode ?? regency}
              </span>
              <span>{enabled(a) ? t.accounts.enabled : t.accounts.disabled}</span>
              <button type="button" class="secondary" onClick={() => void toggle(a)}>
                {enabled(a) ? t.accounts.disable : t.accounts.enable}
                <span class="visually-hidden"> {a.email}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
