import { t as $$Page, n as createAstro } from './Page_BK3sFzk9.mjs';
import { t as __exportAll } from './rolldown-runtime_D8jQpDG7.mjs';
import {
  v as addAttribute,
  g as maybeRenderHead,
  c as renderComponent,
  h as renderTemplate,
} from './server_BtgCCazu.mjs';
import {
  v as cost,
  H as createComponent,
  b as duration,
  R as t,
  h as villagePath,
  r as villageRoutes,
} from './site_D9VnhQMy.mjs';

// site/src/pages/[village]/[...lang]/layanan/index.astro
var layanan_exports = /* @__PURE__ */ __exportAll({
  default: () => $$Index,
  file: () => $$file,
  getStaticPaths: () => getStaticPaths,
  url: () => $$url,
});
createAstro('https://astro.build');
var getStaticPaths = () => villageRoutes();
var $$Index = createComponent(
  ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$Index;
    const { v, lang } = Astro.props;
    const s = t(lang);
    const slug = v.village.slug;
    const name = s[`name.${v.village.kind}`](v.village.name);
    return renderTemplate`${renderComponent(
      $$result,
      'Page',
      $$Page,
      {
        lang: lang,
        title: s['services.title'],
        description: s['meta.services'](name),
        path: villagePath(slug, lang, 'layanan'),
        village: v,
        regency: v.regency,
        siteUrl: v.siteUrl,
        nav: 'services',
        crumbs: [
          {
            label: s['nav.home'],
            href: villagePath(slug, lang),
          },
          { label: s['nav.services'] },
        ],
      },
      {
        default: ($$result) =>
          renderTemplate` ${maybeRenderHead($$result)}<h1>${s['services.title']}</h1> <p>${s['services.intro']}</p> ${v.services.length === 0 ? renderTemplate`<p>${s['services.none']}</p>` : renderTemplate`<ul class="links"> ${v.services.map((x) => renderTemplate`<li> <a${addAttribute(villagePath(slug, lang, 'layanan', x.code), 'href')}>${lang === 'en' ? x.name.en : x.name.id}</a> <p class="hint"> ${s['services.meta'](duration(lang, x.duration), cost(lang, x.cost))} ${x.level === 'kecamatan' && ` · ${s['service.signedBy.kecamatan']}`} </p> </li>`)} </ul>`}`,
      },
    )}`;
  },
  '/work/wt-d/site/src/pages/[village]/[...lang]/layanan/index.astro',
  void 0,
);
var $$file = '/work/wt-d/site/src/pages/[village]/[...lang]/layanan/index.astro';
var $$url = '/[village]/[...lang]/layanan/';
// \0virtual:astro:page:src/pages/[village]/[...lang]/layanan/index@_@astro
var page = () => layanan_exports;

export { page };
