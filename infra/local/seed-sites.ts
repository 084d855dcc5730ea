/**
 * Demo public content of the two demo villages — profile, officials, facilities, news, APBDes — taken
 * from the site's fixture snapshots (site/fixtures/villages/*.json, one source for the demo and the
 * site's own checks). Written through the table like an officer's edits would be; idempotent. Office
 * hours stay the regency default (the request tests count on it).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Apbdes, NewsArticle, Village } from '../../functions/lib/table';
import { markOutOfDate } from '../../functions/sites/signal';
import { VillageSnapshot } from '../../functions/sites/snapshot';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../site/fixtures/villages');

export async function seedSites(slugs = ['tamansari-licin', 'kemiren-glagah'], now = new Date()) {
  for (const slug of slugs) {
    const village = (await Village.query.bySlug({ slug }).go()).data[0];
    if (!village || (village.profile && Object.keys(village.profile).length > 0)) continue;
    const demo = VillageSnapshot.parse(JSON.parse(readFileSync(join(fixtures, `${slug}.json`), 'utf8')));
    const { facilities, ...profile } = demo.village.profile;
    await Village.patch({ code: village.code })
      .set({
        profile: { ...profile, facilities: facilities.map((f) => f.code) },
        updatedAt: now.toISOString(),
      })
      .go();
    for (const n of demo.news)
      await NewsArticle.put({ villageCode: village.code, ...n, updatedAt: now.toISOString() }).go();
    if (demo.apbdes)
      await Apbdes.put({ villageCode: village.code, ...demo.apbdes, updatedAt: now.toISOString() }).go();
    await markOutOfDate(village, 'demo content', now);
  }
}
