import { authorize } from '../../lib/auth';
import { endpoint, json } from '../../lib/http';
import { Apbdes, SiteState, service } from '../../lib/table';
import { routeById } from '../../routes';
import { outOfDateState } from '../../sites/signal';
import { ApbdesBody, ApbdesParams } from '../schemas';
import { getVillage } from '../store';

const route = routeById('villages.apbdes');
const tx = /* @__PURE__ */ service({ apbdes: Apbdes, siteState: SiteState });

/** The village officer publishes a year's APBDes summary (the site shows the latest year). */
export const handler = endpoint(
  'villages.apbdes',
  { params: ApbdesParams, body: ApbdesBody },
  async ({ params, body, caller, now }) => {
    authorize(route, caller, { villageCode: params.code });
    const village = await getVillage(params.code);
    const at = now.toISOString();
    const item = { villageCode: village.code, year: params.year, ...body, updatedAt: at };
    await tx.transaction
      .write(({ apbdes, siteState }) => [
        apbdes.put(item).commit(),
        siteState.upsert(outOfDateState(village, 'apbdes', at)).commit(),
      ])
      .go();
    return json(200, item);
  },
);
