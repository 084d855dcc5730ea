/**
 * The table's partitions by what they hold, as IAM `dynamodb:LeadingKeys` patterns (StringLike: `*`
 * any run of characters, `?` one): what a public route (`partitions` in functions/routes.ts) and the
 * site build may read, instead of the whole table. A Query of an index is matched against the index's
 * partition key, so each pattern names the table or index it applies to (one IAM statement each).
 *
 * Every kind of partition has its own leading word (`request#`, `product#`, `village#…#requests`:
 * functions/lib/table.ts), so a pattern reaches one kind only; codes are pinned to the regency's own
 * and to their fixed Kemendagri lengths (`35.10.??.????` is a village of 35.10), so `village#<code>`
 * (public) never matches `village#<code>#requests` (a queue). Keys are built by the entities' own key
 * templates, the stored format itself.
 */

import { catalogueOfScope } from '../functions/catalogue/entities';
import { getParams, keyOf } from '../functions/lib/table';
import { Product, productByVillage, searchIndex } from '../functions/products/entities';
import { requestByVillage, ServiceRequest, TrackingCode } from '../functions/requests/entities';
import type { Partition } from '../functions/routes';
import { SiteState } from '../functions/sites/entities';
import { Kecamatan, Regency, Village, villageByRegency } from '../functions/villages/entities';
import type { GsiName } from './table-design';

/** The table itself or one of its indexes. */
export type TableResource = 'table' | GsiName;

export interface PartitionPattern {
  resource: TableResource;
  /** LeadingKeys values (StringLike) */
  keys: string[];
}

export function partitionPatterns(regencyCode: string): Record<Partition, PartitionPattern> {
  const kecamatan = `${regencyCode}.??`;
  const village = `${regencyCode}.??.????`;
  return {
    // the regency, its kecamatan and villages, each village with its news, news slugs and APBDes (all public)
    places: {
      resource: 'table',
      keys: [
        getParams(Regency, { code: regencyCode }).Key.pk,
        getParams(Kecamatan, { code: kecamatan }).Key.pk,
        getParams(Village, { code: village }).Key.pk,
      ],
    },
    // the regency's kecamatan and villages, and its villages' site states (gsi1)
    placesByRegency: { resource: 'gsi1', keys: [keyOf(villageByRegency.pk, { regencyCode })] },
    // the regency's default service catalogue and each village's overrides
    catalogue: {
      resource: 'table',
      keys: [regencyCode, village].map((scope) => keyOf(catalogueOfScope.pk, { scope })),
    },
    // each village's site signal
    siteStates: { resource: 'table', keys: [getParams(SiteState, { villageCode: village }).Key.pk] },
    // a village's published products (gsi3; its other partitions are products not public, and requests)
    publicProducts: {
      resource: 'gsi3',
      keys: [keyOf(productByVillage.pk, { villageCode: village, visibility: 'public' })],
    },
    // a village's requests (gsi2), which project only their public attributes (infra/table-design.ts):
    // status, service, dates — never the applicant, fields or history
    requestsByVillage: { resource: 'gsi2', keys: [keyOf(requestByVillage.pk, { villageCode: village })] },
    // the regency-wide product search entries
    search: { resource: 'table', keys: [keyOf(searchIndex.pk, { regencyCode, scope: '*' })] },
    // a request by id (tracking, Open311); never its documents, its replay record or another entity
    requests: { resource: 'table', keys: [getParams(ServiceRequest, { id: '*' }).Key.pk] },
    // a product by id; never a request or a seller
    products: { resource: 'table', keys: [getParams(Product, { id: '*' }).Key.pk] },
    // a tracking code's claim (it names its request)
    trackingCodes: { resource: 'table', keys: [getParams(TrackingCode, { trackingCode: '*' }).Key.pk] },
  };
}

/** The patterns of some partitions, grouped by table resource (one IAM statement each). */
export function leadingKeysByResource(
  regencyCode: string,
  partitions: readonly Partition[],
): Map<TableResource, string[]> {
  const patterns = partitionPatterns(regencyCode);
  const byResource = new Map<TableResource, string[]>();
  for (const name of [...new Set(partitions)].sort()) {
    const { resource, keys } = patterns[name];
    byResource.set(resource, [...new Set([...(byResource.get(resource) ?? []), ...keys])]);
  }
  return byResource;
}
