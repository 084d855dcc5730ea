import type { Entity, InputItem, KeyInputItem } from 'dynamodb-toolbox/entity';
import { EntityFormatter } from 'dynamodb-toolbox/entity/actions/format';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { describe, expect, it } from 'vitest';
import { catalogueOfScope } from '../../../functions/catalogue/entities';
import {
  type AccessPattern,
  getParams,
  keyOf,
  keyPrefix,
  queryOf,
  unstored,
} from '../../../functions/lib/table';
import { productBySeller, productByVillage, searchIndex } from '../../../functions/products/entities';
import {
  documentsOfRequest,
  requestByKecamatanStatus,
  requestByVillage,
  requestByVillageStatus,
} from '../../../functions/requests/entities';
import { sellerByVillage } from '../../../functions/sellers/entities';
import { siteStateByState } from '../../../functions/sites/entities';
import {
  apbdesOfVillage,
  kecamatanByRegency,
  newsOfVillage,
  villageByRegency,
  villageBySlug,
} from '../../../functions/villages/entities';
import { entities } from '../../support/entities';

/**
 * Our key design (docs/decisions/0022-native-toolbox-keys.md, CONTRIBUTING.md "The table"): for every
 * entity, the primary and index keys toolbox writes for a full sample item; for every access pattern,
 * the key condition of its Query, and that the sample is inside it. Sample values carry upper case
 * on purpose (keys are lower-cased).
 */
const V = '35.10.24.2008';
const photo = {
  id: 'ph1',
  status: 'ready',
  declaredType: 'image/jpeg',
  declaredSize: 1000,
  width: 640,
  height: 480,
  variants: [{ width: 320, height: 240, key: 'photos/products/P1/ph1-320.webp' }],
  placeholder: 'data:image/webp;base64,AAAA',
  createdAt: '2026-01-05T01:00:00.000Z',
};
const localized = { id: 'Surat', en: 'Letter' };
const history = [
  { at: '2026-01-05T01:00:00.000Z', actor: 'citizen', role: 'citizen', from: null, to: 'submitted' },
];

