import { n as createAstro } from './Page_BK3sFzk9.mjs';
import { t as $$ProductPhoto } from './ProductPhoto_kq1Hel6V.mjs';
import {
  v as addAttribute,
  g as maybeRenderHead,
  c as renderComponent,
  h as renderTemplate,
} from './server_BtgCCazu.mjs';
import { H as createComponent, O as rupiah, R as t, h as villagePath } from './site_D9VnhQMy.mjs';

// site/src/components/ProductCard.astro
createAstro('https://astro.build');
var $$ProductCard = createComponent(
  ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$ProductCard;
    const { product: p, village, lang, eager = false, level = 'h3' } = Astro.props;
    const s = t(lang);
    const photo = p.photos[0];
    const Heading = level;
    const discounted = p.discountPrice !== void 0 && p.discountPrice < p.price;
    return renderTemplate`${maybeRenderHead($$result)}<li class="card"> ${
      photo &&
      renderTemplate`${renderComponent($$result, 'ProductPhoto', $$ProductPhoto, {
        photo: photo,
        productId: p.id,
        alt: photo.alt ?? p.name,
        sizes: '(min-width: 60rem) 14rem, (min-width: 40rem) 30vw, 50vw',
        eager: eager,
      })}`
    } ${renderComponent($$result, 'Heading', Heading, { class: 'card-title' }, { default: ($$result) => renderTemplate`<a${addAttribute(villagePath(village, lang, 'produk', p.slug), 'href')}>${p.name}</a>` })} <p> <span class="price">${rupiah(discounted ? p.discountPrice : p.price)}</span> ${discounted && renderTemplate`<s class="was"><span class="sr">${s['product.was']}: </span>${rupiah(p.price)}</s>`} <br> <span${addAttribute(['badge', { off: p.availability !== 'available' }], 'class:list')}>${s[`availability.${p.availability}`]}</span> </p> </li>`;
  },
  '/work/wt-d/site/src/components/ProductCard.astro',
  void 0,
);

export { $$ProductCard as t };
