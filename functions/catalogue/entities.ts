/**
 * The service catalogue: the regency's default services and each village's overrides, one item per
 * scope (a regency or village code) and service code. The service's shape is catalogue/defaults.ts
 * `ServiceSchema`; an override gives only the parts it replaces, so every part is optional here and
 * the catalogue is validated when it is merged (catalogue/store.ts).
 */
import { Entity, type FormattedItem } from 'dynamodb-toolbox/entity';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { localized } from '../lib/attributes';
import { type AccessPattern, inTable, primaryKey } from '../lib/table';

export const catalogueOfScope = {
  pk: 'catalogue#{scope}',
  sk: 'service#{code}',
} as const satisfies AccessPattern;

const requirement = () =>
  map({
    code: string(),
    name: localized(),
    kind: string().enum('document', 'field'),
    accept: list(string()).optional(),
    required: boolean(),
  });

const field = () =>
  map({
    code: string(),
    label: localized(),
    datatype: string().enum('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'),
    required: boolean(),
    order: number(),
    values: list(map({ key: string(), name: localized() })).optional(),
  });

/** A service, or the parts of one an override replaces. */
const service = () =>
  map({
    code: string().optional(),
    name: localized().optional(),
    level: string().enum('desa', 'kecamatan').optional(),
    requirements: list(requirement()).optional(),
    procedure: map({ id: list(string()), en: list(string()) }).optional(),
    duration: string().optional(),
    cost: number().optional(),
    product: localized().optional(),
    complaints: localized().optional(),
    fields: list(field()).optional(),
    letter: map({
      classification: string().optional(),
      title: string().optional(),
      opening: string().optional(),
      closing: string().optional(),
      validityMonths: number().optional(),
    }).optional(),
  });

/** pk `catalogue#35.10` (regency defaults) or `catalogue#35.10.24.2008` (a village's); sk `service#sku` */
export const CatalogueEntry = /* @__PURE__ */ (() =>
  new Entity({
    name: 'catalogue',
    ...inTable,
    schema: item({
      scope: string().key(),
      code: string().key(),
      disabled: boolean().putDefault(false),
      service: service(),
      updatedAt: string().optional(),
      ...primaryKey(catalogueOfScope),
    }),
  }))();

export type CatalogueItem = FormattedItem<typeof CatalogueEntry>;
