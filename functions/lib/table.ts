import { CustomAttributeType, Entity, type EntityItem, Service } from 'electrodb';
import { documentClient } from './aws';
import { config } from './config';

/**
 * The single table. Every entity of the platform lives here; stored attribute names stay generic
 * (pk/sk, gsi1pk/gsi1sk … gsi4pk/gsi4sk, expiresAt for TTL) so new access patterns reuse indexes.
 * The physical design (key schema, indexes, TTL) is `infra/table-design.ts`, shared by CDK and the
 * local runtime. Every access is a key lookup or a Query: nothing here, or anywhere, scans.
 */
const SERVICE = 'smartkampung';
const opts = () => ({ table: config.TABLE_NAME, client: documentClient });

/**
 * For the hot read paths: skip ElectroDB's wrapping of SDK errors (it builds a new error with a
 * stack trace on every call, the largest single cost in a profile of submit). Errors then arrive as
 * the SDK's own, which is what the error mapper logs by name anyway.
 */
export const FAST = { originalErr: true } as const;

export type Localized = { id: string; en: string };
export type OfficeHoursData = {
  timeZone: string;
  days: Record<string, { open: string; close: string } | null>;
};
export type HistoryEntry = {
  at: string;
  actor: string;
  role: string;
  from: string | null;
  to: string;
  reason?: string;
};
export type RequestDocumentRef = { code: string; name: Localized; accept: string[] };

export const Regency = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'regency', version: '1', service: SERVICE },
      attributes: {
        code: { type: 'string', required: true },
        name: { type: 'string', required: true },
        provinceCode: { type: 'string' },
        holidays: { type: 'list', items: { type: 'string' }, default: () => [] },
        officeHours: { type: CustomAttributeType<OfficeHoursData>('any') },
        updatedAt: { type: 'string' },
      },
      indexes: {
        primary: { pk: { field: 'pk', composite: ['code'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    opts(),
  ))();

export const Kecamatan = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'kecamatan', version: '1', service: SERVICE },
      attributes: {
        code: { type: 'string', required: true },
        name: { type: 'string', required: true },
        slug: { type: 'string', required: true },
        regencyCode: { type: 'string', required: true },
      },
      indexes: {
        primary: { pk: { field: 'pk', composite: ['code'] }, sk: { field: 'sk', composite: [] } },
        byRegency: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['regencyCode'] },
          sk: { field: 'gsi1sk', composite: ['code'] },
        },
      },
    },
    opts(),
  ))();

export const Village = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'village', version: '1', service: SERVICE },
      attributes: {
        code: { type: 'string', required: true },
        name: { type: 'string', required: true },
        slug: { type: 'string', required: true },
        kind: { type: ['desa', 'kelurahan'] as const, required: true },
        kecamatanCode: { type: 'string', required: true },
        kecamatanName: { type: 'string', required: true },
        regencyCode: { type: 'string', required: true },
        regencyName: { type: 'string', required: true },
        officeHours: { type: CustomAttributeType<OfficeHoursData>('any') },
        /** public profile, edited by the village (issue 4 extends it) */
        profile: { type: CustomAttributeType<Record<string, unknown>>('any') },
        createdAt: { type: 'string', readOnly: true },
        updatedAt: { type: 'string' },
      },
      indexes: {
        primary: { pk: { field: 'pk', composite: ['code'] }, sk: { field: 'sk', composite: [] } },
        byRegency: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['regencyCode'] },
          sk: { field: 'gsi1sk', composite: ['kecamatanCode', 'code'] },
        },
        bySlug: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['slug'] },
          sk: { field: 'gsi2sk', composite: [] },
        },
      },
    },
    opts(),
  ))();

/** One catalogue entry: the regency default (`scope` = regency code) or a village override (village code). */
export const CatalogueEntry = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'catalogue', version: '1', service: SERVICE },
      attributes: {
        scope: { type: 'string', required: true },
        code: { type: 'string', required: true },
        disabled: { type: 'boolean', default: false },
        /** the service definition (validated by ServiceSchema at the boundary) */
        service: { type: CustomAttributeType<Record<string, unknown>>('any'), required: true },
        updatedAt: { type: 'string' },
      },
      indexes: {
        primary: { pk: { field: 'pk', composite: ['scope'] }, sk: { field: 'sk', composite: ['code'] } },
      },
    },
    opts(),
  ))();

