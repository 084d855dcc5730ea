import type { Entity, InputItem } from 'dynamodb-toolbox/entity';
import { BatchPutRequest } from 'dynamodb-toolbox/entity/actions/batchPut';
import { BatchWriteCommand, execute } from 'dynamodb-toolbox/table/actions/batchWrite';
import { config } from '../lib/config';
import { CatalogueEntry, indexes, queryPage, table } from '../lib/table';
import { mergeCatalogue, type Service, ServiceSchema } from './defaults';

/**
 * A village's catalogue = the regency default merged with the village's own overrides.
 * Two key Queries (one partition each); no scan.
 */
export async function villageCatalogue(
  villageCode: string,
  regencyCode = config.REGENCY_CODE,
): Promise<Service[]> {
  const [defaults, overrides] = await Promise.all([
    queryPage(CatalogueEntry, indexes.catalogue, { scope: regencyCode }, { all: true }),
    queryPage(CatalogueEntry, indexes.catalogue, { scope: villageCode }, { all: true }),
  ]);
  // the same stored entries give the same catalogue: validate and merge once per container and version
  const key = [...defaults.items, ...overrides.items]
    .map((e) => `${e.scope}/${e.code}@${e.updatedAt ?? ''}`)
    .join('|');
  const cached = merged.get(key);
  if (cached) return cached;
  const base = defaults.items.filter((e) => !e.disabled).map((e) => ServiceSchema.parse(e.service));
  const own = overrides.items.map((e) => ({
    ...(e.service as Partial<Service>),
    code: e.code,
    disabled: e.disabled,
  }));
  const catalogue = mergeCatalogue(base, own);
  if (merged.size > 500) merged.clear();
  merged.set(key, catalogue);
  return catalogue;
}

/** Catalogues by the identity of their stored entries (scope, code, updatedAt). Bounded. */
const merged = new Map<string, Service[]>();

export async function findService(villageCode: string, code: string): Promise<Service | undefined> {
  return (await villageCatalogue(villageCode)).find((s) => s.code === code);
}

/** Writes the regency default catalogue (idempotent: same codes overwrite). */
export async function putDefaults(regencyCode: string, services: Service[]): Promise<void> {
  const now = new Date().toISOString();
  await batchPut(
    CatalogueEntry,
    services.map((s) => ({
      scope: regencyCode,
      code: s.code,
      service: s as unknown as Record<string, unknown>,
      updatedAt: now,
    })),
  );
}

/**
 * Plain puts of many items (seeds and onboarding): BatchWriteItem in chunks of 25, one chunk after
 * another, as ElectroDB's `Entity.put([...])` did. Items DynamoDB leaves unprocessed (throttling) are
 * retried a few times; any still left fail the call rather than being dropped.
 */
export async function batchPut<E extends Entity>(entity: E, items: InputItem<E>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    const requests = items.slice(i, i + 25).map((item) => entity.build(BatchPutRequest).item(item));
    const { UnprocessedItems } = await execute(
      { maxAttempts: 5 },
      table.build(BatchWriteCommand).requests(...requests),
    );
    const left = Object.values(UnprocessedItems ?? {}).reduce((n, r) => n + (r?.length ?? 0), 0);
    if (left > 0) throw new Error(`${entity.entityName}: ${left} items left unprocessed by BatchWriteItem`);
  }
}
