/**
 * The table's partitions by what they hold, as IAM `dynamodb:LeadingKeys` patterns (StringLike: `*`
 * any run of characters, `?` one): what a public route (`partitions` in functions/routes/) and the
 * site build may read, instead of the whole table. A Query of an index is matched against the index's
 * partition key, so each pattern names the table or index it applies to (one IAM statement each).
 *
 * Codes are pinned to the regency's own and to their fixed Kemendagri lengths (`35.10.??.????` is a
 * village of 35.10), which also keeps the patterns off partitions that merely begin like them: a
 * replay record's `$smartkampung#scope_<village>#key_…` is not a catalogue's `$smartkampung#scope_<village>`.
 * Keys are built by functions/lib/keys.ts, the stored format itself.
 */
import { partitionKey } from '../functions/lib/keys';
import type { Partition } from '../functions/routes';
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
    // the regency, its kecamatan and villages (Regency, Kecamatan, Village: public)
    places: {
      resource: 'table',
      keys: [regencyCode, kecamatan, village].map((code) => partitionKey(['code'], { code })),
    },
    // the regency's kecamatan and villages, and its villages' site states (gsi1)
    placesByRegency: { resource: 'gsi1', keys: [partitionKey(['regencyCode'], { regencyCode })] },
    // the regency's default service catalogue and each village's overrides
    catalogue: {
      resource: 'table',
      keys: [regencyCode, village].map((scope) => partitionKey(['scope'], { scope })),
    },
    // a village's news, news slugs, APBDes and site state
    villageContent: { resource: 'table', keys: [partitionKey(['villageCode'], { villageCode: village })] },
    // a village's published products (gsi3; its other partitions are requests by status)
    publicProducts: {
      resource: 'gsi3',
      keys: [partitionKey(['villageCode', 'visibility'], { villageCode: village, visibility: 'public' })],
    },
    // a village's requests and sellers (gsi2), which project only their public attributes
    // (infra/table-design.ts): status, service, dates — never the applicant, fields or history
    requestsByVillage: {
      resource: 'gsi2',
      keys: [partitionKey(['villageCode'], { villageCode: village })],
    },
    // the regency-wide product search entries
    search: {
      resource: 'table',
      keys: [partitionKey(['regencyCode', 'scope'], { regencyCode, scope: '*' })],
    },
    // an item by id: a request, a product or a seller (one key format: LeadingKeys cannot tell them apart)
    byId: { resource: 'table', keys: [partitionKey(['id'], { id: '*' })] },
    // a tracking code's claim (it names its request)
    trackingCodes: { resource: 'table', keys: [partitionKey(['trackingCode'], { trackingCode: '*' })] },
  };
}

/** The rate-limit counters' partitions (functions/lib/rate-limit.ts): what a counting reader may update. */
export const counterPartitions = (): string[] => [partitionKey(['name'], { name: 'rate#*' })];

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
