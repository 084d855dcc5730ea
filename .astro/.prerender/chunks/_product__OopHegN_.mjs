import { t as $$Page, n as createAstro } from './Page_BK3sFzk9.mjs';
import { t as $$ProductPhoto } from './ProductPhoto_kq1Hel6V.mjs';
import { t as __exportAll } from './rolldown-runtime_D8jQpDG7.mjs';
import {
  v as addAttribute,
  l as Fragment,
  g as maybeRenderHead,
  c as renderComponent,
  h as renderTemplate,
} from './server_BtgCCazu.mjs';
import {
  o as categorySegment,
  H as createComponent,
  w as percent,
  I as pick,
  D as placeholderCss,
  O as rupiah,
  R as t,
  h as villagePath,
  r as villageRoutes,
} from './site_D9VnhQMy.mjs';

// site/src/pages/[village]/[...lang]/produk/[product].astro
var _product__exports = /* @__PURE__ */ __exportAll({
  default: () => $$Product,
  file: () => $$file,
  getStaticPaths: () => getStaticPaths,
  url: () => $$url,
});
createAstro('https://astro.build');
var getStaticPaths = () =>
  villageRoutes((v) =>
    v.products.map((product) => ({
      params: { product: product.slug },
      item: product,
    })),
  );
var $$Product = createComponent(
  ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$Product;
    const { v, lang, item: p } = Astro.props;
    const s = t(lang);
    const slug = v.village.slug;
    const path = villagePath(slug, lang, 'produk', p.slug);
    const url = `${v.siteUrl.replace(/\/+$/, '')}${path}`;
    const description = pick(lang, p.description);
    const discounted = p.discountPrice !== void 0 && p.discountPrice < p.price;
    const price = discounted ? p.discountPrice : p.price;
    const [photo, ...more] = p.photos;
    const og = photo?.variants.reduce((best, x) =>
      Math.abs(x.width - 640) < Math.abs(best.width - 640) ? x : best,
    );
    const AVAILABILITY = {
      available: 'https://schema.org/InStock',
      preorder: 'https://schema.org/PreOrder',
      out_of_stock: 'https://schema.org/OutOfStock',
    };
    const summary =
      description.text.length > 155 ? `${description.text.slice(0, 152).trimEnd()}…` : description.text;
    return renderTemplate`${renderComponent(
      $$result,
      'Page',
      $$Page,
      {
        lang: lang,
        title: p.name,
        description: summary,
        path: path,
        village: v,
        regency: v.regency,
        siteUrl: v.siteUrl,
        nav: 'products',
        ogType: 'product',
        css: placeholderCss([p], true),
        ogImage: og && {
          url: og.url,
          width: og.width,
          height: og.height,
          alt: photo?.alt,
        },
        crumbs: [
          {
            label: s['nav.home'],
            href: villagePath(slug, lang),
          },
          {
            label: s['nav.products'],
            href: villagePath(slug, lang, 'produk'),
          },
          { label: p.name },
        ],
        structured: {
          '@context': 'https://schema.org',
          '@type': 'Product',
          name: p.name,
          description: description.text,
          sku: p.id,
          category: s[`category.${p.category}`],
          image: p.photos.map((x) => x.variants.at(-1)?.url).filter(Boolean),
          brand: {
            '@type': 'Brand',
            name: p.seller.businessName,
          },
          offers: {
            '@type': 'Offer',
            url,
            price,
            priceCurrency: 'IDR',
            availability: AVAILABILITY[p.availability],
            seller: {
              '@type': 'Organization',
              name: p.seller.businessName,
            },
          },
        },
      },
      {
        default: ($$result) =>
          renderTemplate` ${maybeRenderHead($$result)}<div class="product"> <div> ${
            photo &&
            renderTemplate`${renderComponent($$result, 'ProductPhoto', $$ProductPhoto, {
              photo: photo,
              productId: p.id,
              alt: photo.alt ?? p.name,
              sizes: '(min-width: 60rem) 29rem, (min-width: 40rem) 50vw, 100vw',
              eager: true,
            })}`
          } ${more.map(
            (x) =>
              renderTemplate`${renderComponent($$result, 'ProductPhoto', $$ProductPhoto, {
                photo: x,
                productId: p.id,
                alt: x.alt ?? p.name,
                sizes: '(min-width: 60rem) 29rem, (min-width: 40rem) 50vw, 100vw',
              })}`,
          )} </div> <div> <h1>${p.name}</h1> <p> <span class="price">${rupiah(price)}</span> <span class="muted">${s['product.per'](p.unit)}</span> ${discounted && renderTemplate`${renderComponent($$result, 'Fragment', Fragment, {}, { default: ($$result) => renderTemplate` <br> <s class="was"> <span class="sr">${s['product.was']}: </span> ${rupiah(p.price)} </s>${' '} <span class="badge off">${s['product.discount'](100 - percent(price, p.price))}</span> ` })}`} </p> <dl class="facts"> <dt>${s['product.availability']}</dt> <dd>${s[`availability.${p.availability}`]}</dd> <dt>${s['product.seller']}</dt> <dd>${p.seller.businessName} (${s[`product.sellerKind.${p.seller.kind}`]})</dd> <dt>${s['product.category']}</dt> <dd><a${addAttribute(villagePath(slug, lang, 'produk', 'kategori', categorySegment(p.category)), 'href')}>${s[`category.${p.category}`]}</a></dd> </dl> <p${addAttribute(description.lang, 'lang')}>${description.text}</p> ${p.availability !== 'out_of_stock' && renderTemplate`${renderComponent($$result, 'Fragment', Fragment, {}, { default: ($$result) => renderTemplate` <p><a class="btn"${addAttribute(p.whatsappUrl, 'href')} rel="noopener">${s['product.order']}</a></p> <p class="muted">${s['product.orderNote']}</p> ` })}`} <p><a class="more"${addAttribute(villagePath(slug, lang, 'produk'), 'href')}>← ${s['product.back']}</a></p> </div> </div> `,
      },
    )}`;
  },
  '/work/wt-d/site/src/pages/[village]/[...lang]/produk/[product].astro',
  void 0,
);
var $$file = '/work/wt-d/site/src/pages/[village]/[...lang]/produk/[product].astro';
var $$url = '/[village]/[...lang]/produk/[product]/';
// \0virtual:astro:page:src/pages/[village]/[...lang]/produk/[product]@_@astro
var page = () => _product__exports;

export { page };
