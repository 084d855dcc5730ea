import { config } from '../lib/config';
import type { VillageHeading } from '../lib/errors';
import { Page, portalMasthead, renderPage, siteUrl, villageMasthead, villageNames } from '../lib/html';
import type { Lang } from '../lib/i18n';
import { STATUS_LABELS } from './domain/transitions';
import type { RequestItem } from './entities';
import { overdue } from './store';

/** Office times are Jakarta's, and the page says so (a villager abroad or a phone set to UTC). */
const WIB = ' WIB';
/** A time as villagers read it: Asia/Jakarta, with WIB. */
export const fmt = (iso: string | undefined | null, lang: Lang) =>
  iso
    ? `${new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: 'Asia/Jakarta',
      }).format(new Date(iso))}${WIB}`
    : '';

const L = {
  id: {
    tracking: 'Kode pelacakan',
    service: 'Layanan',
    status: 'Status',
    due: 'Janji selesai',
    dueWaiting: 'Waktu layanan mulai dihitung setelah semua berkas wajib terunggah.',
    duePaused: 'Waktu layanan dihentikan sementara sampai permohonan diperbaiki dan diajukan ulang.',
    timeline: 'Riwayat',
    overdue: 'Melewati janji waktu layanan',
    notFound: 'Kode pelacakan tidak ditemukan',
    trackTitle: 'Lacak permohonan',
    trackButton: 'Lacak',
    letter: 'Nomor surat',
    downloadLetter: 'Unduh surat (PDF)',
    uploadFailed: 'Berkas belum tercatat',
    linkInvalid: 'Tautan unggah ini tidak berlaku',
    linkHint:
      'Buka lagi tautan tanda terima yang Anda simpan (berisi kode rahasia) lalu unggah ulang berkas dari sana. Status permohonan tetap dapat dilacak dengan kode pelacakan.',
    backToReceipt: 'Kembali ke tanda terima',
    trackInstead: 'Lacak permohonan dengan kode pelacakan',
    handledBy: 'Diurus oleh',
    trackAnother: 'Lacak permohonan lain',
    secretLabel: 'Kode rahasia (dari tanda terima)',
    secretHint:
      'Untuk mengunggah atau memperbaiki berkas dari ponsel mana pun: kode rahasia membuka tanda terima.',
    openReceipt: 'Buka tanda terima',
    villageSite: 'Kembali ke situs desa',
    portal: 'Kembali ke portal desa',
    codeHint: 'Contoh: 7K2QX-M9D4P',
  },
  en: {
    tracking: 'Tracking code',
    service: 'Service',
    status: 'Status',
    due: 'Promised by',
    dueWaiting: 'The service time starts once every required document is uploaded.',
    duePaused: 'The service time is paused until the request is corrected and resubmitted.',
    timeline: 'Timeline',
    overdue: 'Past the promised service time',
    notFound: 'Tracking code not found',
    trackTitle: 'Track a request',
    trackButton: 'Track',
    letter: 'Letter number',
    downloadLetter: 'Download the letter (PDF)',
    uploadFailed: 'The document was not recorded',
    linkInvalid: 'This upload link is not valid',
    linkHint:
      'Open the receipt link you kept (it holds the secret code) and upload the file again from there. The request can still be followed with its tracking code.',
    backToReceipt: 'Back to the receipt',
    trackInstead: 'Track the request with its tracking code',
    handledBy: 'Handled by',
    trackAnother: 'Track another request',
    secretLabel: 'Secret code (from the receipt)',
    secretHint: 'To upload or correct documents from any phone: the secret code opens the receipt.',
    openReceipt: 'Open the receipt',
    villageSite: 'Back to the village site',
    portal: 'Back to the village portal',
    codeHint: 'For example 7K2QX-M9D4P',
  },
} as const;

/** What anyone holding the tracking code may see: no name, NIK, phone, fields or documents. */
export function trackingView(request: RequestItem, now: Date, lang: Lang) {
  return {
    trackingCode: request.trackingCode,
    service: { code: request.serviceCode, name: request.serviceName },
    village: { code: request.villageCode },
    status: request.status,
    statusLabel: STATUS_LABELS[request.status][lang],
    submittedAt: request.createdAt,
    completeAt: request.completeAt ?? null,
    dueAt: request.dueAt ?? null,
    /** the promise waits for the citizen's correction (needs_revision) */
    clockPaused: !!request.clockRemaining,
    overdue: overdue(request, now),
    letterNumber: request.status === 'completed' ? (request.letterNumber ?? null) : null,
    timeline: request.history.map((h) => ({
      at: h.at,
      status: h.to,
      label: STATUS_LABELS[h.to as keyof typeof STATUS_LABELS]?.[lang] ?? h.to,
      // officers' reasons tell the citizen what to fix; officer identities stay private
      ...(h.reason && (h.to === 'needs_revision' || h.to === 'rejected') ? { reason: h.reason } : {}),
    })),
  };
}

/**
 * The tracking form (no code, or an unknown one). The village is not known here: the header and the
 * link lead to the regency's portal, where every village site is listed.
 */
