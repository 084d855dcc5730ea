/**
 * The villages of a regency, from the official area codes shipped in `idn-area-data` (Kepmendagri
 * codes `PP.KK.CC.NNNN`), shaped for onboarding: display names, kind (desa/kelurahan) and URL slugs.
 * Used by the onboarding CLI, not at request time (it reads the whole national CSV).
 */
import { getDistricts, getRegencies, getVillages } from 'idn-area-data';

export type VillageKind = 'desa' | 'kelurahan';

export type OnboardKecamatan = { code: string; name: string; slug: string };

export type OnboardVillage = {
  /** e.g. `35.10.24.2008` */
  code: string;
  name: string;
  kecamatanCode: string;
  kecamatanName: string;
  regencyCode: string;
  kind: VillageKind;
  /** `<village>-<kecamatan>`, e.g. `tamansari-licin`; unique within the regency */
  slug: string;
};

export type RegencyVillages = {
  regency: { code: string; name: string };
  kecamatan: OnboardKecamatan[];
  villages: OnboardVillage[];
};

/** All kecamatan and villages of a regency (`35.10` = Kabupaten Banyuwangi), sorted by code. */
export async function regencyVillages(regencyCode: string): Promise<RegencyVillages> {
  if (!/^\d{2}\.\d{2}$/.test(regencyCode)) {
    throw new Error(
      `regency code must look like "35.10" (province.regency), got ${JSON.stringify(regencyCode)}`,
    );
  }
  const regency = (await getRegencies()).find((r) => r.code === regencyCode);
  if (!regency) throw new Error(`unknown regency code ${regencyCode}: not in idn-area-data`);

  const districts = (await getDistricts())
    .filter((d) => d.regency_code === regencyCode)
    .sort((a, b) => a.code.localeCompare(b.code));
  const kecamatan = districts.map((d) => ({
    code: d.code,
    name: displayName(d.name),
    slug: slugify(d.name),
  }));
  const byCode = new Map(kecamatan.map((k) => [k.code, k]));

  const slugs = new Set<string>();
  const villages = (await getVillages())
    .filter((v) => byCode.has(v.district_code))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((v): OnboardVillage => {
      const kec = byCode.get(v.district_code) as OnboardKecamatan;
      let slug = `${slugify(v.name)}-${kec.slug}`;
      // Two villages of the same name in one kecamatan, or a path the site origin uses for something
      // else: disambiguate with the village number.
      if (slugs.has(slug) || RESERVED_SLUGS.has(slug)) slug = `${slug}-${v.code.slice(-4)}`;
      slugs.add(slug);
      return {
        code: v.code,
        name: displayName(v.name),
        kecamatanCode: kec.code,
        kecamatanName: kec.name,
        regencyCode,
        kind: villageKind(v.code),
        slug,
      };
    });

  return { regency: { code: regency.code, name: displayName(regency.name) }, kecamatan, villages };
}

/**
 * The fourth code segment tells the kind: `1xxx` kelurahan (urban, led by a lurah), `2xxx` desa;
 * `3xxx` (desa adat, Papua) is a desa too.
 */
export function villageKind(code: string): VillageKind {
  const segment = code.split('.')[3] ?? '';
  if (!/^\d{4}$/.test(segment)) throw new Error(`not a village code: ${JSON.stringify(code)}`);
  return segment.startsWith('1') ? 'kelurahan' : 'desa';
}

const ROMAN_RE = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV)$/;

/**
 * Title Case for area names. Names written all in upper or all in lower case are re-cased word by
 * word (Roman numerals such as `II` stay upper case; a lone short all-caps word such as `MKCM` is kept as
 * an acronym). Mixed-case names keep their spelling and only get a capital initial on each word
 * (`Mesjid baro` → `Mesjid Baro`, `Sitio-tio` and `Ba'u` untouched).
 */
export function displayName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  const letters = name.replace(/[^\p{L}]/gu, '');
  const allUpper = letters !== '' && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  if (allUpper && /^\p{Lu}{1,4}$/u.test(name)) return name;
  let words = name.split(' ');
  if (allUpper) words = words.map((w) => (ROMAN_RE.test(w) ? w : w.toLowerCase()));
  return words.map((w) => w.replace(/\p{L}/u, (c) => c.toUpperCase())).join(' ');
}

/**
 * First path segments of the regency's site origin that are not villages: the workspace app
 * (`/kerja/`), the regency portal's pages and assets, the photos. A village slug is never one of them.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'kerja',
  'en',
  'cari',
  'photos',
  '_astro',
  '_s3',
  '404',
]);

/** `Tamansari` → `tamansari`, `Lubuk Pakam I,II` → `lubuk-pakam-i-ii`, `Soka"an` → `soka-an`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
