import * as z from 'zod';
import { PageQuery } from '../lib/paging';

export const VillageCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'field.invalid');
export const KecamatanCode = z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'field.invalid');
export const VillageParams = z.object({ code: VillageCode });
export const VillageListQuery = z.object({ kecamatan: KecamatanCode.optional(), ...PageQuery });

const Localized = z.object({ id: z.string(), en: z.string() });
export const VillageOut = z.object({
  code: VillageCode,
  name: z.string(),
  slug: z.string(),
  kind: z.enum(['desa', 'kelurahan']),
  kecamatan: z.object({ code: z.string(), name: z.string() }),
  regency: z.object({ code: z.string(), name: z.string() }),
  officeHours: z.unknown(),
  profile: z.record(z.string(), z.unknown()),
});
export const VillageList = z.object({ items: z.array(VillageOut), cursor: z.string().nullable() });
export { Localized };

const Line = (max: number) => z.string().trim().min(1, 'field.required').max(max, 'field.too_long');
const Bilingual = z.strictObject({ id: Line(4000), en: Line(4000).optional() });

/** What a village officer edits of the village's public profile (shown on its website). */
export const ProfileBody = z.strictObject({
  about: Bilingual.optional(),
  head: z.strictObject({ name: Line(120) }).optional(),
  officials: z
    .array(z.strictObject({ name: Line(120), position: z.strictObject({ id: Line(120), en: Line(120) }) }))
    .max(30)
    .optional(),
  contact: z
    .strictObject({
      address: Line(300).optional(),
      phone: Line(40).optional(),
      email: z.email('field.invalid').optional(),
      whatsapp: Line(40).optional(),
    })
    .optional(),
  location: z
    .strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
    .optional(),
  facilities: z
    .array(
      z.enum([
        'free_wifi',
        'reading_corner',
        'service_counter',
        'umkm_gallery',
        'health_post',
        'computer_corner',
      ]),
    )
    .max(20)
    .optional(),
  population: z.number().int().nonnegative().optional(),
  areaKm2: z.number().nonnegative().optional(),
});

const OptText = (max: number) => z.string().trim().max(max, 'field.too_long').optional();

/** A news article of the village (its site's berita/ and RSS feed). */
export const NewsBody = z.strictObject({
  slug: z
    .string({ error: 'field.required' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'field.slug')
    .max(80, 'field.too_long'),
  date: z.iso.date({ error: 'field.date' }),
  title: z.strictObject({ id: Line(200), en: OptText(200) }),
  summary: z.strictObject({ id: Line(500), en: OptText(500) }),
  body: z.strictObject({
    id: z.array(Line(4000)).min(1, 'field.required').max(50),
    en: z.array(Line(4000)).max(50).optional(),
  }),
});
export type NewsInput = z.infer<typeof NewsBody>;

/** A year's APBDes summary: budget vs realisation by sector (rupiah). */
export const ApbdesParams = z.object({
  code: VillageCode,
  year: z.coerce.number().int().min(2000).max(2100),
});
export const ApbdesBody = z.strictObject({
  income: z.number().nonnegative().max(1e13),
  sectors: z
    .array(
      z.strictObject({
        code: Line(10),
        name: z.strictObject({ id: Line(200), en: Line(200) }),
        budget: z.number().nonnegative().max(1e13),
        realisation: z.number().nonnegative().max(1e13),
      }),
    )
    .min(1, 'field.required')
    .max(20),
});
