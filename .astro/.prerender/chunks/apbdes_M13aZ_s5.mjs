import { t as $$Page, n as createAstro } from './Page_BK3sFzk9.mjs';
import { t as __exportAll } from './rolldown-runtime_D8jQpDG7.mjs';
import {
  v as addAttribute,
  l as Fragment,
  g as maybeRenderHead,
  c as renderComponent,
  h as renderTemplate,
} from './server_BtgCCazu.mjs';
import {
  H as createComponent,
  w as percent,
  O as rupiah,
  R as t,
  h as villagePath,
  r as villageRoutes,
} from './site_D9VnhQMy.mjs';

// site/src/components/BudgetChart.astro
createAstro('https://astro.build');
var $$BudgetChart = createComponent(
  ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$BudgetChart;
    const { apbdes, lang } = Astro.props;
    const s = t(lang);
    const W = 400;
    const LINE = 20;
    const MAX_CHARS = 42;
    const BAR = 16;
    const GAP = 4;
    const AFTER = 16;
    const max = Math.max(1, ...apbdes.sectors.map((x) => Math.max(x.budget, x.realisation)));
    const BAR_W = 348;
    const width = (n) => Math.max(n > 0 ? 1 : 0, Math.round((n / max) * BAR_W));
    function wrap(text) {
      const lines = [];
      for (const word of text.split(/\s+/)) {
        const last = lines.at(-1);
        if (last !== void 0 && `${last} ${word}`.length <= MAX_CHARS)
          lines[lines.length - 1] = `${last} ${word}`;
        else lines.push(word);
      }
      return lines;
    }
    let y = 0;
    const rows = apbdes.sectors.map((x) => {
      const lines = wrap(lang === 'en' ? x.name.en : x.name.id);
      const row = {
        y,
        lines,
        top: lines.length * LINE + 4,
        budget: width(x.budget),
        real: width(x.realisation),
        pct: percent(x.realisation, x.budget),
      };
      y += row.top + 32 + GAP + AFTER;
      return row;
    });
    const H = y;
    return renderTemplate`${maybeRenderHead($$result)}<figure class="chart"> <svg${addAttribute(`0 0 ${W} ${H}`, 'viewBox')}${addAttribute(W, 'width')}${addAttribute(H, 'height')} role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg"> <title id="chart-title">${s['apbdes.chartTitle'](apbdes.year)}</title> <desc id="chart-desc">${s['apbdes.chartDesc']}</desc> ${rows.map(
      (
        r,
      ) => renderTemplate`<g${addAttribute(`translate(0 ${r.y})`, 'transform')}> ${r.lines.map((line, i) => renderTemplate`<text x="0"${addAttribute((i + 1) * LINE - 5, 'y')}> ${line} </text>`)} <rect x="0"${addAttribute(r.top, 'y')}${addAttribute(r.budget, 'width')}${addAttribute(BAR, 'height')} rx="2" fill="#9fd3b5"></rect> <rect x="0"${addAttribute(r.top + BAR + GAP, 'y')}${addAttribute(r.real, 'width')}${addAttribute(BAR, 'height')} rx="2" fill="#0b5d3b"></rect> <text${addAttribute(r.real + 6, 'x')}${addAttribute(r.top + 32 + GAP - 3, 'y')}> ${r.pct}%
</text> </g>`,
    )} </svg> <figcaption> <ul class="legend"> <li><span class="sw-budget"></span>${s['apbdes.legendBudget']}</li> <li><span class="sw-real"></span>${s['apbdes.legendRealisation']}</li> </ul> </figcaption> </figure>`;
  },
  '/work/wt-d/site/src/components/BudgetChart.astro',
  void 0,
);
// site/src/pages/[village]/[...lang]/apbdes.astro
var apbdes_exports = /* @__PURE__ */ __exportAll({
  default: () => $$Apbdes,
  file: () => $$file,
  getStaticPaths: () => getStaticPaths,
  url: () => $$url,
});
createAstro('https://astro.build');
var getStaticPaths = () => villageRoutes();
var $$Apbdes = createComponent(
  ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$Apbdes;
    const { v, lang } = Astro.props;
    const s = t(lang);
    const slug = v.village.slug;
    const a = v.apbdes;
    const title = a ? s['apbdes.title'](a.year) : s['apbdes.titleNone'];
    const total = a
      ? a.sectors.reduce(
          (sum, x) => ({
            budget: sum.budget + x.budget,
            realisation: sum.realisation + x.realisation,
          }),
          {
            budget: 0,
            realisation: 0,
          },
        )
      : void 0;
    const tr = (x) => (lang === 'en' ? x.en : x.id);
    return renderTemplate`${renderComponent(
      $$result,
      'Page',
      $$Page,
      {
        lang: lang,
        title: title,
        description: s['meta.apbdes'](s[`name.${v.village.kind}`](v.village.name)),
        path: villagePath(slug, lang, 'apbdes'),
        village: v,
        regency: v.regency,
        siteUrl: v.siteUrl,
        nav: 'apbdes',
        crumbs: [
          {
            label: s['nav.home'],
            href: villagePath(slug, lang),
          },
          { label: s['nav.apbdes'] },
        ],
      },
      {
        default: ($$result) =>
          renderTemplate` ${maybeRenderHead($$result)}<h1>${title}</h1> <p>${s['apbdes.intro']}</p> ${
            !a || !total
              ? renderTemplate`<p class="note">${s['apbdes.none']}</p>`
              : renderTemplate`${renderComponent(
                  $$result,
                  'Fragment',
                  Fragment,
                  {},
                  {
                    default: ($$result) =>
                      renderTemplate` <dl class="facts"> <dt>${s['apbdes.income']}</dt> <dd>${rupiah(a.income)}</dd> <dt>${s['apbdes.total']}</dt> <dd>${rupiah(total.budget)}</dd> </dl> <h2 id="spending">${s['apbdes.spending']}</h2> <section class="scroll" aria-labelledby="spending" tabindex="0"> <table> <thead> <tr> <th scope="col">${s['apbdes.sector']}</th> <th scope="col" class="num">${s['apbdes.budget']}</th> <th scope="col" class="num">${s['apbdes.realisation']}</th> <th scope="col" class="num">${s['apbdes.percent']}</th> </tr> </thead> <tbody> ${a.sectors.map((x) => renderTemplate`<tr> <th scope="row">${tr(x.name)}</th> <td class="num">${rupiah(x.budget)}</td> <td class="num">${rupiah(x.realisation)}</td> <td class="num">${percent(x.realisation, x.budget)}%</td> </tr>`)} </tbody> <tfoot> <tr> <th scope="row">${s['apbdes.total']}</th> <td class="num">${rupiah(total.budget)}</td> <td class="num">${rupiah(total.realisation)}</td> <td class="num">${percent(total.realisation, total.budget)}%</td> </tr> </tfoot> </table> </section> ${renderComponent(
                        $$result,
                        'BudgetChart',
                        $$BudgetChart,
                        {
                          apbdes: a,
                          lang: lang,
                        },
                      )} `,
                  },
                )}`
          }`,
      },
    )}`;
  },
  '/work/wt-d/site/src/pages/[village]/[...lang]/apbdes.astro',
  void 0,
);
var $$file = '/work/wt-d/site/src/pages/[village]/[...lang]/apbdes.astro';
var $$url = '/[village]/[...lang]/apbdes/';
// \0virtual:astro:page:src/pages/[village]/[...lang]/apbdes@_@astro
var page = () => apbdes_exports;

export { page };
