import { batchPut } from '../lib/batch';
import { config } from '../lib/config';
import { CatalogueEntry, indexes, queryPage } from '../lib/table';
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
