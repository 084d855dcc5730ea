import { config } from '../lib/config';
import { CatalogueEntry } from '../lib/table';
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
    CatalogueEntry.query.primary({ scope: regencyCode }).go({ pages: 'all' }),
    CatalogueEntry.query.primary({ scope: villageCode }).go({ pages: 'all' }),
  ]);
  const base = defaults.data.filter((e) => !e.disabled).map((e) => ServiceSchema.parse(e.service));
  const own = overrides.data.map((e) => ({
    ...(e.service as Partial<Service>),
    code: e.code,
    disabled: e.disabled,
  }));
  return mergeCatalogue(base, own);
}

export async function findService(villageCode: string, code: string): Promise<Service | undefined> {
  return (await villageCatalogue(villageCode)).find((s) => s.code === code);
}

/** Writes the regency default catalogue (idempotent: same codes overwrite). */
export async function putDefaults(regencyCode: string, services: Service[]): Promise<void> {
  const now = new Date().toISOString();
  await CatalogueEntry.put(
    services.map((s) => ({
      scope: regencyCode,
      code: s.code,
      service: s as unknown as Record<string, unknown>,
      updatedAt: now,
    })),
  ).go();
}
