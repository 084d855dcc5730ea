import { authorize } from '../../lib/auth';
import { endpoint, json } from '../../lib/http';
import { NewsArticle, SiteState, service } from '../../lib/table';
import { routeById } from '../../routes';
import { outOfDateState } from '../../sites/signal';
import { NewsBody, VillageParams } from '../schemas';
import { getVillage } from '../store';

const route = routeById('villages.news');
const tx = /* @__PURE__ */ service({ news: NewsArticle, siteState: SiteState });

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
    await tx.transaction
      .write(({ news, siteState }) => [
        news.put(article).commit(),
        siteState.upsert(outOfDateState(village, 'news', at)).commit(),
      ])
      .go();
    return json(201, article);
  },
);
