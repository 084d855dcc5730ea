import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { $set } from 'dynamodb-toolbox/entity/actions/update';
import { authorize } from '../../lib/auth';
import { Conflict } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { transact } from '../../lib/transact';
import { routeById } from '../../routes';
import { SiteState } from '../../sites/entities';
import { outOfDateState } from '../../sites/signal';
import { Village } from '../entities';
import { ProfileBody, VillageParams } from '../schemas';
import { getVillage, publicVillage } from '../store';

const route = routeById('villages.profile');

/**
 * The village officer edits the public profile (about, head, officials, contact, map point, facilities).
 * Given sections replace the stored ones; the site is marked out of date in the same transaction.
 */
export const handler = endpoint(
  'villages.profile',
  { params: VillageParams, body: ProfileBody },
  async ({ params, body, caller, now }) => {
    authorize(route, caller, { villageCode: params.code });
    const village = await getVillage(params.code);
    const profile = { ...(village.profile ?? {}), ...body };
    const at = now.toISOString();
    // all or nothing; a canceled transaction (a concurrent write won) is the client's retry, never a silent 2xx
    const written = await transact(
      // a patch: the village must exist; the profile is replaced as a whole ($set), not merged path by path
      Village.build(UpdateTransaction)
        .item({ code: village.code, profile: $set(profile), updatedAt: at })
        .options({ condition: { attr: 'code', exists: true } }),
      SiteState.build(UpdateTransaction).item(outOfDateState(village, 'village profile', at)),
    );
    if (written.canceled) throw new Conflict();
    return json(200, publicVillage({ ...village, profile }));
  },
);
