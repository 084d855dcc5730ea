import { ft as AstroError, st as UnavailableAstroGlobal } from './path_aayju59X.mjs';
import {
  O as ASTRO_GENERATOR,
  v as addAttribute,
  l as Fragment,
  c as renderComponent,
  _ as renderHead,
  f as renderSlot,
  h as renderTemplate,
  T as unescapeHTML,
} from './server_BtgCCazu.mjs';
import {
  H as createComponent,
  x as hoursSummary,
  S as jsonLd,
  N as OG_LOCALE,
  P as OTHER,
  l as otherLanguagePath,
  T as phoneText,
  f as portalPath,
  R as t,
  h as villagePath,
} from './site_D9VnhQMy.mjs';

// node_modules/astro/dist/runtime/server/astro-global.js
function createError(name) {
  return new AstroError({
    ...UnavailableAstroGlobal,
    message: UnavailableAstroGlobal.message(name),
  });
}
function createAstro(site) {
  return {
    get site() {
      console.warn(
        `Astro.site inside getStaticPaths is deprecated and will be removed in a future major version of Astro. Use import.meta.env.SITE instead`,
      );
      return site ? new URL(site) : void 0;
    },
    get generator() {
      console.warn(
        `Astro.generator inside getStaticPaths is deprecated and will be removed in a future major version of Astro.`,
      );
      return ASTRO_GENERATOR;
    },
    get callAction() {
      throw createError('callAction');
    },
    get clientAddress() {
      throw createError('clientAddress');
    },
    get cookies() {
      throw createError('cookies');
    },
    get csp() {
      throw createError('csp');
    },
    get currentLocale() {
      throw createError('currentLocale');
    },
    get getActionResult() {
      throw createError('getActionResult');
    },
    get isPrerendered() {
      throw createError('isPrerendered');
    },
    get locals() {
      throw createError('locals');
    },
    get originPathname() {
      throw createError('originPathname');
    },
    get params() {
      throw createError('params');
    },
    get preferredLocale() {
      throw createError('preferredLocale');
    },
    get preferredLocaleList() {
      throw createError('preferredLocaleList');
    },
    get props() {
      throw createError('props');
    },
    get redirect() {
      throw createError('redirect');
    },
    get request() {
      throw createError('request');
    },
    get response() {
      throw createError('response');
    },
    get rewrite() {
      throw createError('rewrite');
    },
    get routePattern() {
      throw createError('routePattern');
    },
    get self() {
      throw createError('self');
    },
    get slots() {
      throw createError('slots');
    },
    get url() {
      throw createError('url');
    },
    get session() {
      throw createError('session');
    },
    get cache() {
      throw createError('cache');
    },
    get logger() {
      throw createError('logger');
    },
  };
}
var $$Page = createComponent(
  ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$Page;
    const {
      lang,
      title,
      description,
      path,
      village,
      regency,
      siteUrl,
      nav,
      noAlternate,
      noindex,
      ogType = 'website',
      ogImage,
      structured,
      crumbs,
      css,
    } = Astro.props;
    const s = t(lang);
    const other = OTHER[lang];
    const v = village?.village;
    const altPath = Astro.props.altPath ?? otherLanguagePath(path, lang, v?.slug);
    const origin = siteUrl.replace(/\/+$/, '');
    const canonical = `${origin}${path}`;
    const idPath = lang === 'id' ? path : altPath;
    const enPath = lang === 'en' ? path : altPath;
    const siteName = v ? s[`name.${v.kind}`](v.name) : `Smart Kampung ${regency.name}`;
    const suffixed =
      nav === 'home' || nav === 'villages'
        ? `${title} · ${regency.name}`
        : nav
          ? `${title} · ${siteName}`
          : title;
    const fullTitle =
      suffixed.length <= 70 ? suffixed : title.length <= 70 ? title : `${title.slice(0, 69).trimEnd()}…`;
    const villageNav = v
      ? [
          ['home', s['nav.home'], villagePath(v.slug, lang)],
          ['services', s['nav.services'], villagePath(v.slug, lang, 'layanan')],
          ['products', s['nav.products'], villagePath(v.slug, lang, 'produk')],
          ['news', s['nav.news'], villagePath(v.slug, lang, 'berita')],
          ['apbdes', s['nav.apbdes'], villagePath(v.slug, lang, 'apbdes')],
          ['track', s['nav.track'], villagePath(v.slug, lang, 'lacak')],
        ]
      : [
          ['villages', s['portal.nav.villages'], portalPath(lang)],
          ['search', s['portal.nav.search'], portalPath(lang, 'cari')],
        ];
    const contact = village?.village.profile.contact;
    const hours = village?.village.officeHours;
    return renderTemplate`<html${addAttribute(lang, 'lang')}> <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><!-- no favicon request (a 404 on every first visit): an empty icon, allowed by the CSP img-src data: --><link rel="icon" href="data:,"><title>${fullTitle}</title><meta name="description"${addAttribute(description, 'content')}><link rel="canonical"${addAttribute(canonical, 'href')}>${noindex && renderTemplate`<meta name="robots" content="noindex">`}${!noAlternate && renderTemplate`${renderComponent($$result, 'Fragment', Fragment, {}, { default: ($$result) => renderTemplate`<link rel="alternate" hreflang="id"${addAttribute(`${origin}${idPath}`, 'href')}><link rel="alternate" hreflang="en"${addAttribute(`${origin}${enPath}`, 'href')}><link rel="alternate" hreflang="x-default"${addAttribute(`${origin}${idPath}`, 'href')}>` })}`}${v && renderTemplate`<link rel="alternate" type="application/rss+xml"${addAttribute(`${s['news.title']} ${v.name}`, 'title')}${addAttribute(`${origin}${villagePath(v.slug, lang, 'berita')}rss.xml`, 'href')}>`}<meta name="theme-color" content="#0b5d3b"><meta property="og:type"${addAttribute(ogType === 'product' ? 'website' : ogType, 'content')}><meta property="og:title"${addAttribute(title, 'content')}><meta property="og:description"${addAttribute(description, 'content')}><meta property="og:url"${addAttribute(canonical, 'content')}><meta property="og:site_name"${addAttribute(siteName, 'content')}><meta property="og:locale"${addAttribute(OG_LOCALE[lang], 'content')}>${!noAlternate && renderTemplate`<meta property="og:locale:alternate"${addAttribute(OG_LOCALE[other], 'content')}>`}${ogImage && renderTemplate`${renderComponent($$result, 'Fragment', Fragment, {}, { default: ($$result) => renderTemplate`<meta property="og:image"${addAttribute(ogImage.url, 'content')}><meta property="og:image:type" content="image/webp"><meta property="og:image:width"${addAttribute(String(ogImage.width), 'content')}><meta property="og:image:height"${addAttribute(String(ogImage.height), 'content')}>${ogImage.alt && renderTemplate`<meta property="og:image:alt"${addAttribute(ogImage.alt, 'content')}>`}` })}`}${css && renderTemplate`<style>${unescapeHTML(css)}</style>`}${structured !== void 0 && renderTemplate`<script type="application/ld+json">${unescapeHTML(jsonLd(structured))}<\/script>`}${renderHead($$result)}</head> <body> <a class="skip" href="#main">${s.skip}</a> <header class="top"> <div class="wrap"> ${v ? renderTemplate`<a class="brand"${addAttribute(villagePath(v.slug, lang), 'href')}> <b>${s[`name.${v.kind}`](v.name)}</b> <small> ${s.kecamatan(v.kecamatan.name)} · ${regency.name} </small> </a>` : renderTemplate`<a class="brand"${addAttribute(portalPath(lang), 'href')}> <b>${regency.name}</b> <small>${s['portal.tagline']}</small> </a>`} ${!noAlternate && renderTemplate`<a class="lang"${addAttribute(altPath, 'href')}${addAttribute(other, 'hreflang')}${addAttribute(other, 'lang')}${addAttribute(s['lang.switchLabel'], 'aria-label')}> ${s['lang.switch']} </a>`} </div> </header> <nav class="nav"${addAttribute(s['nav.label'], 'aria-label')}> <ul> ${villageNav.map(([key, label, href]) => renderTemplate`<li> <a${addAttribute(href, 'href')}${addAttribute(key === nav ? 'page' : void 0, 'aria-current')}> ${label} </a> </li>`)} </ul> </nav> <main id="main" class="wrap"> ${crumbs && crumbs.length > 0 && renderTemplate`<nav class="crumbs"${addAttribute(s.breadcrumb, 'aria-label')}> <ol> ${crumbs.map((c) => renderTemplate`<li>${c.href ? renderTemplate`<a${addAttribute(c.href, 'href')}>${c.label}</a>` : renderTemplate`<span aria-current="page">${c.label}</span>`}</li>`)} </ol> </nav>`} ${renderSlot($$result, $$slots['default'])} </main> <footer class="foot"> <div class="wrap"> ${v && contact && renderTemplate`<div class="cols"> <div> <h2>${s['footer.contact']}</h2> <p> ${s[`name.${v.kind}`](v.name)} <br> ${contact.address} </p> <ul class="plain"> ${contact.phone && renderTemplate`<li> ${s['contact.phone']}: <a${addAttribute(`tel:${contact.phone.replace(/[^\d+]/g, '')}`, 'href')}>${phoneText(contact.phone)}</a> </li>`} ${contact.whatsapp && renderTemplate`<li> ${s['contact.whatsapp']}:${' '} <a${addAttribute(`https://wa.me/${contact.whatsapp.replace(/\D/g, '')}`, 'href')} rel="noopener"> ${contact.whatsapp} </a> </li>`} ${contact.email && renderTemplate`<li> ${s['contact.email']}: <a${addAttribute(`mailto:${contact.email}`, 'href')}>${contact.email}</a> </li>`} </ul> </div> ${hours && renderTemplate`<div> <h2>${s['footer.hours']}</h2> <p> ${hoursSummary(lang, hours)} </p> </div>`} </div>`} <p> <a${addAttribute(portalPath(lang), 'href')}>${s['footer.portal'](regency.name)}</a> <br> ${s['footer.builtWith']} </p> </div> </footer> </body> </html>`;
  },
  '/work/wt-d/site/src/layouts/Page.astro',
  void 0,
);

export { $$Page as t, createAstro as n };
