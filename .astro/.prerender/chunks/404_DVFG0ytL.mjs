import { t as $$Page } from './Page_BK3sFzk9.mjs';
import { t as __exportAll } from './rolldown-runtime_D8jQpDG7.mjs';
import {
  v as addAttribute,
  g as maybeRenderHead,
  c as renderComponent,
  h as renderTemplate,
} from './server_BtgCCazu.mjs';
import { H as createComponent, f as portalPath, n as regency, R as t } from './site_D9VnhQMy.mjs';

// site/src/pages/404.astro
var _404_exports = /* @__PURE__ */ __exportAll({
  default: () => $$404,
  file: () => $$file,
  url: () => $$url,
});
var $$404 = createComponent(
  async ($$result, $$props, $$slots) => {
    const r = await regency();
    const id = t('id');
    const en = t('en');
    return renderTemplate`${renderComponent(
      $$result,
      'Page',
      $$Page,
      {
        lang: 'id',
        title: `${id['notFound.title']} · ${en['notFound.title']}`,
        description: id['notFound.body'],
        path: '/404.html',
        regency: r.regency,
        siteUrl: r.siteUrl,
        noAlternate: true,
        noindex: true,
      },
      {
        default: ($$result) =>
          renderTemplate` ${maybeRenderHead($$result)}<h1>${id['notFound.title']}</h1> <p>${id['notFound.body']}</p> <p><a class="btn"${addAttribute(portalPath('id'), 'href')}>${id['notFound.portal']}</a></p> <div lang="en" class="section"> <h2>${en['notFound.title']}</h2> <p>${en['notFound.body']}</p> <p><a class="btn alt"${addAttribute(portalPath('en'), 'href')}>${en['notFound.portal']}</a></p> </div> `,
      },
    )}`;
  },
  '/work/wt-d/site/src/pages/404.astro',
  void 0,
);
var $$file = '/work/wt-d/site/src/pages/404.astro';
var $$url = '/404/';
// \0virtual:astro:page:src/pages/404@_@astro
var page = () => _404_exports;

export { page };
