import { NotFound, type VillageHeading } from '../lib/errors';
import { withCursor } from '../lib/paging';
import { getItem, queryPage } from '../lib/table';
import { Kecamatan, Regency, Village, type VillageItem, villageByRegency, villageBySlug } from './entities';

/** Public view of a village: what any page or client may show. */
export function publicVillage(v: VillageItem) {
  return {
    code: v.code,
    name: v.name,
    slug: v.slug,
    kind: v.kind,
    kecamatan: { code: v.kecamatanCode, name: v.kecamatanName },
    regency: { code: v.regencyCode, name: v.regencyName },
    officeHours: v.officeHours ?? null,
    profile: v.profile ?? {},
  };
}

/** The public names an API page's header shows for a village (lib/html.tsx villageMasthead). */
export function villageHeading(v: VillageItem): VillageHeading {
  return {
    name: v.name,
    kind: v.kind,
    kecamatanName: v.kecamatanName,
    regencyName: v.regencyName,
    slug: v.slug,
  };
}

export async function getVillage(code: string): Promise<VillageItem> {
  const { Item } = await getItem(Village, { code });
  if (!Item) throw new NotFound();
  return Item;
}

/** A village by its slug: its index gives the code only (gsi2 projects no more), the table the village. */
export async function findVillageBySlug(slug: string): Promise<VillageItem | undefined> {
  const [found] = (await queryPage(Village, villageBySlug, { slug }, { limit: 1 })).items;
  return found ? (await getItem(Village, { code: found.code })).Item : undefined;
}

export async function getKecamatan(code: string) {
  const { Item } = await getItem(Kecamatan, { code });
  return Item ?? null;
}

export async function getRegency(code: string) {
  const { Item } = await getItem(Regency, { code });
  return Item ?? null;
}

export async function listVillages(q: {
  regencyCode: string;
  kecamatan?: string;
  cursor?: string;
  limit: number;
}) {
  return withCursor(q.cursor, () =>
    queryPage(
      Village,
      villageByRegency,
      q.kecamatan
        ? { regencyCode: q.regencyCode, kecamatanCode: q.kecamatan }
        : { regencyCode: q.regencyCode },
      { cursor: q.cursor ?? null, limit: q.limit },
    ),
  );
}
