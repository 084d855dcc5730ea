import * as z from 'zod';
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
  M as LANGS,
  F as langParam,
  t as portalEnabled,
  f as portalPath,
  n as regency,
  R as t,
} from './site_D9VnhQMy.mjs';

// functions/products/categories.ts
/** The product categories (keys on the wire). Also the site snapshot's (functions/sites/snapshot.ts). */
var PRODUCT_CATEGORIES = ['batik_textiles', 'food_drink', 'coffee', 'produce', 'crafts', 'services', 'other'];
// functions/sites/snapshot.ts
/**
 * What a village website is built from: a snapshot of the village's PUBLIC data, exported through
 * the domain layer (functions/sites/export.ts) and read by the Astro project in site/ as content
 * collections. This schema is the contract between the two. Nothing personal may appear here: no
 * NIK, no applicant, no request; a seller appears only by business name and business WhatsApp.
 *
 * Files (one folder per build, `SITE_DATA_DIR`):
 *   regency.json           RegencySnapshot (the portal: every village grouped by kecamatan)
 *   villages/<slug>.json   VillageSnapshot (one per village)
 */
var Text = z.object({
  id: z.string(),
  en: z.string(),
});
/** English optional: pages fall back to Indonesian */
var TextOptEn = z.object({
  id: z.string(),
  en: z.string().optional(),
});
var ProductCategory = z.enum(PRODUCT_CATEGORIES);
var OfficeHours = z.object({
  timeZone: z.string(),
  /** keys mon … sun; null = closed */
  days: z.record(
    z.string(),
    z
      .object({
        open: z.string(),
        close: z.string(),
      })
      .nullable(),
  ),
});
var Photo = z.object({
  id: z.string(),
  /** intrinsic size of the largest variant */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** WebP variants, ascending width, absolute URLs (CloudFront /photos/… on AWS, localhost:4321/photos/… locally) */
  variants: z
    .array(
      z.object({
        width: z.number().int(),
        height: z.number().int(),
        url: z.string(),
      }),
    )
    .min(1),
  /** tiny blurred WebP as a data: URI */
  placeholder: z.string(),
  alt: z.string().optional(),
});
var SiteProduct = z.object({
  id: z.string(),
  /** URL segment under /<village>/produk/ */
  slug: z.string(),
  name: z.string(),
  description: TextOptEn,
  category: ProductCategory,
  /** integer rupiah */
  price: z.number().int().nonnegative(),
  discountPrice: z.number().int().nonnegative().optional(),
  unit: z.string(),
  availability: z.enum(['available', 'preorder', 'out_of_stock']),
  seller: z.object({
    id: z.string(),
    businessName: z.string(),
    kind: z.enum(['umkm', 'ikm']),
  }),
  /** https://wa.me/<number>?text=<prefilled order message naming product and village> */
  whatsappUrl: z.string(),
  photos: z.array(Photo).min(1),
  updatedAt: z.string(),
});
var SiteService = z.object({
  code: z.string(),
  name: Text,
  level: z.enum(['desa', 'kecamatan']),
  requirements: z.array(
    z.object({
      code: z.string(),
      name: Text,
      kind: z.enum(['document', 'field']),
      accept: z.array(z.string()).optional(),
      required: z.boolean(),
    }),
  ),
  procedure: z.object({
    id: z.array(z.string()),
    en: z.array(z.string()),
  }),
  /** ISO 8601 office-time duration, e.g. PT4H, P1D */
  duration: z.string(),
  cost: z.number().int().nonnegative(),
  product: Text,
  complaints: Text,
  fields: z.array(
    z.object({
      code: z.string(),
      label: Text,
      datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: z.boolean(),
      order: z.number().int(),
      values: z
        .array(
          z.object({
            key: z.string(),
            name: Text,
          }),
        )
        .optional(),
    }),
  ),
  /** requests in the last 90 days: orders "most used services" on the home page */
  popularity: z.number().int().nonnegative(),
});
var NewsArticle = z.object({
  slug: z.string(),
  title: TextOptEn,
  /** ISO date */
  date: z.string(),
  summary: TextOptEn,
  /** paragraphs of plain text (no HTML) */
  body: z.object({
    id: z.array(z.string()),
    en: z.array(z.string()).optional(),
  }),
});
var Apbdes = z.object({
  year: z.number().int(),
  /** IDR */
  income: z.number().nonnegative(),
  sectors: z.array(
    z.object({
      code: z.string(),
      name: Text,
      budget: z.number().nonnegative(),
      realisation: z.number().nonnegative(),
    }),
  ),
});
var VillageProfile = z.object({
  about: TextOptEn,
  head: z.object({
    name: z.string(),
    title: Text,
  }),
  officials: z.array(
    z.object({
      name: z.string(),
      position: Text,
    }),
  ),
  contact: z.object({
    address: z.string(),
    phone: z.string().optional(),
    email: z.string().optional(),
    whatsapp: z.string().optional(),
  }),
  /** office location, for a map link (no embedded map: no third-party script) */
  location: z
    .object({
      lat: z.number(),
      lng: z.number(),
    })
    .optional(),
  /** Smart Kampung facilities: keys of a fixed bilingual list (free_wifi, reading_corner, …) */
  facilities: z.array(
    z.object({
      code: z.string(),
      name: Text,
    }),
  ),
  population: z.number().int().nonnegative().optional(),
  areaKm2: z.number().nonnegative().optional(),
});
z.object({
  generatedAt: z.string(),
  /** where forms post and tracking goes, e.g. http://localhost:3000 */
  apiUrl: z.string(),
  /** the regency site's origin, e.g. http://localhost:4321 (canonical URLs, Open Graph, sitemap) */
  siteUrl: z.string(),
  regency: z.object({
    code: z.string(),
    name: z.string(),
  }),
  village: z.object({
    code: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(['desa', 'kelurahan']),
    kecamatan: z.object({
      code: z.string(),
      name: z.string(),
    }),
    officeHours: OfficeHours,
    profile: VillageProfile,
  }),
  services: z.array(SiteService),
  products: z.array(SiteProduct),
  news: z.array(NewsArticle),
  apbdes: Apbdes.nullable(),
});
z.object({
  generatedAt: z.string(),
  apiUrl: z.string(),
  siteUrl: z.string(),
  regency: z.object({
    code: z.string(),
    name: z.string(),
  }),
  kecamatan: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      villages: z.array(
        z.object({
          code: z.string(),
          slug: z.string(),
          name: z.string(),
          kind: z.enum(['desa', 'kelurahan']),
        }),
      ),
    }),
  ),
});
// site/src/pages/[...lang]/cari/index.astro
var cari_exports = /* @__PURE__ */ __exportAll({
  default: () => $$Index,
  file: () => $$file,
  getStaticPaths: () => getStaticPaths,
  url: () => $$url,
});
createAstro('https://astro.build');
function getStaticPaths() {
  return portalEnabled()
    ? LANGS.map((lang) => ({
        params: { lang: langParam(lang) },
        props: { lang },
      }))
    : [];
}
var $$Index = createComponent(
  async ($$result, $$props, $$slots) => {
    const Astro = $$result.createAstro($$props, $$slots);
    Astro.self = $$Index;
    const { lang } = Astro.props;
    const s = t(lang);
    const r = await regency();
    const action = `${r.apiUrl.replace(/\/+$/, '')}/products/search`;
    return renderTemplate`${renderComponent(
      $$result,
      'Page',
      $$Page,
      {
        lang: lang,
        title: s['search.title'],
        description: s['meta.search'](r.regency.name),
        path: portalPath(lang, 'cari'),
        regency: r.regency,
        siteUrl: r.siteUrl,
        nav: 'search',
      },
      {
        default: ($$result) =>
          renderTemplate` ${maybeRenderHead($$result)}<h1>${s['search.title']}</h1> <p>${s['search.intro']}</p> <search> <form id="search" method="get"${addAttribute(action, 'action')}> <input type="hidden" name="lang"${addAttribute(lang, 'value')}> <div class="field"> <label for="q">${s['search.q']}</label> <input id="q" name="q" type="search" maxlength="100" aria-describedby="q-hint"> <span class="hint" id="q-hint">${s['search.qHint']}</span> </div> <div class="field"> <label for="category">${s['search.category']}</label> <select id="category" name="category"> <option value="">${s['search.allCategories']}</option> ${PRODUCT_CATEGORIES.map((c) => renderTemplate`<option${addAttribute(c, 'value')}>${s[`category.${c}`]}</option>`)} </select> </div> <p><button class="btn" type="submit">${s['search.submit']}</button></p> </form> </search> `,
      },
    )}`;
  },
  '/work/wt-d/site/src/pages/[...lang]/cari/index.astro',
  void 0,
);
var $$file = '/work/wt-d/site/src/pages/[...lang]/cari/index.astro';
var $$url = '/[...lang]/cari/';
// \0virtual:astro:page:src/pages/[...lang]/cari/index@_@astro
var page = () => cari_exports;

export { page };