type Sample = { item: Record<string, unknown>; keys: Record<string, string> };
const samples: Record<keyof typeof entities, Sample> = {
  Regency: {
    item: {
      code: '35.10',
      name: 'Kabupaten Banyuwangi',
      provinceCode: '35',
      holidays: ['2026-08-17'],
      officeHours: { timeZone: 'Asia/Jakarta', days: { mon: { open: '08:00', close: '16:00' }, sat: null } },
      updatedAt: '2026-01-05T01:00:00.000Z',
    },
    keys: { pk: 'regency#35.10', sk: 'regency' },
  },
  Kecamatan: {
    item: { code: '35.10.24', name: 'Licin', slug: 'licin', regencyCode: '35.10' },
    keys: {
      pk: 'kecamatan#35.10.24',
      sk: 'kecamatan',
      gsi1pk: 'regency#35.10',
      gsi1sk: 'kecamatan#35.10.24',
    },
  },
  Village: {
    item: {
      code: V,
      name: 'Tamansari',
      slug: 'Tamansari-Licin',
      kind: 'desa',
      kecamatanCode: '35.10.24',
      kecamatanName: 'Licin',
      regencyCode: '35.10',
      regencyName: 'Kabupaten Banyuwangi',
      profile: {
        about: { id: 'Desa wisata' },
        officials: [{ name: 'Bu Sekdes', position: localized }],
        location: { lat: -8.1, lng: 114.2 },
        facilities: ['free_wifi'],
      },
      createdAt: '2026-01-05T01:00:00.000Z',
    },
    keys: {
      pk: `village#${V}`,
      sk: 'village',
      gsi1pk: 'regency#35.10',
      gsi1sk: `village#35.10.24#${V}`,
      gsi2pk: 'slug#tamansari-licin',
      gsi2sk: 'village',
    },
  },
  NewsArticle: {
    item: {
      villageCode: V,
      slug: 'panen-raya',
      date: '2026-01-15',
      title: { id: 'Panen raya' },
      summary: { id: 'Ringkas', en: 'Short' },
      body: { id: ['Paragraf'], en: ['Paragraph'] },
      updatedAt: '2026-01-15T01:00:00.000Z',
    },
    keys: { pk: `village#${V}`, sk: 'news#2026-01-15#panen-raya' },
  },
  NewsSlug: {
    item: { villageCode: V, slug: 'panen-raya', date: '2026-01-15' },
    keys: { pk: `village#${V}`, sk: 'slug#panen-raya' },
  },
  Apbdes: {
    item: {
      villageCode: V,
      year: 2026,
      income: 1_000_000,
      sectors: [{ code: '1', name: localized, budget: 500, realisation: 250 }],
      updatedAt: '2026-01-05T01:00:00.000Z',
    },
    keys: { pk: `village#${V}`, sk: 'apbdes#2026' },
  },
  SiteState: {
    item: {
      villageCode: V,
      regencyCode: '35.10',
      state: 'dirty',
      reason: 'news',
      lastChangeAt: '2026-01-05',
    },
    keys: { pk: `site#${V}`, sk: 'site', gsi1pk: 'regency#35.10', gsi1sk: `site#dirty#${V}` },
  },
  CatalogueEntry: {
    item: {
      scope: V,
      code: 'sku',
      disabled: false,
      service: {
        code: 'sku',
        name: localized,
        requirements: [
          { code: 'ktp', name: localized, kind: 'document', accept: ['application/pdf'], required: true },
        ],
        fields: [{ code: 'nama_usaha', label: localized, datatype: 'string', required: true, order: 1 }],
        cost: 0,
      },
      updatedAt: '2026-01-05',
    },
    keys: { pk: `catalogue#${V}`, sk: 'service#sku' },
  },
  ServiceRequest: {
    item: {
      id: 'Req-ABC_123',
      trackingCode: 'ABCDE-FGHJK',
      secretHash: 'hash',
      villageCode: V,
      kecamatanCode: '35.10.24',
      regencyCode: '35.10',
      serviceCode: 'sku',
      serviceLevel: 'desa',
      serviceName: localized,
      duration: 'P1D',
      applicant: { name: 'Siti', nik: '3510245508900002', whatsapp: '081234567890' },
      fields: { nama_usaha: 'Kopi Ijen', jenis: ['kuliner', 'kopi'] },
      requiredDocuments: [{ code: 'ktp', name: localized, accept: ['application/pdf'], required: true }],
      status: 'submitted',
      version: 1,
      source: 'web',
      lang: 'id',
      createdAt: '2026-01-05T01:00:00.000Z',
      updatedAt: '2026-01-05T01:00:00.000Z',
      queueSort: '1#2026-01-05T01:00:00.000Z',
      history,
    },
    keys: {
      pk: 'request#req-abc_123',
      sk: 'request',
      gsi2pk: `village#${V}#requests`,
      gsi2sk: 'request#1#2026-01-05t01:00:00.000z#req-abc_123',
      gsi3pk: `village#${V}#requests#submitted`,
      gsi3sk: 'request#1#2026-01-05t01:00:00.000z#req-abc_123',
      gsi4pk: 'kecamatan#35.10.24#requests#submitted',
      gsi4sk: 'request#1#2026-01-05t01:00:00.000z#req-abc_123',
    },
  },
  RequestDocument: {
    item: {
      requestId: 'Req-ABC_123',
      documentId: 'ktp.XyZ',
      requirement: 'ktp',
      key: 'incoming/requests/Req-ABC_123/ktp.XyZ',
      declaredType: 'application/pdf',
      declaredSize: 1000,
      status: 'pending',
      createdAt: '2026-01-05T01:00:00.000Z',
    },
    keys: { pk: 'documents#req-abc_123', sk: 'document#ktp.xyz' },
  },
  TrackingCode: {
    item: { trackingCode: 'ABCDE-FGHJK', requestId: 'Req-ABC_123' },
    keys: { pk: 'tracking#abcde-fghjk', sk: 'tracking' },
  },
  Counter: {
    item: { name: `letter#${V}#2026`, value: 7 },
    keys: { pk: `counter#letter#${V}#2026`, sk: 'counter' },
  },
  Idempotency: {
    item: {
      scope: V,
      key: 'key:AbC',
      bodyHash: 'h',
      response: { v: 1, iv: 'i', tag: 't', data: 'd' },
      createdAt: '2026-01-05T01:00:00.000Z',
      expiresAt: 1_767_578_400,
    },
    keys: { pk: `idempotency#${V}#key:abc`, sk: 'idempotency' },
  },
  Seller: {
    item: {
      id: 'Sel-1',
      villageCode: V,
      kecamatanCode: '35.10.24',
      regencyCode: '35.10',
      businessName: 'Kopi Lereng Ijen',
      ownerName: 'Pak Budi',
      whatsapp: '+6281355599901',
      kind: 'umkm',
      description: 'Kopi',
      status: 'approved',
      version: 2,
      history,
      createdAt: '2026-01-05T01:00:00.000Z',
      updatedAt: '2026-01-05T01:00:00.000Z',
    },
    keys: {
      pk: 'seller#sel-1',
      sk: 'seller',
      gsi2pk: `village#${V}#sellers`,
      gsi2sk: 'seller#approved#sel-1',
    },
  },
  SellerAccount: {
    item: { whatsapp: '+6281355599901', sellerId: 'Sel-1' },
    keys: { pk: 'selleraccount#+6281355599901', sk: 'selleraccount' },
  },
  Product: {
    item: {
      id: 'Prod-1',
      sellerId: 'Sel-1',
      villageCode: V,
      kecamatanCode: '35.10.24',
      regencyCode: '35.10',
      slug: 'kopi-prod1',
      sellerName: 'Kopi Lereng Ijen',
      sellerKind: 'umkm',
      sellerWhatsapp: '+6281355599901',
      villageName: 'Tamansari',
      villageSlug: 'tamansari-licin',
      kecamatanName: 'Licin',
      name: 'Kopi',
      description: { id: 'Kopi robusta' },
      category: 'Kuliner',
      price: 50_000,
      unit: 'kg',
      availability: 'available',
      photos: [photo],
      photoRev: 1,
      status: 'published',
      visibility: 'public',
      indexedTerms: ['all|kopi'],
      version: 3,
      createdAt: '2026-01-05T01:00:00.000Z',
      updatedAt: '2026-01-05T01:00:00.000Z',
    },
    keys: {
      pk: 'product#prod-1',
      sk: 'product',
      gsi1pk: 'seller#sel-1#products',
      gsi1sk: 'product#prod-1',
      gsi3pk: `village#${V}#products#public`,
      gsi3sk: 'product#kuliner#prod-1',
    },
  },
  SearchEntry: {
    item: {
      regencyCode: '35.10',
      scope: 'all',
      term: 'kopi',
      productId: 'Prod-1',
      text: ' kopi robusta',
      name: 'Kopi',
      slug: 'kopi-prod1',
      category: 'kuliner',
      price: 50_000,
      unit: 'kg',
      availability: 'available',
      sellerName: 'Kopi Lereng Ijen',
      villageCode: V,
      villageName: 'Tamansari',
      villageSlug: 'tamansari-licin',
      kecamatanName: 'Licin',
      photo: { url: 'https://x/p.webp', width: 320, height: 240, placeholder: '' },
    },
    keys: { pk: 'search#35.10#all', sk: 'search#kopi#prod-1' },
  },
  LocalUser: {
    item: {
      username: 'Officer@Tamansari-Licin',
      passwordHash: 'h',
      groups: ['village-officer'],
      attributes: { 'custom:village': V },
    },
    keys: { pk: 'localuser#officer@tamansari-licin', sk: 'localuser' },
  },
};

