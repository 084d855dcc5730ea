import { authorize } from '../../lib/auth';
import { endpoint, json } from '../../lib/http';
import { routeById } from '../../routes';
import { publishNews } from '../news';
import { NewsBody, VillageParams } from '../schemas';
import { getVillage } from '../store';

const route = routeById('villages.news');

/**
 * The village officer publishes a news article, or corrects one by posting its slug and date again;
 * a slug another article of the village already uses is a 409 `news_slug_taken`.
 */
export const handler = endpoint(
  'villages.news',
  { params: VillageParams, body: NewsBody },
  async ({ params, body, caller, now }) => {
    authorize(route, caller, { villageCode: params.code });
    const village = await getVillage(params.code);
    return json(201, await publishNews(village, body, now));
  },
);
