import { t as $$Page, n as createAstro } from './Page_BK3sFzk9.mjs';
import { t as __exportAll } from './rolldown-runtime_D8jQpDG7.mjs';
import {
  v as addAttribute,
  g as maybeRenderHead,
  c as renderComponent,
  h as renderTemplate,
} from './server_BtgCCazu.mjs';
import { H as createComponent, R as t, h as villagePath, r as villageRoutes } from './site_D9VnhQMy.mjs';

// site/src/pages/[village]/[...lang]/lacak.astro
var lacak_exports = /* @__PURE__ */ __exportAll({
  default: () => $$Lacak,
  file: () => $$file,
  getStaticPaths: () => getStaticPaths,
  url: () => $$url,
});
createAstro('https://astro.build');
var getStaticPaths = () => villageRoutes();
var $$Lacak = createComponent(
  ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$Lacak;
    const { v, lang } = Astro.props;
    const s = t(lang);
    const slug = v.village.slug;
    return renderTemplate`${renderComponent(
      $$result,
      'Page',
      $$Page,
      {
        lang: lang,
        title: s['track.title'],
        description: s['meta.track'](s[`name.${v.village.kind}`](v.village.name)),
        path: villagePath(slug, lang, 'lacak'),
        village: v,
        regency: v.regency,
        siteUrl: v.siteUrl,
        nav: 'track',
        crumbs: [
          {
            label: s['nav.home'],
            href: villagePath(slug, lang),
          },
          { label: s['nav.track'] },
        ],
      },
      {
        default: ($$result) =>
          renderTemplate` ${maybeRenderHead($$result)}<h1>${s['track.title']}</h1> <p>${s['track.intro']}</p> <form method="get"${addAttribute(`${v.apiUrl.replace(/\/+$/, '')}/track`, 'action')}> <input type="hidden" name="lang"${addAttribute(lang, 'value')}> <div class="field"> <label for="code">${s['track.code']}</label> <input id="code" name="code" type="text" required autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="20" aria-describedby="code-hint"> <span class="hint" id="code-hint">${s['track.codeHint']}</span> </div> <p><button class="btn" type="submit">${s['track.submit']}</button></p> </form> <p class="muted">${s['track.lost']}</p> `,
      },
    )}`;
  },
  '/work/wt-d/site/src/pages/[village]/[...lang]/lacak.astro',
  void 0,
);
var $$file = '/work/wt-d/site/src/pages/[village]/[...lang]/lacak.astro';
var $$url = '/[village]/[...lang]/lacak/';
// \0virtual:astro:page:src/pages/[village]/[...lang]/lacak@_@astro
var page = () => lacak_exports;

export { page };