/**
 * A citizen's request. `queueSort` orders a village's queue: open requests first by due time (so the
 * overdue ones, due earliest, lead), requests still waiting for documents after them, closed ones last.
 */
export const ServiceRequest = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'request', version: '1', service: SERVICE },
      attributes: {
        id: { type: 'string', required: true },
        trackingCode: { type: 'string', required: true },
        secretHash: { type: 'string', required: true },
        villageCode: { type: 'string', required: true },
        kecamatanCode: { type: 'string', required: true },
        regencyCode: { type: 'string', required: true },
        serviceCode: { type: 'string', required: true },
        serviceLevel: { type: ['desa', 'kecamatan'] as const, required: true },
        serviceName: { type: CustomAttributeType<Localized>('any'), required: true },
        duration: { type: 'string', required: true },
        applicant: {
          type: 'map',
          required: true,
          properties: {
            name: { type: 'string', required: true },
            nik: { type: 'string', required: true },
            whatsapp: { type: 'string' },
          },
        },
        fields: {
          type: CustomAttributeType<Record<string, string | string[]>>('any'),
          required: true,
          default: () => ({}),
        },
        requiredDocuments: {
          type: CustomAttributeType<RequestDocumentRef[]>('any'),
          required: true,
          default: () => [],
        },
        status: {
          type: [
            'submitted',
            'in_review',
            'needs_revision',
            'resubmitted',
            'forwarded',
            'approved',
            'completed',
            'rejected',
          ] as const,
          required: true,
        },
        version: { type: 'number', required: true },
        source: { type: ['web', 'form', 'open311'] as const, required: true },
        lang: { type: ['id', 'en'] as const, default: 'id' },
        createdAt: { type: 'string', required: true },
        updatedAt: { type: 'string', required: true },
        /** when every required document was confirmed: the promise starts counting here */
        completeAt: { type: 'string' },
        dueAt: { type: 'string' },
        closedAt: { type: 'string' },
        queueSort: { type: 'string', required: true },
        letterNumber: { type: 'string' },
        history: { type: CustomAttributeType<HistoryEntry[]>('any'), required: true, default: () => [] },
      },
      indexes: {
        primary: { pk: { field: 'pk', composite: ['id'] }, sk: { field: 'sk', composite: [] } },
        byVillage: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['villageCode'] },
          sk: { field: 'gsi2sk', composite: ['queueSort', 'id'] },
        },
        byVillageStatus: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['villageCode', 'status'] },
          sk: { field: 'gsi3sk', composite: ['queueSort', 'id'] },
        },
        byKecamatanStatus: {
          index: 'gsi4',
          pk: { field: 'gsi4pk', composite: ['kecamatanCode', 'status'] },
          sk: { field: 'gsi4sk', composite: ['queueSort', 'id'] },
        },
      },
    },
    opts(),
  ))();

/** A document the citizen uploads for one requirement of a request. The bytes live in the uploads bucket. */
export const RequestDocument = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'document', version: '1', service: SERVICE },
      attributes: {
        requestId: { type: 'string', required: true },
        documentId: { type: 'string', required: true },
        requirement: { type: 'string', required: true },
        key: { type: 'string', required: true },
        declaredType: { type: 'string', required: true },
        declaredSize: { type: 'number', required: true },
        status: { type: ['pending', 'confirmed', 'replaced'] as const, required: true },
        detectedType: { type: 'string' },
        size: { type: 'number' },
        createdAt: { type: 'string', required: true },
        confirmedAt: { type: 'string' },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['requestId'] },
          sk: { field: 'sk', composite: ['documentId'] },
        },
      },
    },
    opts(),
  ))();

