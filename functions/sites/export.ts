/**
 * The snapshot a village website is built from (see ./snapshot.ts), read through the domain layer
 * with key lookups and Queries only. Everything leaving here is validated against the snapshot
 * schema, which has no place for personal data: no applicant, NIK or request ever reaches a page.
 */
import { QueryCommand as QueryItemsCommand } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from 'dynamodb-toolbox/table/actions/query';
import { DEFAULT_OFFICE_HOURS } from '../calendar/due';
import { villageCatalogue } from '../catalogue/store';
import { documentClient } from '../lib/aws';
import { keyOf, keyPrefix, queryPage, table } from '../lib/table';
import { wellFormedDeep } from '../lib/unicode';
import { Product, type ProductItem, productByVillage } from '../products/entities';
import { readyPhoto, whatsappOrderUrl } from '../products/views';
import { STATUSES } from '../requests/domain/transitions';
import { requestByVillage, ServiceRequest } from '../requests/entities';
import { queueSort } from '../requests/store';
import {
  Apbdes,
  apbdesOfVillage,
  Kecamatan,
  kecamatanByRegency,
  NewsArticle,
  newsOfVillage,
  Village,
  type VillageItem,
  villageByRegency,
} from '../villages/entities';
import { getRegency, getVillage } from '../villages/store';
import {
  RegencySnapshot as RegencySchema,
  type RegencySnapshot,
  type SiteProduct,
  VillageSnapshot as VillageSchema,
  type VillageSnapshot,
} from './snapshot';

export interface ExportUrls {
  /** where the site's forms post (the API) */
  apiUrl: string;
  /** the regency site's origin (photos live under /photos/ there) */
  siteUrl: string;
}

const FACILITIES: Record<string, { id: string; en: string }> = {
  free_wifi: { id: 'Wi-Fi gratis', en: 'Free Wi-Fi' },
  reading_corner: { id: 'Pojok baca', en: 'Reading corner' },
  service_counter: { id: 'Loket layanan terpadu', en: 'One-stop service counter' },
  umkm_gallery: { id: 'Galeri produk UMKM', en: 'Local products gallery' },
  health_post: { id: 'Posyandu', en: 'Community health post' },
  computer_corner: { id: 'Pojok komputer', en: 'Computer corner' },
};

/** The stored profile over sensible defaults: a village that has written nothing still gets a page. */
function profileOf(v: VillageItem, regencyName: string) {
  const p = v.profile ?? {};
  const office = v.kind === 'desa' ? 'Desa' : 'Kelurahan';
  const head =
    v.kind === 'desa' ? { id: 'Kepala Desa', en: 'Village Head' } : { id: 'Lurah', en: 'Village Head' };
  return {
    about: p.about ?? {
      id: `${office} ${v.name} adalah salah satu ${v.kind === 'desa' ? 'desa' : 'kelurahan'} di Kecamatan ${v.kecamatanName}, ${regencyName}. Layanan administrasi ${v.kind === 'desa' ? 'desa' : 'kelurahan'} dapat diajukan secara daring melalui situs ini.`,
      en: `${v.name} is ${v.kind === 'desa' ? 'a village' : 'an urban village'} in ${v.kecamatanName} district, ${regencyName}. Its administrative services can be requested online on this site.`,
    },
    // an unnamed head is an empty name: the page leaves the row out rather than show a dash
    head: { name: p.head?.name?.trim() ?? '', title: p.head?.title ?? head },
    officials: p.officials ?? [],
    contact: {
      address:
        p.contact?.address ?? `Kantor ${office} ${v.name}, Kecamatan ${v.kecamatanName}, ${regencyName}`,
      ...(p.contact?.phone ? { phone: p.contact.phone } : {}),
      ...(p.contact?.email ? { email: p.contact.email } : {}),
      ...(p.contact?.whatsapp ? { whatsapp: p.contact.whatsapp } : {}),
    },
    ...(p.location ? { location: p.location } : {}),
    facilities: (p.facilities ?? ['service_counter']).flatMap((code) =>
      FACILITIES[code] ? [{ code, name: FACILITIES[code] }] : [],
    ),
    ...(p.population !== undefined ? { population: p.population } : {}),
    ...(p.areaKm2 !== undefined ? { areaKm2: p.areaKm2 } : {}),
  };
}

