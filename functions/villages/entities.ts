/**
 * The regency's places and each village's public content. A village's partition
 * (`village#<code>`) holds the village and what its site publishes (news, slug claims, APBDes): all
 * public, one LeadingKeys pattern (infra/partitions.ts `places`).
 */
import { Entity, type FormattedItem } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { localized, localizedIdFirst, officeHours } from '../lib/attributes';
import { type AccessPattern, indexKeys, inTable, primaryKey } from '../lib/table';

/** The access patterns of this module's entities. */
export const kecamatanByRegency = {
  index: 'gsi1',
  pk: 'regency#{regencyCode}',
  sk: 'kecamatan#{code}',
} as const satisfies AccessPattern;
export const villageByRegency = {
  index: 'gsi1',
  pk: 'regency#{regencyCode}',
  sk: 'village#{kecamatanCode}#{code}',
} as const satisfies AccessPattern;
export const villageBySlug = {
  index: 'gsi2',
  pk: 'slug#{slug}',
  sk: 'village',
} as const satisfies AccessPattern;
export const newsOfVillage = {
  pk: 'village#{villageCode}',
  sk: 'news#{date}#{slug}',
} as const satisfies AccessPattern;
export const apbdesOfVillage = {
  pk: 'village#{villageCode}',
  sk: 'apbdes#{year}',
} as const satisfies AccessPattern;
/** The primary keys (a village's content shares its partition: newsOfVillage, apbdesOfVillage). */
export const regencyKey = { pk: 'regency#{code}', sk: 'regency' } as const satisfies AccessPattern;
export const kecamatanKey = { pk: 'kecamatan#{code}', sk: 'kecamatan' } as const satisfies AccessPattern;
export const villageKey = { pk: 'village#{code}', sk: 'village' } as const satisfies AccessPattern;
export const newsSlugKey = {
  pk: 'village#{villageCode}',
  sk: 'slug#{slug}',
} as const satisfies AccessPattern;

/** pk `regency#35.10`, sk `regency` */
export const Regency = /* @__PURE__ */ (() =>
  new Entity({
    name: 'regency',
    ...inTable,
    schema: item({
      code: string().key(),
      name: string(),
      provinceCode: string().optional(),
      holidays: list(string()).putDefault(() => []),
      officeHours: officeHours().optional(),
      updatedAt: string().optional(),
      ...primaryKey(regencyKey),
    }),
  }))();

/** pk `kecamatan#35.10.24`, sk `kecamatan`; gsi1 `regency#35.10` / `kecamatan#35.10.24` */
export const Kecamatan = /* @__PURE__ */ (() => {
  const byRegency = indexKeys(kecamatanByRegency, ['code']);
  return new Entity({
    name: 'kecamatan',
    ...inTable,
    schema: item({
      code: string().key(),
      name: string(),
      slug: string(),
      regencyCode: string(),
      /** the camat: the signer of the kecamatan's letters (requests/letter-pdf.ts) */
      camat: map({ name: string(), nip: string().optional() }).optional(),
      ...primaryKey(kecamatanKey),
      gsi1pk: byRegency.pk,
      gsi1sk: byRegency.sk,
    }),
  });
})();

/** What a village officer publishes about the village (./schemas.ts ProfileBody), each part optional. */
const profile = () =>
  map({
    about: localizedIdFirst().optional(),
    head: map({ name: string(), title: localized().optional(), nip: string().optional() }).optional(),
    officials: list(map({ name: string(), position: localized() })).optional(),
    contact: map({
      address: string().optional(),
      phone: string().optional(),
      email: string().optional(),
      whatsapp: string().optional(),
    }).optional(),
    location: map({ lat: number(), lng: number() }).optional(),
    facilities: list(string()).optional(),
    population: number().optional(),
    areaKm2: number().optional(),
  });

/**
 * pk `village#35.10.24.2008`, sk `village`; gsi1 `regency#35.10` / `village#35.10.24#35.10.24.2008`,
 * gsi2 `slug#tamansari-licin` / `village`
 */
export const Village = /* @__PURE__ */ (() => {
  const byRegency = indexKeys(villageByRegency, ['code']);
  const bySlug = indexKeys(villageBySlug, ['code']);
  return new Entity({
    name: 'village',
    ...inTable,
    schema: item({
      code: string().key(),
      name: string(),
      slug: string(),
      kind: string().enum('desa', 'kelurahan'),
      kecamatanCode: string(),
      kecamatanName: string(),
      regencyCode: string(),
      regencyName: string(),
      officeHours: officeHours().optional(),
      profile: profile().optional(),
      createdAt: string().optional(),
      updatedAt: string().optional(),
      ...primaryKey(villageKey),
      gsi1pk: byRegency.pk,
      gsi1sk: byRegency.sk,
      gsi2pk: bySlug.pk,
      gsi2sk: bySlug.sk,
    }),
  });
})();

/** pk `village#35.10.24.2008`, sk `news#2026-01-15#panen-raya` */
export const NewsArticle = /* @__PURE__ */ (() =>
  new Entity({
    name: 'news',
    ...inTable,
    schema: item({
      villageCode: string().key(),
      slug: string().key(),
      date: string().key(),
      title: localizedIdFirst(),
      summary: localizedIdFirst(),
      body: map({ id: list(string()), en: list(string()).optional() }),
      updatedAt: string(),
      ...primaryKey(newsOfVillage),
    }),
  }))();

/**
 * pk `village#35.10.24.2008`, sk `slug#panen-raya`: the one claim on a news slug within a village (the
 * article's URL is /<village>/berita/<slug>/, while articles are keyed by date + slug), written in the
 * same transaction as the article, on condition that the slug is free or already the same article's.
 */
export const NewsSlug = /* @__PURE__ */ (() =>
  new Entity({
    name: 'newsslug',
    ...inTable,
    schema: item({
      villageCode: string().key(),
      slug: string().key(),
      date: string(),
      ...primaryKey(newsSlugKey),
    }),
  }))();

/** pk `village#35.10.24.2008`, sk `apbdes#2026`: a year's budget against its realisation, by sector */
export const Apbdes = /* @__PURE__ */ (() =>
  new Entity({
    name: 'apbdes',
    ...inTable,
    schema: item({
      villageCode: string().key(),
      year: number().key(),
      income: number(),
      sectors: list(map({ code: string(), name: localized(), budget: number(), realisation: number() })),
      updatedAt: string(),
      ...primaryKey(apbdesOfVillage),
    }),
  }))();

export type RegencyItem = FormattedItem<typeof Regency>;
export type KecamatanItem = FormattedItem<typeof Kecamatan>;
export type VillageItem = FormattedItem<typeof Village>;
export type NewsItem = FormattedItem<typeof NewsArticle>;
export type ApbdesItem = FormattedItem<typeof Apbdes>;