/** Replay record of a submission (Idempotency-Key, or a form fingerprint). Expires by TTL. */
export const Idempotency = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'idempotency', version: '1', service: SERVICE },
      attributes: {
        scope: { type: 'string', required: true },
        key: { type: 'string', required: true },
        bodyHash: { type: 'string', required: true },
        /** what the first call answered, replayed verbatim (holds the secret, so it expires within the hour) */
        response: { type: CustomAttributeType<Record<string, unknown>>('any'), required: true },
        createdAt: { type: 'string', required: true },
        /** epoch seconds; DynamoDB TTL deletes lazily, so readers also check it */
        expiresAt: { type: 'number', required: true },
      },
      indexes: {
        primary: { pk: { field: 'pk', composite: ['scope', 'key'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    opts(),
  ))();

/**
 * Claims a tracking code for one request. Written in the submit transaction with a
 * not-exists condition, so two requests can never share a code, and read with a consistent
 * GetItem, so a code works the instant its receipt is shown (an index would lag).
 */
export const TrackingCode = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'tracking', version: '1', service: SERVICE },
      attributes: {
        trackingCode: { type: 'string', required: true },
        requestId: { type: 'string', required: true },
      },
      indexes: {
        primary: { pk: { field: 'pk', composite: ['trackingCode'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    opts(),
  ))();

/** Atomic counters (letter numbers per village and year). */
export const Counter = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'counter', version: '1', service: SERVICE },
      attributes: {
        name: { type: 'string', required: true },
        value: { type: 'number', required: true, default: 0 },
        /** epoch seconds; set on rate-limit windows so they disappear by TTL */
        expiresAt: { type: 'number' },
      },
      indexes: {
        primary: { pk: { field: 'pk', composite: ['name'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    opts(),
  ))();

/** A UMKM/IKM seller of a village. Registers itself (pending); the village officer moderates it. */
export const Seller = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'seller', version: '1', service: SERVICE },
      attributes: {
        id: { type: 'string', required: true },
        villageCode: { type: 'string', required: true },
        kecamatanCode: { type: 'string', required: true },
        regencyCode: { type: 'string', required: true },
        businessName: { type: 'string', required: true },
        ownerName: { type: 'string', required: true },
        /** the business's WhatsApp (+62…), also the seller's sign-in username */
        whatsapp: { type: 'string', required: true },
        kind: { type: ['umkm', 'ikm'] as const, required: true },
        description: { type: 'string', required: true },
        location: { type: 'string' },
        status: { type: ['pending', 'approved', 'rejected', 'suspended'] as const, required: true },
        reason: { type: 'string' },
        version: { type: 'number', required: true },
        history: { type: CustomAttributeType<HistoryEntry[]>('any'), required: true, default: () => [] },
        createdAt: { type: 'string', required: true },
        updatedAt: { type: 'string', required: true },
      },
      indexes: {
        primary: { pk: { field: 'pk', composite: ['id'] }, sk: { field: 'sk', composite: [] } },
        byVillage: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['villageCode'] },
          sk: { field: 'gsi2sk', composite: ['status', 'id'] },
        },
      },
    },
    opts(),
  ))();

