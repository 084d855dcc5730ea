import { t as $$Page, n as createAstro } from './Page_BK3sFzk9.mjs';
import { t as __exportAll } from './rolldown-runtime_D8jQpDG7.mjs';
import {
  v as addAttribute,
  g as maybeRenderHead,
  c as renderComponent,
  h as renderTemplate,
} from './server_BtgCCazu.mjs';
import {
  H as createComponent,
  M as LANGS,
  F as langParam,
  t as portalEnabled,
  f as portalPath,
  n as regency,
  R as t,
  h as villagePath,
} from './site_D9VnhQMy.mjs';

// site/src/pages/[...lang]/index.astro
var ____lang__exports = /* @__PURE__ */ __exportAll({
  default: () => $$Index,
  file: () => $$file,
  getStaticPaths: () => getStaticPaths,
  url: () => $$url,
});
createAstro('https://astro.build');
function getStaticPaths() {
  return portalEnabled()
    ? LANGS.map((lang) => ({
        params: { lang: langParam(lang) },
        props: { lang },
      }))
    : [];
}
var $$Index = createComponent(
  async ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$Index;
    const { lang } = Astro.props;
    const s = t(lang);
    const r = await regency();
    const withSite = new Set(r.villagesWithSite);
    const total = r.kecamatan.reduce((n, k) => n + k.villages.length, 0);
    const kecId = (code) => `kec-${code.replaceAll('.', '-')}`;
    return renderTemplate`${renderComponent(
      $$result,
      'Page',
      $$Page,
      {
        lang: lang,
        title: s['portal.title'](r.regency.name),
        description: s['meta.portal'](r.regency.name),
        path: portalPath(lang),
        regency: r.regency,
        siteUrl: r.siteUrl,
        nav: 'villages',
      },
      {
        default: ($$result) =>
          renderTemplate` ${maybeRenderHead($$result)}<h1>${s['portal.title'](r.regency.name)}</h1> <p class="lead">${s['portal.intro'](total, r.kecamatan.length)}</p> <nav aria-labelledby="jump"> <h2 id="jump" class="sr">${s['portal.jump']}</h2> <ul class="chips"> ${r.kecamatan.map((k) => renderTemplate`<li><a${addAttribute(`#${kecId(k.code)}`, 'href')}>${k.name}</a></li>`)} </ul> </nav> ${r.kecamatan.map((k) => renderTemplate`<section${addAttribute(kecId(k.code), 'aria-labelledby')} class="section"> <h2${addAttribute(kecId(k.code), 'id')}> ${s.kecamatan(k.name)} <small class="muted">(${s['portal.villages'](k.villages.length)})</small> </h2> <ul class="kec"> ${k.villages.map((v) => renderTemplate`<li> ${withSite.has(v.slug) ? renderTemplate`<a${addAttribute(villagePath(v.slug, lang), 'href')}> ${s[`name.${v.kind}`](v.name)} </a>` : renderTemplate`<span> ${s[`name.${v.kind}`](v.name)}&nbsp;<small class="muted">(${s['portal.noSite']})</small> </span>`} </li>`)} </ul> </section>`)}`,
      },
    )}`;
  },
  '/work/wt-d/site/src/pages/[...lang]/index.astro',
  void 0,
);
var $$file = '/work/wt-d/site/src/pages/[...lang]/index.astro';
var $$url = '/[...lang]/';
// \0virtual:astro:page:src/pages/[...lang]/index@_@astro
var page = () => ____lang__exports;

export { page };