/** A public product as a page shows it (only products with a processed photo make it). */
export function siteProduct(p: ProductItem, siteUrl: string): SiteProduct | undefined {
  const photos = p.photos
    .filter((ph) => ph.status === 'ready' && ph.variants?.length)
    .map((ph) => ({ ...readyPhoto(ph, siteUrl), alt: p.name }));
  if (photos.length === 0) return undefined;
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: p.description,
    category: p.category as SiteProduct['category'],
    price: p.price,
    ...(p.discountPrice !== undefined ? { discountPrice: p.discountPrice } : {}),
    unit: p.unit,
    availability: p.availability,
    seller: { id: p.sellerId, businessName: p.sellerName, kind: p.sellerKind },
    whatsappUrl: whatsappOrderUrl(p, siteUrl),
    photos,
    updatedAt: p.updatedAt,
  };
}

const POPULARITY_DAYS = 90;
/** at most this many requests are read per queue band (newest first): a busy village's ranking is a sample */
export const POPULARITY_BAND_LIMIT = 1000;

/**
 * The services of the requests filed in a village since `since`, for "most used services", read by
 * key: no index sorts a village's requests by creation date, but the village queue's
 * (requestByVillage, sort key `queueSort`) is three bands ordered by a time never before the
 * request's creation — `0#<dueAt>` open with a promise, `1#<createdAt>` open awaiting documents,
 * `2#<closedAt>` closed (functions/requests/store.ts). So one range Query per band, from `<band>#since`,
 * reads only requests due, filed or closed in the window — not the village's whole history — and the
 * filter on `createdAt` drops those filed before it. Each band reads at most POPULARITY_BAND_LIMIT
 * items, newest first, projected to the service code (no personal data is read). The trade-off: a
 * village with more requests than that in a band in 90 days is ranked on its most recent ones.
 */
export async function recentRequestServices(
  villageCode: string,
  since: Date,
  limit = POPULARITY_BAND_LIMIT,
): Promise<string[]> {
  const spec = requestByVillage;
  const at = since.toISOString();
  // every band's lower bound, as the queue key of a request of each status at `since`
  const bands = new Set(
    STATUSES.flatMap((status) => [
      queueSort({ status, createdAt: at, dueAt: at, closedAt: at }),
      queueSort({ status, createdAt: at }),
    ]),
  );
  const queueKey = (queue: string) => keyPrefix(spec.sk, {}, queue);
  const pages = await Promise.all(
    [...bands].map(async (from) => {
      const band = from.slice(0, from.indexOf('#') + 1);
      const input = table
        .build(QueryCommand)
        .entities(ServiceRequest)
        .query({
          index: spec.index,
          partition: keyOf(spec.pk, { villageCode }),
          range: { between: [queueKey(from), queueKey(`${band}~`)] },
        })
        .options({
          reverse: true,
          attributes: ['serviceCode'],
          filters: { [ServiceRequest.entityName]: { attr: 'createdAt', gte: at } },
        })
        .params();
      const services: string[] = [];
      let read = 0;
      let next: Record<string, unknown> | undefined;
      do {
        // Limit counts the items read (matching the filter or not); a page also ends at 1 MB
        const page = await documentClient().send(
          new QueryItemsCommand({ ...input, Limit: limit - read, ExclusiveStartKey: next }),
        );
        read += page.ScannedCount ?? 0;
        for (const item of page.Items ?? []) services.push(String(item.serviceCode));
        next = page.LastEvaluatedKey;
      } while (next && read < limit);
      return services;
    }),
  );
  return pages.flat();
}

/** The province's official name (idn-area-data), by the first part of a regency code ("35.10" → Jawa Timur). */
let provinces: Promise<Map<string, string>> | undefined;
async function provinceName(regencyCode: string): Promise<string | undefined> {
  provinces ??= import('idn-area-data')
    .then(async ({ getProvinces }) => new Map((await getProvinces()).map((p) => [p.code, p.name])))
    .catch(() => new Map());
  return (await provinces).get(regencyCode.split('.')[0] ?? '');
}

