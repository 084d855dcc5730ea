/**
 * The table's partitions by what they hold, as IAM `dynamodb:LeadingKeys` patterns (StringLike: `*`
 * any run of characters, `?` one): what a public route (`partitions` in functions/routes/) and the
 * site build may read, instead of the whole table. A Query of an index is matched against the index's
 * partition key, so each pattern names the table or index it applies to (one IAM statement each).
 *
 * Every kind of partition has its own leading word (`request#`, `product#`, `village#…#requests`:
 * functions/lib/table.ts), so a pattern reaches one kind only; codes are pinned to the regency's own
 * and to their fixed Kemendagri lengths (`35.10.??.????` is a village of 35.10), so `village#<code>`
 * (public) never matches `village#<code>#requests` (a queue). Keys are filled by the key format of
 * functions/lib/key-templates.ts, from templates type-checked against the entities' own.
 */
import type { catalogueOfScope } from '../functions/catalogue/entities';
import type { counterKey } from '../functions/lib/counter';
import { keyOf } from '../functions/lib/key-templates';
import type { productByVillage, productKey, searchIndex } from '../functions/products/entities';
import type { siteStateKey } from '../functions/publish/entities';
import type {
  letterKey,
  requestByVillage,
  requestKey,
  trackingCodeKey,
} from '../functions/requests/entities';
import type { Partition } from '../functions/routes';
import type { kecamatanKey, regencyKey, villageByRegency, villageKey } from '../functions/villages/entities';
import type { GsiName } from './table-design';

/**
 * The entities' partition key templates. Written out, because infra must not load the entities (they
 * bring the DynamoDB client and its configuration with them), and typed by theirs: a template that
 * drifts from its entity's fails the type check.
 */
const KEYS = {
  regency: 'regency#{code}' satisfies (typeof regencyKey)['pk'],
  kecamatan: 'kecamatan#{code}' satisfies (typeof kecamatanKey)['pk'],
  village: 'village#{code}' satisfies (typeof villageKey)['pk'],
  placesByRegency: 'regency#{regencyCode}' satisfies (typeof villageByRegency)['pk'],
  catalogue: 'catalogue#{scope}' satisfies (typeof catalogueOfScope)['pk'],
  siteState: 'site#{villageCode}' satisfies (typeof siteStateKey)['pk'],
  publicProducts: 'village#{villageCode}#products#{visibility}' satisfies (typeof productByVillage)['pk'],
  requestsByVillage: 'village#{villageCode}#requests' satisfies (typeof requestByVillage)['pk'],
  search: 'search#{regencyCode}#{scope}' satisfies (typeof searchIndex)['pk'],
  request: 'request#{id}' satisfies (typeof requestKey)['pk'],
  product: 'product#{id}' satisfies (typeof productKey)['pk'],
  trackingCode: 'tracking#{trackingCode}' satisfies (typeof trackingCodeKey)['pk'],
  letter: 'letter#{token}' satisfies (typeof letterKey)['pk'],
  counter: 'counter#{name}' satisfies (typeof counterKey)['pk'],
};

/** The partitions a site build may update: every village's site signal, `site#<village>`, nothing else. */
export const SITE_STATE_PARTITIONS = keyOf(KEYS.siteState, { villageCode: '*' });

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
        keyOf(KEYS.regency, { code: regencyCode }),
        keyOf(KEYS.kecamatan, { code: kecamatan }),
        keyOf(KEYS.village, { code: village }),
      ],
    },
    // the regency's kecamatan and villages, and its villages' site states (gsi1)
    placesByRegency: { resource: 'gsi1', keys: [keyOf(KEYS.placesByRegency, { regencyCode })] },
    // the regency's default service catalogue and each village's overrides
    catalogue: {
      resource: 'table',
      keys: [regencyCode, village].map((scope) => keyOf(KEYS.catalogue, { scope })),
    },
    // each village's site signal
    siteStates: { resource: 'table', keys: [keyOf(KEYS.siteState, { villageCode: village })] },
    // a village's published products (gsi3; its other partitions are products not public, and requests)
    publicProducts: {
      resource: 'gsi3',
      keys: [keyOf(KEYS.publicProducts, { villageCode: village, visibility: 'public' })],
    },
    // a village's requests (gsi2), which project only their public attributes (infra/table-design.ts):
    // status, service, dates — never the applicant, fields or history
    requestsByVillage: { resource: 'gsi2', keys: [keyOf(KEYS.requestsByVillage, { villageCode: village })] },
    // the regency-wide product search entries
    search: { resource: 'table', keys: [keyOf(KEYS.search, { regencyCode, scope: '*' })] },
    // a request by id (tracking, Open311); never its documents, its replay record or another entity
    requests: { resource: 'table', keys: [keyOf(KEYS.request, { id: '*' })] },
    // a product by id; never a request or a seller
    products: { resource: 'table', keys: [keyOf(KEYS.product, { id: '*' })] },
    // a tracking code's claim (it names its request)
    trackingCodes: { resource: 'table', keys: [keyOf(KEYS.trackingCode, { trackingCode: '*' })] },
    // an issued letter by its verification token (its masked holder, number, status; no NIK)
    letters: { resource: 'table', keys: [keyOf(KEYS.letter, { token: '*' })] },
  };
}

/** The rate-limit counters' partitions (functions/lib/rate-limit.ts): what a counting reader may update. */
export const counterPartitions = (): string[] => [keyOf(KEYS.counter, { name: 'rate#*' })];

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
