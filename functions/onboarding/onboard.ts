import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { $set, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { regencyHolidays } from '../calendar/holidays';
import { CatalogueEntry, catalogueOfScope } from '../catalogue/entities';
import { DEFAULT_CATALOGUE } from '../catalogue/regency-defaults';
import { batchPut } from '../lib/batch';
import { getItem, isConditionFailed, queryPage } from '../lib/table';
import { SiteState } from '../publish/entities';
import { outOfDateState } from '../publish/signal';
import { Kecamatan, Regency, Village, villageByRegency } from '../villages/entities';
import { regencyVillages } from '../villages/onboard-data';

export interface OnboardResult {
  regency: { code: string; name: string };
  kecamatan: number;
  villages: number;
  created: number;
  updated: number;
  unchanged: number;
  /** default services written because the regency had no entry of that code */
  servicesAdded: number;
  /** holidays in the regency's calendar after the run */
  holidays: number;
}

/**
 * Onboards every village of a regency from the official codes. Idempotent: a second run writes
 * nothing; a renamed village is updated in place and keeps its profile and office hours.
 * Reads what exists with one paged Query on the regency index (no scan).
 */
export async function onboardRegency(
  regencyCode: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<OnboardResult> {
  const data = await regencyVillages(regencyCode);
  const existing = new Map(
    (await queryPage(Village, villageByRegency, { regencyCode }, { all: true })).items.map((v) => [
      v.code,
      v,
    ]),
  );
  const now = new Date().toISOString();
  // the due-time calendar: the known holidays added to whatever the regency already lists (its own
  // regional days stay); the same run twice writes the same list
  const stored = (await getItem(Regency, { code: data.regency.code }, { consistent: true })).Item;
  const holidays = [...new Set([...(stored?.holidays ?? []), ...regencyHolidays(data.regency.code)])].sort();
  await Regency.build(UpdateItemCommand)
    .item({
      code: data.regency.code,
      name: data.regency.name,
      provinceCode: regencyCode.slice(0, 2),
      holidays: $set(holidays),
      updatedAt: now,
    })
    .send();
  const servicesAdded = await ensureDefaultCatalogue(data.regency.code, now);
  await batchPut(
    Kecamatan,
    data.kecamatan.map((k) => ({ ...k, regencyCode })),
  );

  const changed = data.villages.filter((v) => {
    const old = existing.get(v.code);
    return (
      !old ||
      old.name !== v.name ||
      old.slug !== v.slug ||
      old.kecamatanName !== v.kecamatanName ||
      old.kind !== v.kind
    );
  });
  let done = 0;
  for (let i = 0; i < changed.length; i += 25) {
    const batch = changed.slice(i, i + 25);
    await batchPut(
      Village,
      batch.map((v) => {
        const old = existing.get(v.code);
        return {
          ...v,
          regencyName: data.regency.name,
          ...(old?.officeHours ? { officeHours: old.officeHours } : {}),
          ...(old?.profile ? { profile: old.profile } : {}),
          createdAt: old?.createdAt ?? now,
          updatedAt: now,
        };
      }),
    );
    // a new or renamed village needs its site (re)built: the publisher picks these up
    await batchPut(
      SiteState,
      batch.map((v) =>
        outOfDateState(
          { code: v.code, regencyCode },
          existing.has(v.code) ? 'village renamed' : 'village onboarded',
          now,
        ),
      ),
    );
    done += batch.length;
    onProgress(done, changed.length);
  }
  const created = changed.filter((v) => !existing.has(v.code)).length;
  return {
    regency: data.regency,
    kecamatan: data.kecamatan.length,
    villages: data.villages.length,
    created,
    updated: changed.length - created,
    unchanged: data.villages.length - changed.length,
    servicesAdded,
    holidays: holidays.length,
  };
}

/**
 * Writes each default service the regency has no entry for (conditional puts: an entry the regency
 * edited or disabled is never overwritten, and two runs at once write each service once).
 */
async function ensureDefaultCatalogue(regencyCode: string, now: string): Promise<number> {
  const { items } = await queryPage(
    CatalogueEntry,
    catalogueOfScope,
    { scope: regencyCode },
    { all: true, consistent: true },
  );
  const present = new Set(items.map((e) => e.code));
  let added = 0;
  for (const service of DEFAULT_CATALOGUE.filter((s) => !present.has(s.code))) {
    try {
      await CatalogueEntry.build(PutItemCommand)
        .item({
          scope: regencyCode,
          code: service.code,
          service,
          updatedAt: now,
        })
        .options({ condition: { attr: 'code', exists: false } })
        .send();
      added++;
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }
  return added;
}
