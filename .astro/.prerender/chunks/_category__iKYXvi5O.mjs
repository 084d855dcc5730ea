import { n as createAstro } from './Page_BK3sFzk9.mjs';
import { t as $$ProductsPage } from './ProductsPage_BOzrQbtL.mjs';
import { t as __exportAll } from './rolldown-runtime_D8jQpDG7.mjs';
import { c as renderComponent, h as renderTemplate } from './server_BtgCCazu.mjs';
import {
  a as categoriesOf,
  o as categorySegment,
  H as createComponent,
  r as villageRoutes,
} from './site_D9VnhQMy.mjs';

// site/src/pages/[village]/[...lang]/produk/kategori/[category].astro
var _category__exports = /* @__PURE__ */ __exportAll({
  default: () => $$Category,
  file: () => $$file,
  getStaticPaths: () => getStaticPaths,
  url: () => $$url,
});
createAstro('https://astro.build');
var getStaticPaths = () =>
  villageRoutes((v) =>
    categoriesOf(v).map((c) => ({
      params: { category: categorySegment(c) },
      item: c,
    })),
  );
var $$Category = createComponent(
  ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$Category;
    const { v, lang, item } = Astro.props;
    return renderTemplate`${renderComponent($$result, 'ProductsPage', $$ProductsPage, {
      v: v,
      lang: lang,
      category: item,
    })}`;
  },
  '/work/wt-d/site/src/pages/[village]/[...lang]/produk/kategori/[category].astro',
  void 0,
);
var $$file = '/work/wt-d/site/src/pages/[village]/[...lang]/produk/kategori/[category].astro';
var $$url = '/[village]/[...lang]/produk/kategori/[category]/';
// \0virtual:astro:page:src/pages/[village]/[...lang]/produk/kategori/[category]@_@astro
var page = () => _category__exports;

export { page };
