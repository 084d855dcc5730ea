/**
 * Publishing a village's news. An article's URL is /<village>/berita/<slug>/, so a slug names one
 * article per village: posting the same slug and date again corrects that article in place; the same
 * slug on another date is a 409 (`news_slug_taken`) — never two articles behind one URL.
 */
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import { UpdateTransaction } from 'dynamodb-toolbox/entity/actions/transactUpdate';
import { AppError, Conflict } from '../lib/errors';
import { queryPage } from '../lib/table';
import { transact } from '../lib/transact';
import { SiteState } from '../publish/entities';
import { outOfDateState } from '../publish/signal';
import { NewsArticle, NewsSlug, newsOfVillage, type VillageItem } from './entities';
import type { NewsInput } from './schemas';

export class NewsSlugTaken extends AppError {
  constructor(readonly takenBy: { date: string }) {
    super(409, 'news_slug_taken', 'error.news_slug_taken', [{ path: 'slug', message: 'field.slug_taken' }]);
  }
}

export async function publishNews(village: VillageItem, body: NewsInput, now: Date) {
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
  // articles written before slug claims existed have none: one key Query (slugs and dates only) finds them
  const older = await queryPage(
    NewsArticle,
    newsOfVillage,
    { villageCode: village.code },
    { all: true, attributes: ['slug', 'date'] },
  );
  const other = older.items.find((a) => a.slug === body.slug && a.date !== body.date);
  if (other) throw new NewsSlugTaken({ date: other.date });
  // all or nothing: the claim holds only if the slug is free or this article's (same date)
  const written = await transact(
    NewsSlug.build(PutTransaction)
      .item({ villageCode: village.code, slug: body.slug, date: body.date })
      .options({
        condition: {
          or: [
            { attr: 'date', exists: false },
            { attr: 'date', eq: body.date },
          ],
        },
      }),
    NewsArticle.build(PutTransaction).item(article),
    SiteState.build(UpdateTransaction).item(outOfDateState(village, 'news', at)),
  );
  if (written.canceled) {
    if (written.reasons[0] === 'ConditionalCheckFailed') throw new NewsSlugTaken({ date: 'unknown' });
    // a concurrent write won: the client's retry, never a silent 2xx
    throw new Conflict();
  }
  return article;
}
