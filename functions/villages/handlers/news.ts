import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { authorize } from '../../lib/auth';
import { Conflict } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { NewsArticle, SiteState } from '../../lib/table';
import { transact } from '../../lib/transact';
import { routeById } from '../../routes';
import { outOfDateState } from '../../sites/signal';
import { NewsBody, VillageParams } from '../schemas';
import { getVillage } from '../store';

const route = routeById('villages.news');

/** The village officer publishes (or, with the same slug and date, corrects) a news article. */
export const handler = endpoint(
  'villages.news',
  { params: VillageParams, body: NewsBody },
  async ({ params, body, caller, now }) => {
    authorize(route, caller, { villageCode: params.code });
    const village = await getVillage(params.code);
    const at = now.toISOString();
    const article = {
      villageCode: village.code,
      slug: body.slug,
      date: body.date,
      title: body.title,
      summary: body.summary,
      body: body.body,
      updatedAt: at,
    };
    // all or nothing; a canceled transaction (a concurrent write won) is the client's retry, never a silent 2xx
    const written = await transact(
      NewsArticle.build(PutTransaction).item(article),
      SiteState.build(UpdateTransaction).item(outOfDateState(village, 'news', at)),
    );
    if (written.canceled) throw new Conflict();
    return json(201, article);
  },
);
