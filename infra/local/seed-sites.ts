/**
 * Demo public content of the two demo villages — profile, officials, facilities, news, APBDes — taken
 * from the site's fixture snapshots (site/fixtures/villages/*.json, one source for the demo and the
 * site's own checks). Written through the table like an officer's edits would be; idempotent. Office
 * hours stay the regency default (the request tests count on it).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { $set, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { markOutOfDate } from '../../functions/publish/signal';
import { VillageSnapshot } from '../../functions/sites/snapshot';
import { Apbdes, NewsArticle, NewsSlug, Village } from '../../functions/villages/entities';
import { findVillageBySlug } from '../../functions/villages/store';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../site/fixtures/villages');

export async function seedSites(slugs = ['tamansari-licin', 'kemiren-glagah'], now = new Date()) {
  for (const slug of slugs) {
    const village = await findVillageBySlug(slug);
    if (!village || (village.profile && Object.keys(village.profile).length > 0)) continue;
    const demo = VillageSnapshot.parse(JSON.parse(readFileSync(join(fixtures, `${slug}.json`), 'utf8')));
    const { facilities, ...profile } = demo.village.profile;
    await Village.build(UpdateItemCommand)
      .item({
        code: village.code,
        profile: $set({ ...profile, facilities: facilities.map((f) => f.code) }),
        updatedAt: now.toISOString(),
      })
      .options({ condition: { attr: 'code', exists: true } })
      .send();
    for (const n of demo.news) {
      await NewsArticle.build(PutItemCommand)
        .item({ villageCode: village.code, ...n, updatedAt: now.toISOString() })
        .send();
      await NewsSlug.build(PutItemCommand)
        .item({ villageCode: village.code, slug: n.slug, date: n.date })
        .send();
    }
    if (demo.apbdes)
      await Apbdes.build(PutItemCommand)
        .item({ villageCode: village.code, ...demo.apbdes, updatedAt: now.toISOString() })
        .send();
    await markOutOfDate(village, 'demo content', now);
  }
}
