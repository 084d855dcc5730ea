/**
 * The API's own HTML pages (receipt, tracking, search results, errors) are preact components rendered
 * to a string: every text and attribute value is escaped by the renderer, never by hand.
 */
import type { ComponentChildren, JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { config } from './config';
import type { SitePage, VillageHeading } from './errors';
import type { Lang } from './i18n';

/**
 * The village sites' look in a few lines (site/src/styles/site.css: the header green, 48 px controls,
 * full-width inputs), so a villager sent here from the site does not land on a different product.
 * It is the `<style>` element's text, which the renderer escapes: no `"`, `&` or `<` in it.
 */
const STYLE = `*,*::before,*::after{box-sizing:border-box}
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafaf7}
main{max-width:40rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}h1{font-size:1.4rem;line-height:1.25}
.top{background:#0b5d3b;color:#fff}.top div{max-width:40rem;margin:0 auto;padding:.5rem 1rem}
.brand{display:flex;flex-direction:column;justify-content:center;min-height:48px;color:#fff;text-decoration:none}
.brand b{font-size:1.15rem}.brand small{color:#fff;font-size:.85rem}
.code{font:700 1.6rem/1.2 ui-monospace,monospace;letter-spacing:.08em;background:#fff;border:2px dashed #2f6b3b;padding:.5rem .75rem;display:inline-block;max-width:100%;overflow-wrap:anywhere;word-break:break-all}
blockquote{margin:.5rem 0;padding:.5rem .75rem;border-left:4px solid #b45309;background:#fff}.hint{display:block;margin-bottom:.25rem}
.box{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:1rem;margin:1rem 0}
.warn{border-color:#b45309;background:#fffbeb}.err{border-color:#b91c1c;background:#fef2f2}.ok{color:#166534}
button,input[type=submit]{font:inherit;font-weight:600;min-height:48px;padding:.5rem 1rem;background:#2f6b3b;color:#fff;border:0;border-radius:.375rem}
input:not([type]),input[type=text],input[type=search],input[type=password],select{display:block;width:100%;min-height:48px;margin:.25rem 0 .75rem;padding:.5rem .75rem;border:1px solid #6b7280;border-radius:.5rem;font:inherit;color:inherit;background:#fff}
input[type=file]{font:inherit;max-width:100%}label{display:block;font-weight:600;margin:.5rem 0 .25rem}
ol.timeline{padding-left:1.25rem}small{color:#555}a{color:#1d4ed8}.links a{display:inline-block;padding:.5rem 0}`;

/**
 * A void element's end as HTML writes it (`<br>`, `<input …>`), not preact's XML-style `<br/>`
 * (html-validate's `void-style`). Safe on the renderer's output: every `<` in text or in an attribute
 * value is escaped, and so is every `"` in a value, so a match starts at a real tag and spans only
 * its attributes.
 */
const VOID_END =
  /(<(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)(?:\s[^\s"=/>]+(?:="[^"]*")?)*)\/>/g;

/** A whole page (`<html>` and all) as the API answers it: the doctype, then the rendered markup. */
export function renderPage(vnode: JSX.Element): string {
  return `<!doctype html>${renderToString(vnode).replace(VOID_END, '$1>')}`;
}

/** `encodeURIComponent` that never throws: a lone surrogate in a stored value becomes U+FFFD. */
export const encodePart = (part: string) => encodeURIComponent(part.toWellFormed());

/** What the header bar of a page shows: a village (linked to its site) or the regency's portal. */
export interface Masthead {
  title: string;
  subtitle: string;
  href: string;
}

/** `SITE_URL/<slug>/[en/]<segments>/`, or the portal (`SITE_URL/[en/]`) without a slug. */
export function siteUrl(lang: Lang, slug?: string, ...segments: string[]): string {
  const parts = [slug, lang === 'en' ? 'en' : undefined, ...segments].filter(Boolean).map(String);
  return `${config().SITE_URL.replace(/\/+$/, '')}/${parts.map(encodePart).join('/')}${parts.length ? '/' : ''}`;
}

/** The village's names as its site writes them: "Desa Tamansari", "Kecamatan Licin" (or English). */
export function villageNames(lang: Lang, v: VillageHeading): { village: string; kecamatan: string } {
  return lang === 'en'
    ? {
        village: `${v.name} ${v.kind === 'kelurahan' ? 'Urban Village' : 'Village'}`,
        kecamatan: `${v.kecamatanName} District`,
      }
    : {
        village: `${v.kind === 'kelurahan' ? 'Kelurahan' : 'Desa'} ${v.name}`,
        kecamatan: `Kecamatan ${v.kecamatanName}`,
      };
}

/** The village as its site's header shows it: "Desa Tamansari" over "Kecamatan Licin · Kabupaten Banyuwangi". */
export function villageMasthead(lang: Lang, v: VillageHeading): Masthead {
  const names = villageNames(lang, v);
  return {
    title: names.village,
    subtitle: `${names.kecamatan} · ${v.regencyName}`,
    href: siteUrl(lang, v.slug),
  };
}

/** The regency portal (village index and product search) in the header, as the portal's own shows it. */
export function portalMasthead(lang: Lang, regencyName?: string): Masthead {
  const tagline =
    lang === 'en' ? 'public services at every village office' : 'pelayanan publik di setiap kantor desa';
  return regencyName
    ? { title: regencyName, subtitle: `Smart Kampung: ${tagline}`, href: siteUrl(lang) }
    : {
        title: 'Smart Kampung',
        subtitle: tagline.charAt(0).toUpperCase() + tagline.slice(1),
        href: siteUrl(lang),
      };
}

/**
 * A small, script-free page for the few answers a static site cannot know (receipt, tracking, search
 * results, errors); with a masthead, the same green header bar as the sites, linked back to them.
 * The empty icon spares the browser a `/favicon.ico` request (a 404 on the API's origin).
 */
export function Page(props: { lang: Lang; title: string; masthead?: Masthead; children: ComponentChildren }) {
  const { masthead } = props;
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        <title>{`${props.title} · Smart Kampung`}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        {masthead ? (
          <header class="top">
            <div>
              <a class="brand" href={masthead.href}>
                <b>{masthead.title}</b>
                <small>{masthead.subtitle}</small>
              </a>
            </div>
          </header>
        ) : null}
        <main>{props.children}</main>
      </body>
    </html>
  );
}

const ERROR_TEXT = {
  id: {
    heading: 'Ada yang perlu diperbaiki',
    back: 'Tekan tombol Kembali pada peramban untuk memperbaiki formulir; isian Anda tetap tersimpan.',
    servicePage: 'Buka lagi halaman layanan di situs desa',
    servicesPage: 'Buka daftar layanan di situs desa',
    retype: '(isian perlu diketik ulang)',
  },
  en: {
    heading: 'Something needs fixing',
    back: "Use your browser's Back button to correct the form; what you typed is kept.",
    servicePage: "Open the service's page on the village site again",
    servicesPage: 'Open the list of services on the village site',
    retype: '(the form starts empty)',
  },
} as const;

/**
 * The HTML answer of an error: each field under the label the form showed it with, and — when the
 * error knows the village site page the form came from — a link back to it, besides the Back button
 * (which keeps what was typed; the link opens an empty form).
 */
export function errorPage(
  lang: Lang,
  error: { code: string; message: string; fields?: { label: string; message: string }[] },
  sitePage?: SitePage,
): string {
  const s = ERROR_TEXT[lang];
  return renderPage(
    <Page
      lang={lang}
      title={s.heading}
      masthead={sitePage?.village ? villageMasthead(lang, sitePage.village) : undefined}
    >
      <h1>{s.heading}</h1>
      <div class="box err" role="alert">
        <p>{error.message}</p>
        {error.fields?.length ? (
          <ul>
            {error.fields.map((f, i) => (
              <li key={i}>
                <strong>{f.label}</strong>: {f.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p>{s.back}</p>
      {sitePage ? (
        <p class="links">
          <a href={siteUrl(lang, sitePage.slug, ...sitePage.segments)}>
            {sitePage.segments.length > 1 ? s.servicePage : s.servicesPage}
          </a>{' '}
          <small>{s.retype}</small>
        </p>
      ) : null}
      <p>
        <small>{error.code}</small>
      </p>
    </Page>,
  );
}
