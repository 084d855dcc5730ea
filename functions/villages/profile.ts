/**
 * A village's public profile (about, head, officials, contact, map point, facilities) and its APBDes
 * summaries: each write also marks the village's site out of date, in the same transaction.
 */
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $set } from 'dynamodb-toolbox/entity/actions/update';
import { Conflict } from '../lib/errors';
import { transact } from '../lib/transact';
import type * as z from '../lib/zod';
import { SiteState } from '../publish/entities';
import { outOfDateState } from '../publish/signal';
import { Apbdes, Village, type VillageItem } from './entities';
import type { ApbdesBody, ProfileBody } from './schemas';

/** Given sections replace the stored ones; the profile is replaced as a whole, not merged path by path. */
export async function saveProfile(village: VillageItem, sections: z.output<typeof ProfileBody>, now: Date) {
  const profile = { ...(village.profile ?? {}), ...sections };
  const at = now.toISOString();
  // all or nothing; a canceled transaction (a concurrent write won) is the client's retry, never a silent 2xx
  const written = await transact(
    // a patch: the village must exist
    Village.build(UpdateTransaction)
      .item({ code: village.code, profile: $set(profile), updatedAt: at })
      .options({ condition: { attr: 'code', exists: true } }),
    SiteState.build(UpdateTransaction).item(outOfDateState(village, 'village profile', at)),
  );
  if (written.canceled) throw new Conflict();
  return { ...village, profile };
}

/** A year's APBDes summary (the site shows the latest year); the same year again replaces it. */
export async function publishApbdes(
  village: VillageItem,
  year: number,
  summary: z.output<typeof ApbdesBody>,
  now: Date,
) {
  const at = now.toISOString();
  const item = { villageCode: village.code, year, ...summary, updatedAt: at };
  const written = await transact(
    Apbdes.build(PutTransaction).item(item),
    SiteState.build(UpdateTransaction).item(outOfDateState(village, 'apbdes', at)),
  );
  if (written.canceled) throw new Conflict();
  return item;
}
