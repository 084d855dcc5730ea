import { t as $$Page, n as createAstro } from './Page_BK3sFzk9.mjs';
import { t as $$ProductCard } from './ProductCard_a_qzS2hy.mjs';
import {
  v as addAttribute,
  l as Fragment,
  g as maybeRenderHead,
  c as renderComponent,
  h as renderTemplate,
} from './server_BtgCCazu.mjs';
import {
  a as categoriesOf,
  o as categorySegment,
  H as createComponent,
  D as placeholderCss,
  R as t,
  h as villagePath,
} from './site_D9VnhQMy.mjs';

// site/src/components/ProductsPage.astro
createAstro('https://astro.build');
var $$ProductsPage = createComponent(
  ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$ProductsPage;
    const { v, lang, category } = Astro.props;
    const s = t(lang);
    const slug = v.village.slug;
    const products = category ? v.products.filter((p) => p.category === category) : v.products;
    const path = category
      ? villagePath(slug, lang, 'produk', 'kategori', categorySegment(category))
      : villagePath(slug, lang, 'produk');
    const title = category ? `${s['nav.products']}: ${s[`category.${category}`]}` : s['products.title'];
    const categories = categoriesOf(v);
    return renderTemplate`${renderComponent(
      $$result,
      'Page',
      $$Page,
      {
        lang: lang,
        title: title,
        description: s['meta.products'](s[`name.${v.village.kind}`](v.village.name)),
        path: path,
        village: v,
        regency: v.regency,
        siteUrl: v.siteUrl,
        nav: 'products',
        css: placeholderCss(products),
        crumbs: [
          {
            label: s['nav.home'],
            href: villagePath(slug, lang),
          },
          ...(category
            ? [
                {
                  label: s['nav.products'],
                  href: villagePath(slug, lang, 'produk'),
                },
                { label: s[`category.${category}`] },
              ]
            : [{ label: s['nav.products'] }]),
        ],
      },
      {
        default: ($$result) =>
          renderTemplate` ${maybeRenderHead($$result)}<h1>${title}</h1> <p>${s['products.intro']}</p> ${categories.length > 1 && renderTemplate`<nav${addAttribute(s['products.filter'], 'aria-label')}> <ul class="chips"> <li> <a${addAttribute(villagePath(slug, lang, 'produk'), 'href')}${addAttribute(category ? void 0 : 'page', 'aria-current')}> ${s['products.all']} </a> </li> ${categories.map((c) => renderTemplate`<li> <a${addAttribute(villagePath(slug, lang, 'produk', 'kategori', categorySegment(c)), 'href')}${addAttribute(c === category ? 'page' : void 0, 'aria-current')}> ${s[`category.${c}`]} </a> </li>`)} </ul> </nav>`}${
            products.length === 0
              ? renderTemplate`<p>${category ? s['products.none'] : s['products.noneAll']}</p>`
              : renderTemplate`${renderComponent(
                  $$result,
                  'Fragment',
                  Fragment,
                  {},
                  {
                    default: ($$result) =>
                      renderTemplate` <p class="muted">${s['products.count'](products.length)}</p> <ul class="cards"> ${products.map(
                        (p, i) =>
                          renderTemplate`${renderComponent($$result, 'ProductCard', $$ProductCard, {
                            product: p,
                            village: slug,
                            lang: lang,
                            eager: i < 2,
                            level: 'h2',
                          })}`,
                      )} </ul> `,
                  },
                )}`
          }`,
      },
    )}`;
  },
  '/work/wt-d/site/src/components/ProductsPage.astro',
  void 0,
);

export { $$ProductsPage as t };
