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
  I as pick,
  L as pickList,
  R as t,
  h as villagePath,
  r as villageRoutes,
} from './site_D9VnhQMy.mjs';

// site/src/pages/[village]/[...lang]/berita/[article].astro
var _article__exports = /* @__PURE__ */ __exportAll({
  default: () => $$Article,
  file: () => $$file,
  getStaticPaths: () => getStaticPaths,
  url: () => $$url,
});
createAstro('https://astro.build');
var getStaticPaths = () =>
  villageRoutes((v) =>
    v.news.map((article) => ({
      params: { article: article.slug },
      item: article,
    })),
  );
var $$Article = createComponent(
  ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$Article;
    const { v, lang, item: n } = Astro.props;
    const s = t(lang);
    const slug = v.village.slug;
    const title = pick(lang, n.title);
    const summary = pick(lang, n.summary);
    const body = pickList(lang, n.body);
    const path = villagePath(slug, lang, 'berita', n.slug);
    const origin = v.siteUrl.replace(/\/+$/, '');
    return renderTemplate`${renderComponent(
      $$result,
      'Page',
      $$Page,
      {
        lang: lang,
        title: title.text,
        description: summary.text,
        path: path,
        village: v,
        regency: v.regency,
        siteUrl: v.siteUrl,
        nav: 'news',
        ogType: 'article',
        crumbs: [
          {
            label: s['nav.home'],
            href: villagePath(slug, lang),
          },
          {
            label: s['nav.news'],
            href: villagePath(slug, lang, 'berita'),
          },
          { label: title.text },
        ],
        structured: {
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: title.text,
          datePublished: n.date.slice(0, 10),
          inLanguage: title.lang ?? lang,
          mainEntityOfPage: `${origin}${path}`,
          publisher: {
            '@type': 'GovernmentOrganization',
            name: s[`name.${v.village.kind}`](v.village.name),
          },
        },
      },
      {
        default: ($$result) =>
          renderTemplate` ${maybeRenderHead($$result)}<article class="article"> <h1${addAttribute(title.lang, 'lang')}>${title.text}</h1> <p class="muted">${s['news.published']} <time${addAttribute(n.date.slice(0, 10), 'datetime')}>${date(lang, n.date)}</time></p> ${body.lang && renderTemplate`<p class="note">${s['lang.fallback']}</p>`} <div${addAttribute(body.lang, 'lang')}> ${body.items.map((para) => renderTemplate`<p>${para}</p>`)} </div> </article> <p><a class="more"${addAttribute(villagePath(slug, lang, 'berita'), 'href')}>← ${s['news.back']}</a></p> `,
      },
    )}`;
  },
  '/work/wt-d/site/src/pages/[village]/[...lang]/berita/[article].astro',
  void 0,
);
var $$file = '/work/wt-d/site/src/pages/[village]/[...lang]/berita/[article].astro';
var $$url = '/[village]/[...lang]/berita/[article]/';
// \0virtual:astro:page:src/pages/[village]/[...lang]/berita/[article]@_@astro
var page = () => _article__exports;

export { page };
