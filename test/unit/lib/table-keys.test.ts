import type { Entity, InputItem, KeyInputItem } from 'dynamodb-toolbox/entity';
import { EntityFormatter } from 'dynamodb-toolbox/entity/actions/format';
import { GetItemCommand } from 'dynamodb-toolbox/entity/actions/get';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { describe, expect, it } from 'vitest';
import { accountsByRegency } from '../../../functions/accounts/entities';
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
import { siteStateByState } from '../../../functions/publish/entities';
import {
  documentsOfRequest,
  requestByKecamatanStatus,
  requestByVillage,
  requestByVillageStatus,
} from '../../../functions/requests/entities';
import { sellerByVillage } from '../../../functions/sellers/entities';
import {
  apbdesOfVillage,
  kecamatanByRegency,
  newsOfVillage,
  villageByRegency,
  villageBySlug,
} from '../../../functions/villages/entities';
import { entities } from '../../support/entities';
import { samples, V } from '../../support/entity-samples';

/**
 * Our key design (docs/decisions/0026-native-toolbox-keys.md, CONTRIBUTING.md "The table"): for every
 * entity, the primary and index keys toolbox writes for a full sample item; for every access pattern,
 * the key condition of its Query, and that the sample is inside it (samples: test/support/entity-samples.ts).
 */
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

/** Each access pattern: the entity it reads, a query's values, its key condition (a sample lies inside it). */
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
  ['accountsByRegency', accountsByRegency, 'Account', { regencyCode: '35.10' }, 'accounts#35.10', 'account#'],
  [
    'accountsByRegency (a village)',
    accountsByRegency,
    'Account',
    { regencyCode: '35.10', kecamatanCode: '35.10.24', listVillage: V },
    'accounts#35.10',
    `account#35.10.24#${V}#`,
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

  it('an update recomputes an index key only when it changes one of its attributes, then needs them all', () => {
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
