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
import * as z from 'zod';
import { CATEGORY_LABELS, PRODUCT_CATEGORIES } from '../products/categories';

export const Text = z.object({ id: z.string(), en: z.string() });
/** English optional: pages fall back to Indonesian */
export const TextOptEn = z.object({ id: z.string(), en: z.string().optional() });

/**
 * defined with the products (Lambda code imports them from there, never this classic-zod module);
 * the site reaches functions/ only through this module (docs/architecture.md)
 */
export { CATEGORY_LABELS, PRODUCT_CATEGORIES };
export const ProductCategory = z.enum(PRODUCT_CATEGORIES);

export const OfficeHours = z.object({
  timeZone: z.string(),
  /** keys mon … sun; null = closed */
  days: z.record(z.string(), z.object({ open: z.string(), close: z.string() }).nullable()),
});

export const Photo = z.object({
  id: z.string(),
  /** intrinsic size of the largest variant */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** WebP variants, ascending width, absolute URLs (CloudFront /photos/… on AWS, localhost:4321/photos/… locally) */
  variants: z.array(z.object({ width: z.number().int(), height: z.number().int(), url: z.string() })).min(1),
  /** tiny blurred WebP as a data: URI */
  placeholder: z.string(),
  alt: z.string().optional(),
});

export const SiteProduct = z.object({
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
  seller: z.object({ id: z.string(), businessName: z.string(), kind: z.enum(['umkm', 'ikm']) }),
  /** https://wa.me/<number>?text=<prefilled order message naming product and village> */
  whatsappUrl: z.string(),
  photos: z.array(Photo).min(1),
  updatedAt: z.string(),
});

export const SiteService = z.object({
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
  procedure: z.object({ id: z.array(z.string()), en: z.array(z.string()) }),
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
      values: z.array(z.object({ key: z.string(), name: Text })).optional(),
    }),
  ),
  /** requests in the last 90 days: orders "most used services" on the home page */
  popularity: z.number().int().nonnegative(),
});

export const NewsArticle = z.object({
  slug: z.string(),
  title: TextOptEn,
  /** ISO date */
  date: z.string(),
  summary: TextOptEn,
  /** paragraphs of plain text (no HTML) */
  body: z.object({ id: z.array(z.string()), en: z.array(z.string()).optional() }),
});

export const Apbdes = z.object({
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

export const VillageProfile = z.object({
  about: TextOptEn,
  head: z.object({ name: z.string(), title: Text }),
  officials: z.array(z.object({ name: z.string(), position: Text })),
  contact: z.object({
    address: z.string(),
    phone: z.string().optional(),
    email: z.string().optional(),
    whatsapp: z.string().optional(),
  }),
  /** office location, for a map link (no embedded map: no third-party script) */
  location: z.object({ lat: z.number(), lng: z.number() }).optional(),
  /** Smart Kampung facilities: keys of a fixed bilingual list (free_wifi, reading_corner, …) */
  facilities: z.array(z.object({ code: z.string(), name: Text })),
  population: z.number().int().nonnegative().optional(),
  areaKm2: z.number().nonnegative().optional(),
});

export const VillageSnapshot = z.object({
  generatedAt: z.string(),
  /** where forms post and tracking goes, e.g. http://localhost:3000 */
  apiUrl: z.string(),
  /** the regency site's origin, e.g. http://localhost:4321 (canonical URLs, Open Graph, sitemap) */
  siteUrl: z.string(),
  /** `province`: the province's name (structured data's addressRegion), from the official area codes */
  regency: z.object({ code: z.string(), name: z.string(), province: z.string().optional() }),
  village: z.object({
    code: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(['desa', 'kelurahan']),
    kecamatan: z.object({ code: z.string(), name: z.string() }),
    officeHours: OfficeHours,
    profile: VillageProfile,
  }),
  services: z.array(SiteService),
  products: z.array(SiteProduct),
  news: z.array(NewsArticle),
  apbdes: Apbdes.nullable(),
});

export const RegencySnapshot = z.object({
  generatedAt: z.string(),
  apiUrl: z.string(),
  siteUrl: z.string(),
  regency: z.object({ code: z.string(), name: z.string() }),
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

export type VillageSnapshot = z.infer<typeof VillageSnapshot>;
export type RegencySnapshot = z.infer<typeof RegencySnapshot>;
export type SiteProduct = z.infer<typeof SiteProduct>;
export type SiteService = z.infer<typeof SiteService>;
