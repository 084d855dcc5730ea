import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { authorize } from '../../lib/auth';
import { Conflict } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { transact } from '../../lib/transact';
import { routeById } from '../../routes';
import { SiteState } from '../../sites/entities';
import { outOfDateState } from '../../sites/signal';
import { Apbdes } from '../entities';
import { ApbdesBody, ApbdesParams } from '../schemas';
import { getVillage } from '../store';

const route = routeById('villages.apbdes');

/** The village officer publishes a year's APBDes summary (the site shows the latest year). */
export const handler = endpoint(
  'villages.apbdes',
  { params: ApbdesParams, body: ApbdesBody },
  async ({ params, body, caller, now }) => {
    authorize(route, caller, { villageCode: params.code });
    const village = await getVillage(params.code);
    const at = now.toISOString();
    const item = { villageCode: village.code, year: params.year, ...body, updatedAt: at };
    // all or nothing; a canceled transaction (a concurrent write won) is the client's retry, never a silent 2xx
    const written = await transact(
      Apbdes.build(PutTransaction).item(item),
      SiteState.build(UpdateTransaction).item(outOfDateState(village, 'apbdes', at)),
    );
    if (written.canceled) throw new Conflict();
    return json(200, item);
  },
);