/** Claims a WhatsApp number for one seller (the sign-in username): written with the seller, not-exists. */
export const SellerAccount = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'selleraccount', version: '1', service: SERVICE },
      attributes: {
        whatsapp: { type: 'string', required: true },
        sellerId: { type: 'string', required: true },
      },
      indexes: {
        primary: { pk: { field: 'pk', composite: ['whatsapp'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    opts(),
  ))();

export type ProductPhotoData = {
  id: string;
  status: 'uploading' | 'processing' | 'ready' | 'failed';
  reason?: string;
  declaredType: string;
  declaredSize: number;
  width?: number;
  height?: number;
  /** keys in the photos bucket, ascending width */
  variants?: { width: number; height: number; key: string }[];
  placeholder?: string;
  createdAt: string;
};

/**
 * A product of a seller. `visibility` is derived — `public` exactly when the product is published
 * and its seller approved — and keys the public listing index, so a hidden product or a suspended
 * seller's products leave every public list by one write, never by a filter.
 */
export const Product = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'product', version: '1', service: SERVICE },
      attributes: {
        id: { type: 'string', required: true },
        sellerId: { type: 'string', required: true },
        villageCode: { type: 'string', required: true },
        kecamatanCode: { type: 'string', required: true },
        regencyCode: { type: 'string', required: true },
        slug: { type: 'string', required: true },
        /** denormalised at creation (village names do not change; a seller's are copied on edit) */
        sellerName: { type: 'string', required: true },
        sellerKind: { type: ['umkm', 'ikm'] as const, required: true },
        sellerWhatsapp: { type: 'string', required: true },
        villageName: { type: 'string', required: true },
        villageSlug: { type: 'string', required: true },
        kecamatanName: { type: 'string', required: true },
        name: { type: 'string', required: true },
        description: { type: CustomAttributeType<{ id: string; en?: string }>('any'), required: true },
        category: { type: 'string', required: true },
        price: { type: 'number', required: true },
        discountPrice: { type: 'number' },
        unit: { type: 'string', required: true },
        availability: { type: ['available', 'preorder', 'out_of_stock'] as const, required: true },
        photos: { type: CustomAttributeType<ProductPhotoData[]>('any'), required: true, default: () => [] },
        /** bumped by every photo change: photo writes are read-modify-write conditioned on it */
        photoRev: { type: 'number', required: true, default: 0 },
        status: { type: ['draft', 'published', 'hidden', 'taken_down'] as const, required: true },
        reason: { type: 'string' },
        visibility: { type: ['public', 'private'] as const, required: true },
        /** search terms currently written for this product (so a reindex deletes exactly those) */
        indexedTerms: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
        version: { type: 'number', required: true },
        createdAt: { type: 'string', required: true },
        updatedAt: { type: 'string', required: true },
        publishedAt: { type: 'string' },
      },
      indexes: {
        primary: { pk: { field: 'pk', composite: ['id'] }, sk: { field: 'sk', composite: [] } },
        bySeller: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['sellerId'] },
          sk: { field: 'gsi1sk', composite: ['id'] },
        },
        byVillage: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['villageCode', 'visibility'] },
          sk: { field: 'gsi3sk', composite: ['category', 'id'] },
        },
      },
    },
    opts(),
  ))();

export type SearchPhoto = { url: string; width: number; height: number; placeholder: string };

/**
 * The regency-wide product search index: one item per (scope, term, product), scope `all` or a
 * category. A query is one Query on `regency#scope` with `begins_with(term)` for the longest word
 * typed (prefix search: "kop" finds "kopi"), the other words filtered on the denormalised `text`.
 * Term `_all` lists every public product of a scope. Items carry what a result shows.
 */
export const SearchEntry = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'search', version: '1', service: SERVICE },
      attributes: {
        regencyCode: { type: 'string', required: true },
        scope: { type: 'string', required: true },
        term: { type: 'string', required: true },
        productId: { type: 'string', required: true },
        text: { type: 'string', required: true },
        name: { type: 'string', required: true },
        slug: { type: 'string', required: true },
        category: { type: 'string', required: true },
        price: { type: 'number', required: true },
        discountPrice: { type: 'number' },
        unit: { type: 'string', required: true },
        availability: { type: 'string', required: true },
        sellerName: { type: 'string', required: true },
        villageCode: { type: 'string', required: true },
        villageName: { type: 'string', required: true },
        villageSlug: { type: 'string', required: true },
        kecamatanName: { type: 'string', required: true },
        photo: { type: CustomAttributeType<SearchPhoto>('any') },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['regencyCode', 'scope'] },
          sk: { field: 'sk', composite: ['term', 'productId'] },
        },
      },
    },
    opts(),
  ))();

/**
 * The "site out of date" signal of one village, consumed by the site publisher. A change marks it
 * `dirty` (in the same transaction as the change itself) and moves `lastChangeAt`; the publisher
 * rebuilds villages that have been quiet for a moment and marks them `clean` only if nothing changed
 * meanwhile — so a burst of changes causes one rebuild, and no change is ever lost.
 */
