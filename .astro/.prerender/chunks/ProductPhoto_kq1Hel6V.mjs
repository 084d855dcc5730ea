import { n as createAstro } from './Page_BK3sFzk9.mjs';
import { v as addAttribute, g as maybeRenderHead, h as renderTemplate } from './server_BtgCCazu.mjs';
import { H as createComponent, E as photoClass } from './site_D9VnhQMy.mjs';

// site/src/components/ProductPhoto.astro
createAstro('https://astro.build');
var $$ProductPhoto = createComponent(
  ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$ProductPhoto;
    const { photo, productId, alt, sizes, eager = false } = Astro.props;
    const variants = [...photo.variants].sort((a, b) => a.width - b.width);
    const main = variants.reduce((best, x) =>
      Math.abs(x.width - 640) < Math.abs(best.width - 640) ? x : best,
    );
    const srcset = variants.map((x) => `${x.url} ${x.width}w`).join(', ');
    return renderTemplate`${maybeRenderHead($$result)}<img${addAttribute(`photo ${photoClass(productId, photo)}`, 'class')}${addAttribute(main.url, 'src')}${addAttribute(srcset, 'srcset')}${addAttribute(sizes, 'sizes')}${addAttribute(main.width, 'width')}${addAttribute(main.height, 'height')}${addAttribute(alt, 'alt')}${addAttribute(eager ? 'eager' : 'lazy', 'loading')} decoding="async"${addAttribute(eager ? 'high' : void 0, 'fetchpriority')}>`;
  },
  '/work/wt-d/site/src/components/ProductPhoto.astro',
  void 0,
);

export { $$ProductPhoto as t };
