/**
 * The single table's key design, shared by CDK (infra/stacks/data-stack.ts) and the local runtime
 * (infra/local/), which creates DynamoDB Local's table from this very object — so the indexes the
 * entities query exist in both places or in neither.
 *
 * Shaped like DynamoDB's CreateTable input minus `TableName`, plus the TTL attribute (TTL is a
 * separate UpdateTimeToLive call in the API). Attribute names stay generic (`pk`, `gsi1pk`, ...);
 * the entities (dynamodb-toolbox, each feature's entities.ts) decide what goes into them.
 */
import type { ProductItem } from '../functions/products/entities';
import type { RequestItem } from '../functions/requests/entities';
import type { VillageItem } from '../functions/villages/entities';

export const gsiNames = ['gsi1', 'gsi2', 'gsi3', 'gsi4'] as const;
export type GsiName = (typeof gsiNames)[number];

type KeyType = 'HASH' | 'RANGE';
interface KeySchemaElement {
  AttributeName: string;
  KeyType: KeyType;
}

/** ALL, or the key attributes plus these (INCLUDE) */
export type Projection =
  | { ProjectionType: 'ALL' }
  | { ProjectionType: 'INCLUDE'; NonKeyAttributes: string[] };

export interface TableDesign {
  KeySchema: KeySchemaElement[];
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
  GlobalSecondaryIndexes: {
    IndexName: GsiName;
    KeySchema: KeySchemaElement[];
    Projection: Projection;
  }[];
  BillingMode: 'PAY_PER_REQUEST';
  /** epoch seconds; DynamoDB deletes the item some time after it passes */
  ttlAttribute: string;
}

/**
 * What each index carries besides its keys and the table's (pk, sk). An index that a public route or
 * the site build queries carries no personal data of any entity written into it: INCLUDE exactly what
 * its readers use, never a request's applicant, fields, history or tracking code, nor a seller's owner
 * or WhatsApp number. Officers' reads of those indexes (the village queue, the sellers' list) take
 * the whole items from the table by key (functions/lib/hydrate.ts). Names are checked against the
 * entities (functions/<feature>/entities.ts) by the type below.
 *
 * - gsi1 (kecamatan and villages by regency, a seller's products, site states): ALL — no entity in it
 *   holds personal data, and public readers reach only the regency's partition (IAM LeadingKeys).
 * - gsi2 (a village by slug; a village's requests and sellers): what Open311's request list and the
 *   site's "most used services" show of a request, and the code of a village found by its slug.
 * - gsi3 (a village's public products; its requests by status): what a product list and a village
 *   site show of a product.
 * - gsi4 (a kecamatan's requests by status): ALL — read by the camat's queue and the overdue metric
 *   only, never by a public route.
 *
 * Changing a projection changes the index: CloudFormation cannot update one in place, only delete it
 * and create it again, one index per deployment — docs/deploy.md "Upgrading the indexes".
 */
/**
 * dynamodb-toolbox names its entity attribute in every projection it builds (a query with
 * `attributes`, e.g. the site's popularity count), and DynamoDB refuses a projection that names an
 * attribute an INCLUDE index does not carry. No item has it (entities are stored without it): free.
 */
const TOOLBOX_ENTITY_ATTRIBUTE = '_et';

export const indexProjections = {
  gsi1: { ProjectionType: 'ALL' },
  gsi2: {
    ProjectionType: 'INCLUDE',
    NonKeyAttributes: [
      // villageBySlug: the village's code (its item is then read by key)
      'code',
      // requestByVillage: Open311's public list (open311/views.ts requestView), the site's popularity
      'id',
      'villageCode',
      'serviceCode',
      'serviceName',
      'status',
      'createdAt',
      'updatedAt',
      'closedAt',
      'dueAt',
      // the list's cursor is the index key of its last item (open311/store.ts lastKey)
      'queueSort',
      TOOLBOX_ENTITY_ATTRIBUTE,
    ] satisfies IndexedAttribute[],
  },
  gsi3: {
    ProjectionType: 'INCLUDE',
    NonKeyAttributes: [
      // productByVillage: products/views.ts publicProduct, sites/export.ts siteProduct
      'id',
      'slug',
      'name',
      'description',
      'category',
      'price',
      'discountPrice',
      'unit',
      'availability',
      'status',
      'villageCode',
      'villageName',
      'villageSlug',
      'kecamatanName',
      'sellerId',
      'sellerName',
      'sellerKind',
      'sellerWhatsapp',
      'photos',
      'publishedAt',
      'updatedAt',
      TOOLBOX_ENTITY_ATTRIBUTE,
    ] satisfies IndexedAttribute[],
  },
  gsi4: { ProjectionType: 'ALL' },
} as const satisfies Record<GsiName, Projection>;

export const tableDesign: TableDesign = {
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
    ...gsiNames.flatMap((name) => [
      { AttributeName: `${name}pk`, AttributeType: 'S' as const },
      { AttributeName: `${name}sk`, AttributeType: 'S' as const },
    ]),
  ],
  GlobalSecondaryIndexes: gsiNames.map((name) => ({
    IndexName: name,
    KeySchema: [
      { AttributeName: `${name}pk`, KeyType: 'HASH' as const },
      { AttributeName: `${name}sk`, KeyType: 'RANGE' as const },
    ],
    Projection: projection(indexProjections[name]),
  })),
  BillingMode: 'PAY_PER_REQUEST',
  ttlAttribute: 'expiresAt',
};

/** An attribute of an entity written into gsi2 or gsi3 (a typo in a projection fails the type check). */
type IndexedAttribute =
  | keyof VillageItem
  | keyof RequestItem
  | keyof ProductItem
  | typeof TOOLBOX_ENTITY_ATTRIBUTE;

/** A mutable copy (CloudFormation's and DynamoDB's inputs take plain arrays). */
function projection(p: Projection): Projection {
  return p.ProjectionType === 'ALL'
    ? { ProjectionType: 'ALL' }
    : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...p.NonKeyAttributes] };
}
