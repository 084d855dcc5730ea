/**
 * Data access for the routes: the village snapshots being built (SITE_VILLAGES) and the regency.
 * getStaticPaths of every route starts here, so filtering happens in one place.
 */
import { getCollection, getEntry } from 'astro:content';
import type { RegencySnapshot, VillageSnapshot } from '../../../functions/sites/snapshot';
import { LANGS, type Lang, langParam } from '../i18n';
import { buildEnv } from './env';
import { assertUniquePaths } from './routes';

/** The villages whose pages this build generates, by slug. */
export async function villages(): Promise<VillageSnapshot[]> {
  return (await getCollection('villages'))
    .map((e) => e.data as VillageSnapshot)
    .filter((v) => !buildEnv.villages || buildEnv.villages.includes(v.village.slug))
    .sort((a, b) => a.village.slug.localeCompare(b.village.slug));
}

export type Regency = RegencySnapshot & { villagesWithSite: string[] };

export async function regency(): Promise<Regency> {
  const entry = await getEntry('regency', 'regency');
  if (!entry) throw new Error('regency.json is missing from the data folder');
  return entry.data as Regency;
}

/** Whether this build includes the regency portal (SITE_PORTAL). */
export const portalEnabled = (): boolean => buildEnv.portal;

/**
 * getStaticPaths for a village route: one path per village and language, or per item of a village
 * (a service, a product…) and language when `items` is given.
 */
export async function villageRoutes<T = undefined>(
  items?: (v: VillageSnapshot) => { params: Record<string, string>; item: T }[],
) {
  const list = await villages();
  const routes = list.flatMap((v) =>
    LANGS.flatMap((lang: Lang) =>
      (items ? items(v) : [{ params: {}, item: undefined as T }]).map(({ params, item }) => ({
        params: { village: v.village.slug, lang: langParam(lang), ...params },
        props: { v, lang, item },
      })),
    ),
  );
  return assertUniquePaths(routes, 'a village route');
}
