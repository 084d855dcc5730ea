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
  y as date,
  c as newsByDate,
  I as pick,
  p as rssPath,
  R as t,
  h as villagePath,
  r as villageRoutes,
} from './site_D9VnhQMy.mjs';

// site/src/pages/[village]/[...lang]/berita/index.astro
var berita_exports = /* @__PURE__ */ __exportAll({
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
    const news = newsByDate(v);
    return renderTemplate`${renderComponent(
      $$result,
      'Page',
      $$Page,
      {
        lang: lang,
        title: s['news.title'],
        description: s['meta.news'](s[`name.${v.village.kind}`](v.village.name)),
        path: villagePath(slug, lang, 'berita'),
        village: v,
        regency: v.regency,
        siteUrl: v.siteUrl,
        nav: 'news',
        crumbs: [
          {
            label: s['nav.home'],
            href: villagePath(slug, lang),
          },
          { label: s['nav.news'] },
        ],
      },
      {
        default: ($$result) =>
          renderTemplate` ${maybeRenderHead($$result)}<h1>${s['news.title']}</h1> ${
            news.length === 0
              ? renderTemplate`<p>${s['news.none']}</p>`
              : renderTemplate`<ul class="links"> ${news.map((n) => {
                  const title = pick(lang, n.title);
                  const summary = pick(lang, n.summary);
                  return renderTemplate`<li> <a${addAttribute(villagePath(slug, lang, 'berita', n.slug), 'href')}${addAttribute(title.lang, 'lang')}> ${title.text} </a> <p class="hint"> <time${addAttribute(n.date.slice(0, 10), 'datetime')}>${date(lang, n.date)}</time> ·${' '} <span${addAttribute(summary.lang, 'lang')}>${summary.text}</span> </p> </li>`;
                })} </ul>`
          }<a class="more"${addAttribute(rssPath(slug, lang), 'href')}>${s['news.rss']}</a> `,
      },
    )}`;
  },
  '/work/wt-d/site/src/pages/[village]/[...lang]/berita/index.astro',
  void 0,
);
var $$file = '/work/wt-d/site/src/pages/[village]/[...lang]/berita/index.astro';
var $$url = '/[village]/[...lang]/berita/';
// \0virtual:astro:page:src/pages/[village]/[...lang]/berita/index@_@astro
var page = () => berita_exports;

export { page };
