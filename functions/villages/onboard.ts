import { $get, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { batchPut } from '../lib/batch';
import { indexes, Kecamatan, queryPage, Regency, SiteState, Village } from '../lib/table';
import { outOfDateState } from '../sites/signal';
import { regencyVillages } from './onboard-data';

export interface OnboardResult {
  regency: { code: string; name: string };
  kecamatan: number;
  villages: number;
  created: number;
  updated: number;
  unchanged: number;
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
    (await queryPage(Village, indexes.villageByRegency, { regencyCode }, { all: true })).items.map((v) => [
      v.code,
      v,
    ]),
  );
  const now = new Date().toISOString();
  // an upsert that keeps the regency's holiday list (the due-time calendar) when it exists
  await Regency.build(UpdateItemCommand)
    .item({
      code: data.regency.code,
      name: data.regency.name,
      provinceCode: regencyCode.slice(0, 2),
      holidays: $get('holidays', []),
      updatedAt: now,
    })
    .send();
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
  };
}