const put = (entity: Entity, item: Record<string, unknown>) =>
  entity
    .build(PutItemCommand)
    .item(item as InputItem<Entity>)
    .params().Item as Record<string, unknown>;
const keysOf = (stored: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(stored).filter(([name]) => /^(pk|sk|gsi\dpk|gsi\dsk)$/.test(name)));

describe('every entity is stored with the keys of our design', () => {
  for (const [name, { item, keys }] of Object.entries(samples)) {
    const entity: Entity = entities[name as keyof typeof entities];
    it(`${name}: ${keys.pk} / ${keys.sk}`, () => {
      const stored = put(entity, item);
      expect(keysOf(stored)).toEqual(keys);
      // the item's own attributes, as given: nothing else is stored (no entity or ownership attribute)
      expect(Object.keys(stored).sort()).toEqual(
        [...new Set([...Object.keys(item), ...Object.keys(keys)])].sort(),
      );
    });

    it(`${name}: reads without the formatter give what the formatter gives`, () => {
      const stored = put(entity, item);
      expect(unstored(entity, stored)).toEqual(entity.build(EntityFormatter).format(stored));
      expect(unstored(entity, stored)).toEqual(item);
    });

    it(`${name}: GetItem params without toolbox's key parse are toolbox's params`, () => {
      const key = item as KeyInputItem<Entity>;
      for (const consistent of [false, true]) {
        const theirs = entity.build(GetItemCommand).key(key).options({ consistent }).params();
        expect(getParams(entity, key, { consistent })).toEqual(
          consistent ? theirs : { TableName: theirs.TableName, Key: theirs.Key },
        );
      }
      expect(getParams(entity, key).Key).toEqual({ pk: keys.pk, sk: keys.sk });
    });
  }

  it('covers every entity', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(entities).sort());
  });
});

