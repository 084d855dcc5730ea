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
