import { authorize } from '../../lib/auth';
import { endpoint, json } from '../../lib/http';
import { SiteState, service, Village } from '../../lib/table';
import { routeById } from '../../routes';
import { outOfDateState } from '../../sites/signal';
import { ProfileBody, VillageParams } from '../schemas';
import { getVillage, publicVillage } from '../store';

const route = routeById('villages.profile');
const tx = /* @__PURE__ */ service({ village: Village, siteState: SiteState });

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
    await tx.transaction
      .write(({ village: v, siteState }) => [
        v.patch({ code: village.code }).set({ profile, updatedAt: at }).commit(),
        siteState.upsert(outOfDateState(village, 'village profile', at)).commit(),
      ])
      .go();
    return json(200, publicVillage({ ...village, profile }));
  },
);