/** Each access pattern, the entity it reads, the values of a query, its key condition, and a sample inside it. */
const patterns: [string, AccessPattern, keyof typeof entities, Record<string, unknown>, string, string][] = [
  [
    'kecamatanByRegency',
    kecamatanByRegency,
    'Kecamatan',
    { regencyCode: '35.10' },
    'regency#35.10',
    'kecamatan#',
  ],
  ['villageByRegency', villageByRegency, 'Village', { regencyCode: '35.10' }, 'regency#35.10', 'village#'],
  [
    'villageByRegency (a kecamatan)',
    villageByRegency,
    'Village',
    { regencyCode: '35.10', kecamatanCode: '35.10.24' },
    'regency#35.10',
    'village#35.10.24#',
  ],
  [
    'villageBySlug',
    villageBySlug,
    'Village',
    { slug: 'tamansari-licin' },
    'slug#tamansari-licin',
    '=village',
  ],
  ['newsOfVillage', newsOfVillage, 'NewsArticle', { villageCode: V }, `village#${V}`, 'news#'],
  ['apbdesOfVillage', apbdesOfVillage, 'Apbdes', { villageCode: V }, `village#${V}`, 'apbdes#'],
  [
    'siteStateByState',
    siteStateByState,
    'SiteState',
    { regencyCode: '35.10', state: 'dirty' },
    'regency#35.10',
    'site#dirty#',
  ],
  ['catalogueOfScope', catalogueOfScope, 'CatalogueEntry', { scope: V }, `catalogue#${V}`, 'service#'],
  [
    'requestByVillage',
    requestByVillage,
    'ServiceRequest',
    { villageCode: V },
    `village#${V}#requests`,
    'request#',
  ],
  [
    'requestByVillageStatus',
    requestByVillageStatus,
    'ServiceRequest',
    { villageCode: V, status: 'submitted' },
    `village#${V}#requests#submitted`,
    'request#',
  ],
  [
    'requestByKecamatanStatus',
    requestByKecamatanStatus,
    'ServiceRequest',
    { kecamatanCode: '35.10.24', status: 'submitted' },
    'kecamatan#35.10.24#requests#submitted',
    'request#',
  ],
  [
    'documentsOfRequest',
    documentsOfRequest,
    'RequestDocument',
    { requestId: 'Req-ABC_123' },
    'documents#req-abc_123',
    'document#',
  ],
  ['sellerByVillage', sellerByVillage, 'Seller', { villageCode: V }, `village#${V}#sellers`, 'seller#'],
  [
    'sellerByVillage (a status)',
    sellerByVillage,
    'Seller',
    { villageCode: V, status: 'approved' },
    `village#${V}#sellers`,
    'seller#approved#',
  ],
  ['productBySeller', productBySeller, 'Product', { sellerId: 'Sel-1' }, 'seller#sel-1#products', 'product#'],
  [
    'productByVillage (a category)',
    productByVillage,
    'Product',
    { villageCode: V, visibility: 'public', category: 'kuliner' },
    `village#${V}#products#public`,
    'product#kuliner#',
  ],
  [
    'searchIndex',
    searchIndex,
    'SearchEntry',
    { regencyCode: '35.10', scope: 'all', term: 'kopi' },
    'search#35.10#all',
    'search#kopi#',
  ],
];

