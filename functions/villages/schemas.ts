import { PageQuery } from '../lib/paging';
import * as z from '../lib/zod';

export const VillageCode = z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'field.invalid'));
export const KecamatanCode = z.string().check(z.regex(/^\d{2}\.\d{2}\.\d{2}$/, 'field.invalid'));
export const VillageParams = z.object({ code: VillageCode });
export const VillageListQuery = z.object({ kecamatan: z.optional(KecamatanCode), ...PageQuery });

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
export const VillageList = z.object({ items: z.array(VillageOut), cursor: z.nullable(z.string()) });
export { Localized };

/**
 * A number the table can store: DynamoDB keeps 0 and magnitudes from 1e-130 to below 1e126. A JSON
 * number outside that range (5e-324 passes `nonnegative()`) failed the write with a 500.
 */
const storable = z.refine<number>(
  (n: number) => n === 0 || (Math.abs(n) >= 1e-130 && Math.abs(n) < 1e126),
  'field.invalid',
);

const Line = (max: number) =>
  z.string().check(z.trim(), z.minLength(1, 'field.required'), z.maxLength(max, 'field.too_long'));
const Bilingual = z.strictObject({ id: Line(4000), en: z.optional(Line(4000)) });

/** What a village officer edits of the village's public profile (shown on its website). */
export const ProfileBody = z.strictObject({
  about: z.optional(Bilingual),
  head: z.optional(
    z.strictObject({
      name: Line(120),
      /** the signer's official number on letters (NIP, 18 digits; an elected kepala desa has none) */
      nip: z.optional(z.string().check(z.regex(/^\d{18}$/, 'field.invalid'))),
    }),
  ),
  officials: z.optional(
    z
      .array(z.strictObject({ name: Line(120), position: z.strictObject({ id: Line(120), en: Line(120) }) }))
      .check(z.maxLength(30)),
  ),
  contact: z.optional(
    z.strictObject({
      address: z.optional(Line(300)),
      phone: z.optional(Line(40)),
      email: z.optional(z.email('field.invalid')),
      whatsapp: z.optional(Line(40)),
    }),
  ),
  location: z.optional(
    z.strictObject({
      lat: z.number().check(z.minimum(-90), z.maximum(90), storable),
      lng: z.number().check(z.minimum(-180), z.maximum(180), storable),
    }),
  ),
  facilities: z.optional(
    z
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
      .check(z.maxLength(20)),
  ),
  population: z.optional(z.number().check(z.int(), z.nonnegative())),
  areaKm2: z.optional(z.number().check(z.nonnegative(), storable)),
});

const OptText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, 'field.too_long')));

/** A news article of the village (its site's berita/ and RSS feed). */
export const NewsBody = z.strictObject({
  slug: z
    .string({ error: 'field.required' })
    .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'field.slug'), z.maxLength(80, 'field.too_long')),
  date: z.iso.date({ error: 'field.date' }),
  title: z.strictObject({ id: Line(200), en: OptText(200) }),
  summary: z.strictObject({ id: Line(500), en: OptText(500) }),
  body: z.strictObject({
    id: z.array(Line(4000)).check(z.minLength(1, 'field.required'), z.maxLength(50)),
    en: z.optional(z.array(Line(4000)).check(z.maxLength(50))),
  }),
});
export type NewsInput = z.infer<typeof NewsBody>;

/** A year's APBDes summary: budget vs realisation by sector (rupiah). */
export const ApbdesParams = z.object({
  code: VillageCode,
  year: z.coerce.number().check(z.int(), z.minimum(2000), z.maximum(2100)),
});
export const ApbdesBody = z.strictObject({
  income: z.number().check(z.nonnegative(), z.maximum(1e13), storable),
  sectors: z
    .array(
      z.strictObject({
        code: Line(10),
        name: z.strictObject({ id: Line(200), en: Line(200) }),
        budget: z.number().check(z.nonnegative(), z.maximum(1e13), storable),
        realisation: z.number().check(z.nonnegative(), z.maximum(1e13), storable),
      }),
    )
    .check(z.minLength(1, 'field.required'), z.maxLength(20)),
});
