import { endpoint, json } from '../../lib/http';
import { publishNews } from '../news';
import { getVillage } from '../store';
import contract from './news.contract';

/**
 * The village officer publishes a news article, or corrects one by posting its slug and date again;
 * a slug another article of the village already uses is a 409 `news_slug_taken`.
 */
export const handler = endpoint(contract, async ({ params, body, authorize, now }) => {
  authorize({ villageCode: params.code });
  const village = await getVillage(params.code);
  return json(201, await publishNews(village, body, now));
});