export async function exportVillage(
  code: string,
  urls: ExportUrls,
  now = new Date(),
): Promise<VillageSnapshot> {
  const village = await getVillage(code);
  const [regency, services, products, news, budgets, requests] = await Promise.all([
    getRegency(village.regencyCode),
    villageCatalogue(village.code, village.regencyCode),
    queryPage(Product, productByVillage, { villageCode: village.code, visibility: 'public' }, { all: true }),
    queryPage(NewsArticle, newsOfVillage, { villageCode: village.code }, { all: true, reverse: true }),
    queryPage(Apbdes, apbdesOfVillage, { villageCode: village.code }, { reverse: true, limit: 1 }),
    // popularity: requests of the last 90 days by service, read by key (bounded; no personal data)
    recentRequestServices(village.code, new Date(now.getTime() - POPULARITY_DAYS * 86_400_000)),
  ]);
  const regencyName = regency?.name ?? village.regencyName;
  const province = await provinceName(village.regencyCode);
  const counts = new Map<string, number>();
  for (const code of requests) counts.set(code, (counts.get(code) ?? 0) + 1);
  const budget = budgets.items[0];
  const snapshot: VillageSnapshot = {
    generatedAt: now.toISOString(),
    apiUrl: urls.apiUrl,
    siteUrl: urls.siteUrl,
    regency: {
      code: village.regencyCode,
      name: regencyName,
      ...(province ? { province } : {}),
    },
    village: {
      code: village.code,
      slug: village.slug,
      name: village.name,
      kind: village.kind,
      kecamatan: { code: village.kecamatanCode, name: village.kecamatanName },
      // the hours the promised durations count (as requests/store.ts): village, else regency, else default
      officeHours: (village.officeHours ??
        regency?.officeHours ??
        DEFAULT_OFFICE_HOURS) as VillageSnapshot['village']['officeHours'],
      profile: profileOf(village, regencyName),
    },
    services: services.map((s) => ({
      code: s.code,
      name: s.name,
      level: s.level,
      requirements: s.requirements,
      procedure: s.procedure,
      duration: s.duration,
      cost: s.cost,
      product: s.product,
      complaints: s.complaints,
      fields: s.fields,
      popularity: counts.get(s.code) ?? 0,
    })),
    products: products.items.flatMap((p) => siteProduct(p, urls.siteUrl) ?? []),
    news: news.items.map((n) => ({
      slug: n.slug,
      title: n.title,
      date: n.date,
      summary: n.summary,
      body: n.body,
    })),
    apbdes: budget ? { year: budget.year, income: budget.income, sectors: budget.sectors } : null,
  };
  // through the contract: whatever it does not name (personal data included) is dropped, never passed on;
  // text stored before the Unicode rule (lib/unicode.ts) reaches the site with U+FFFD, never ill-formed
  return VillageSchema.parse(wellFormedDeep(snapshot));
}

export async function exportRegency(
  regencyCode: string,
  urls: ExportUrls,
  now = new Date(),
): Promise<RegencySnapshot> {
  const [regency, kecamatan, villages] = await Promise.all([
    getRegency(regencyCode),
    queryPage(Kecamatan, kecamatanByRegency, { regencyCode }, { all: true }),
    queryPage(Village, villageByRegency, { regencyCode }, { all: true }),
  ]);
  return RegencySchema.parse(
    wellFormedDeep({
      generatedAt: now.toISOString(),
      apiUrl: urls.apiUrl,
      siteUrl: urls.siteUrl,
      regency: { code: regencyCode, name: regency?.name ?? regencyCode },
      kecamatan: kecamatan.items
        .sort((a, b) => a.name.localeCompare(b.name, 'id'))
        .map((k) => ({
          code: k.code,
          name: k.name,
          villages: villages.items
            .filter((v) => v.kecamatanCode === k.code)
            .sort((a, b) => a.name.localeCompare(b.name, 'id'))
            .map((v) => ({ code: v.code, slug: v.slug, name: v.name, kind: v.kind })),
        })),
    }),
  );
}