export function trackFormPage(lang: Lang, code = '', notFound = false): string {
  const s = L[lang];
  return renderPage(
    <Page lang={lang} title={s.trackTitle} masthead={portalMasthead(lang)}>
      <h1>{s.trackTitle}</h1>
      {notFound ? (
        <p class="box err" role="alert">
          {s.notFound}: {code}
        </p>
      ) : null}
      <form method="get" action={`${config().API_URL}/track`}>
        <input type="hidden" name="lang" value={lang} />
        <label for="code">{s.tracking}</label>
        <input
          id="code"
          name="code"
          value={code}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxlength={40}
          aria-describedby="code-hint"
          required
        />
        <small id="code-hint">{s.codeHint}</small>
        <p>
          <button type="submit">{s.trackButton}</button>
        </p>
      </form>
      <p class="links">
        <a href={siteUrl(lang)}>{s.portal}</a>
      </p>
    </Page>,
  );
}

/**
 * A request's status for anyone holding its tracking code: the village's header and name, linked
 * back to its site (where another code can be tracked). No personal data: see trackingView.
 */
export function trackPage(
  lang: Lang,
  view: ReturnType<typeof trackingView>,
  village: VillageHeading,
  /** where the receipt of an open request lives: its holder reopens it with the secret code */
  receiptUrl?: string,
  /** a completed request's letter: its holder downloads it with the secret code */
  letterUrl?: string,
): string {
  const s = L[lang];
  const secretAction = receiptUrl ?? letterUrl;
  const masthead = villageMasthead(lang, village);
  const names = villageNames(lang, village);
  return renderPage(
    <Page lang={lang} title={`${s.trackTitle} ${view.trackingCode}`} masthead={masthead}>
      <h1>{s.trackTitle}</h1>
      <p>
        {s.tracking}:<br />
        <span class="code">{view.trackingCode}</span>
      </p>
      <p>
        <strong>{s.handledBy}:</strong> {names.village}, {names.kecamatan}
        <br />
        <strong>{s.service}:</strong> {view.service.name[lang]}
        <br />
        <strong>{s.status}:</strong> {view.statusLabel}
        <br />
        <strong>{s.due}:</strong>{' '}
        {view.dueAt ? fmt(view.dueAt, lang) : view.clockPaused ? s.duePaused : s.dueWaiting}
        {view.overdue ? (
          <>
            {' '}
            <strong>({s.overdue})</strong>
          </>
        ) : null}
        {view.letterNumber ? (
          <>
            <br />
            <strong>{s.letter}:</strong> {view.letterNumber}
          </>
        ) : null}
      </p>
      <h2>{s.timeline}</h2>
      <ol class="timeline">
        {view.timeline.map((t, i) => (
          <li key={i}>
            <strong>{t.label}</strong> — {fmt(t.at, lang)}
            {'reason' in t && t.reason ? (
              <>
                <br />
                <small>{t.reason}</small>
              </>
            ) : null}
          </li>
        ))}
      </ol>
      {secretAction ? (
        <form method="get" action={secretAction} class="box">
          <input type="hidden" name="lang" value={lang} />
          <label for="secret">{s.secretLabel}</label>
          <input
            id="secret"
            name="secret"
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
            maxlength={64}
            aria-describedby="secret-hint"
            required
          />
          <small id="secret-hint">{s.secretHint}</small>
          <p>
            <button type="submit">{receiptUrl ? s.openReceipt : s.downloadLetter}</button>
          </p>
        </form>
      ) : null}
      <p class="links">
        <a href={siteUrl(lang, village.slug, 'lacak')}>{s.trackAnother}</a>
        <br />
        <a href={masthead.href}>{s.villageSite}</a>
      </p>
    </Page>,
  );
}

/**
 * What a browser sees when the upload confirmation it was redirected to by S3 fails and the receipt
 * cannot show it: with the request known (the secret matched) a link back to the receipt; without
 * (wrong or missing secret, unknown request, a malformed link) the way to the tracking form.
 */
export function confirmErrorPage(
  lang: Lang,
  error: { code: string; message: string },
  receiptUrl: string | undefined,
): string {
  const s = L[lang];
  if (!receiptUrl) return linkErrorPage(lang, error, s);
  return renderPage(
    <Page lang={lang} title={s.uploadFailed}>
      <h1>{s.uploadFailed}</h1>
      <div class="box err" role="alert">
        <p>{error.message}</p>
      </div>
      <p>
        <a href={receiptUrl}>{s.backToReceipt}</a>
      </p>
      <p>
        <small>{error.code}</small>
      </p>
    </Page>,
  );
}

/**
 * A link (an upload's, a receipt's) that opens nothing: what went wrong, why, and the way to the
 * tracking form. Each caller brings its own words for the link.
 */
export function linkErrorPage(
  lang: Lang,
  error: { code: string; message: string },
  words: { linkInvalid: string; linkHint: string; trackInstead: string },
): string {
  return renderPage(
    <Page lang={lang} title={words.linkInvalid}>
      <h1>{words.linkInvalid}</h1>
      <div class="box err" role="alert">
        <p>{error.message}</p>
      </div>
      <p>{words.linkHint}</p>
      <p>
        <a href={`${config().API_URL}/track?lang=${lang}`}>{words.trackInstead}</a>
      </p>
      <p>
        <small>{error.code}</small>
      </p>
    </Page>,
  );
}