describe('every access pattern queries its entity by key', () => {
  for (const [name, pattern, entityName, values, partition, range] of patterns) {
    it(`${name}: ${pattern.index ?? 'table'} ${partition} ${range}`, () => {
      const entity: Entity = entities[entityName];
      const params = queryOf(entity, pattern, values).params();
      const [pkName, skName] = pattern.index ? [`${pattern.index}pk`, `${pattern.index}sk`] : ['pk', 'sk'];
      expect(params.IndexName).toBe(pattern.index);
      const names = Object.values(params.ExpressionAttributeNames ?? {});
      const valuesOf = Object.values(params.ExpressionAttributeValues ?? {});
      expect(names).toEqual(expect.arrayContaining([pkName, skName]));
      expect(valuesOf[0]).toBe(partition);
      const equal = range.startsWith('=');
      expect(valuesOf[1]).toBe(equal ? range.slice(1) : range);
      expect(params.KeyConditionExpression).toContain(equal ? '=' : 'begins_with');
      // the sample is what the query finds
      const stored = put(entity, samples[entityName].item);
      expect(stored[pkName]).toBe(partition);
      expect(String(stored[skName]).startsWith(equal ? range.slice(1) : range)).toBe(true);
    });
  }
});

describe('the key format', () => {
  it('fills a template, lower-cased; a missing value throws', () => {
    expect(keyOf('village#{villageCode}#requests#{status}', { villageCode: V, status: 'In_Review' })).toBe(
      `village#${V}#requests#in_review`,
    );
    expect(() => keyOf('request#{id}', {})).toThrow(/id/);
    expect(() => keyOf('request#{id}', { id: '' })).toThrow(/id/);
  });

  it('a prefix stops at the first value not given, and may end in the beginning of that value', () => {
    expect(keyPrefix('request#{queueSort}#{id}', {})).toBe('request#');
    expect(keyPrefix('request#{queueSort}#{id}', {}, '2#')).toBe('request#2#');
    expect(keyPrefix('request#{queueSort}#{id}', { queueSort: '0#2026-01-05T01:00Z' })).toBe(
      'request#0#2026-01-05t01:00z#',
    );
    expect(keyPrefix('search#{term}#{productId}', {}, 'Kop')).toBe('search#kop');
    expect(keyPrefix('village', {})).toBe('village');
  });

  it('an update recomputes an index key only when it changes one of its attributes, and then needs them all', () => {
    const { ServiceRequest } = entities;
    const update = ServiceRequest.build(UpdateItemCommand)
      .item({ id: 'r1', status: 'in_review', queueSort: '0#2026', villageCode: V, kecamatanCode: '35.10.24' })
      .params();
    expect(Object.values(update.ExpressionAttributeValues ?? {})).toEqual(
      expect.arrayContaining([
        `village#${V}#requests#in_review`,
        'kecamatan#35.10.24#requests#in_review',
        'request#0#2026#r1',
      ]),
    );
    const plain = ServiceRequest.build(UpdateItemCommand).item({ id: 'r1', secretShownAt: 'x' }).params();
    expect(Object.values(plain.ExpressionAttributeNames ?? {}).filter((n) => /^gsi/.test(n))).toEqual([]);
    expect(() =>
      ServiceRequest.build(UpdateItemCommand).item({ id: 'r1', status: 'in_review' }).params(),
    ).toThrow(/queueSort/);
  });
});
