import { n as createAstro } from './Page_BK3sFzk9.mjs';
import { t as $$ProductsPage } from './ProductsPage_BOzrQbtL.mjs';
import { t as __exportAll } from './rolldown-runtime_D8jQpDG7.mjs';
import { c as renderComponent, h as renderTemplate } from './server_BtgCCazu.mjs';
import { H as createComponent, r as villageRoutes } from './site_D9VnhQMy.mjs';

// site/src/pages/[village]/[...lang]/produk/index.astro
var produk_exports = /* @__PURE__ */ __exportAll({
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
    return renderTemplate`${renderComponent($$result, 'ProductsPage', $$ProductsPage, {
      v: v,
      lang: lang,
    })}`;
  },
  '/work/wt-d/site/src/pages/[village]/[...lang]/produk/index.astro',
  void 0,
);
var $$file = '/work/wt-d/site/src/pages/[village]/[...lang]/produk/index.astro';
var $$url = '/[village]/[...lang]/produk/';
// \0virtual:astro:page:src/pages/[village]/[...lang]/produk/index@_@astro
var page = () => produk_exports;

export { page };
