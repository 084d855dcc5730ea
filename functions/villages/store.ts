import { NotFound } from '../lib/errors';
import { withCursor } from '../lib/paging';
import { FAST, Regency, Village, type VillageItem } from '../lib/table';

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

export async function getVillage(code: string): Promise<VillageItem> {
  const { data } = await Village.get({ code }).go(FAST);
  if (!data) throw new NotFound();
  return data;
}

export async function getRegency(code: string) {
  const { data } = await Regency.get({ code }).go();
  return data;
}

export async function listVillages(q: {
  regencyCode: string;
  kecamatan?: string;
  cursor?: string;
  limit: number;
}) {
  return withCursor(q.cursor, async () => {
    const { data, cursor } = await Village.query
      .byRegency(
        q.kecamatan
          ? { regencyCode: q.regencyCode, kecamatanCode: q.kecamatan }
          : { regencyCode: q.regencyCode },
      )
      .go({ cursor: q.cursor ?? null, limit: q.limit });
    return { items: data, cursor };
  });
}