export const SiteState = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'sitestate', version: '1', service: SERVICE },
      attributes: {
        villageCode: { type: 'string', required: true },
        regencyCode: { type: 'string', required: true },
        state: { type: ['dirty', 'clean'] as const, required: true },
        reason: { type: 'string' },
        lastChangeAt: { type: 'string', required: true },
        /** AWS: when the dispatcher last asked CodeBuild to publish it (one request per change) */
        dispatchedAt: { type: 'string' },
        publishedAt: { type: 'string' },
      },
      indexes: {
        primary: { pk: { field: 'pk', composite: ['villageCode'] }, sk: { field: 'sk', composite: [] } },
        byState: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['regencyCode'] },
          sk: { field: 'gsi1sk', composite: ['state', 'villageCode'] },
        },
      },
    },
    opts(),
  ))();

/** A village news article (public; shown on the village site and its RSS feed). */
export const NewsArticle = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'news', version: '1', service: SERVICE },
      attributes: {
        villageCode: { type: 'string', required: true },
        slug: { type: 'string', required: true },
        date: { type: 'string', required: true },
        title: { type: CustomAttributeType<{ id: string; en?: string }>('any'), required: true },
        summary: { type: CustomAttributeType<{ id: string; en?: string }>('any'), required: true },
        body: { type: CustomAttributeType<{ id: string[]; en?: string[] }>('any'), required: true },
        updatedAt: { type: 'string', required: true },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['villageCode'] },
          sk: { field: 'sk', composite: ['date', 'slug'] },
        },
      },
    },
    opts(),
  ))();

export type BudgetSector = { code: string; name: Localized; budget: number; realisation: number };

/** A village's APBDes summary for one year: budget vs realisation by sector (public by law). */
export const Apbdes = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'apbdes', version: '1', service: SERVICE },
      attributes: {
        villageCode: { type: 'string', required: true },
        year: { type: 'number', required: true },
        income: { type: 'number', required: true },
        sectors: { type: CustomAttributeType<BudgetSector[]>('any'), required: true },
        updatedAt: { type: 'string', required: true },
      },
      indexes: {
        primary: {
          pk: { field: 'pk', composite: ['villageCode'] },
          sk: { field: 'sk', composite: ['year'] },
        },
      },
    },
    opts(),
  ))();

/** The local identity store behind `POST /local/token` (on AWS this is Cognito). */
export const LocalUser = /* @__PURE__ */ (() =>
  new Entity(
    {
      model: { entity: 'localuser', version: '1', service: SERVICE },
      attributes: {
        username: { type: 'string', required: true },
        passwordHash: { type: 'string', required: true },
        groups: { type: 'list', items: { type: 'string' }, required: true },
        attributes: { type: CustomAttributeType<Record<string, string>>('any'), default: () => ({}) },
      },
      indexes: {
        primary: { pk: { field: 'pk', composite: ['username'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    opts(),
  ))();

/**
 * Every entity in one Service (seeds and scripts). Handlers build their transactions with `service()`
 * over just the entities they write, so a bundle carries (and constructs at cold start) only those.
 */
export const db = /* @__PURE__ */ (() =>
  new Service(
    {
      regency: Regency,
      kecamatan: Kecamatan,
      village: Village,
      catalogue: CatalogueEntry,
      request: ServiceRequest,
      tracking: TrackingCode,
      document: RequestDocument,
      idempotency: Idempotency,
      counter: Counter,
      localUser: LocalUser,
      seller: Seller,
      sellerAccount: SellerAccount,
      product: Product,
      search: SearchEntry,
      siteState: SiteState,
      news: NewsArticle,
      apbdes: Apbdes,
    },
    opts(),
  ))();

/** A Service over some entities (for transactions); call it at module level with a pure annotation. */
// biome-ignore lint/suspicious/noExplicitAny: ElectroDB's own Service signature takes entities of any schema
export function service<E extends Record<string, Entity<string, string, string, any>>>(entities: E) {
  return new Service(entities, opts());
}

export type RegencyItem = EntityItem<typeof Regency>;
export type KecamatanItem = EntityItem<typeof Kecamatan>;
export type VillageItem = EntityItem<typeof Village>;
export type RequestItem = EntityItem<typeof ServiceRequest>;
export type DocumentItem = EntityItem<typeof RequestDocument>;
export type SellerItem = EntityItem<typeof Seller>;
export type ProductItem = EntityItem<typeof Product>;
export type SearchItem = EntityItem<typeof SearchEntry>;
