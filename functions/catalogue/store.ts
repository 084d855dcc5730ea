import { batchPut } from '../lib/batch';
import { config } from '../lib/config';
import { log } from '../lib/log';
import { queryPage } from '../lib/table';
import { mergeCatalogue, type Service, type ServiceOverride, ServiceSchema } from './defaults';
import { CatalogueEntry, catalogueOfScope } from './entities';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** Logs a catalogue entry that failed validation: scope, code and the paths at fault, no values. */
function skipped(scope: string, code: string, issues: { path: PropertyKey[] }[] = []) {
  log('warn', 'catalogue entry skipped: invalid', {
    scope,
    code,
    paths: issues
      .slice(0, 5)
      .map((i) => i.path.map(String).join('.'))
      .join(','),
  });
}

/**
 * A village's catalogue = the regency default merged with the village's own overrides.
 * Two key Queries (one partition each); no scan.
 */
export async function villageCatalogue(
  villageCode: string,
  regencyCode = config().REGENCY_CODE,
): Promise<Service[]> {
  const [defaults, overrides] = await Promise.all([
    queryPage(CatalogueEntry, catalogueOfScope, { scope: regencyCode }, { all: true }),
    queryPage(CatalogueEntry, catalogueOfScope, { scope: villageCode }, { all: true }),
  ]);
  // the same stored entries give the same catalogue: validate and merge once per container and version
  const key = [...defaults.items, ...overrides.items]
    .map((e) => `${e.scope}/${e.code}@${e.updatedAt ?? ''}`)
    .join('|');
  const cached = merged.get(key);
  if (cached) return cached;
  // a stored entry that does not validate is skipped and logged by its code (never its content), so a
  // bad edit can't take every request of the village down with a 500
  const base: Service[] = [];
  for (const e of defaults.items.filter((d) => !d.disabled)) {
    const parsed = ServiceSchema.safeParse({ ...e.service, code: e.code });
    if (parsed.success) base.push(parsed.data);
    else skipped(e.scope, e.code, parsed.error.issues);
  }
  const own: ServiceOverride[] = [];
  for (const e of overrides.items) {
    const override: ServiceOverride = {
      ...(isRecord(e.service) ? (e.service as Partial<Service>) : {}),
      code: e.code,
      disabled: e.disabled,
    };
    // overrides of different codes never interact: each is checked against the defaults alone
    try {
      mergeCatalogue(base, [override]);
      own.push(override);
    } catch (error) {
      skipped(e.scope, e.code, ((error as Error).cause as { issues?: { path: PropertyKey[] }[] })?.issues);
    }
  }
  const catalogue = mergeCatalogue(base, own);
  if (merged.size > 500) merged.clear();
  merged.set(key, catalogue);
  return catalogue;
}

/** Catalogues by the identity of their stored entries (scope, code, updatedAt). Bounded. */
const merged = new Map<string, Service[]>();

export async function findService(villageCode: string, code: string): Promise<Service | undefined> {
  // a village code starts with its regency's (`35.10.24.2008` → `35.10`): any onboarded regency works
  const regencyCode = /^\d{2}\.\d{2}\./.test(villageCode) ? villageCode.slice(0, 5) : config().REGENCY_CODE;
  return (await villageCatalogue(villageCode, regencyCode)).find((s) => s.code === code);
}

/** Writes the regency default catalogue (idempotent: same codes overwrite). */
export async function putDefaults(regencyCode: string, services: Service[]): Promise<void> {
  const now = new Date().toISOString();
  await batchPut(
    CatalogueEntry,
    services.map((s) => ({
      scope: regencyCode,
      code: s.code,
      service: s,
      updatedAt: now,
    })),
  );
}
