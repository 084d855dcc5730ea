/**
 * RSS 2.0 feed of a village's news, per language (/<slug>/berita/rss.xml, /<slug>/en/berita/rss.xml),
 * written by hand: @astrojs/rss is not a dependency and a feed is twenty lines of XML.
 */
import type { APIRoute } from 'astro';
import type { VillageSnapshot } from '../../../../../../functions/sites/snapshot';
import { type Lang, pick, t } from '../../../../i18n';
import { xml } from '../../../../lib/format';
import { newsByDate, rssPath, villagePath } from '../../../../lib/paths';
import { villageRoutes } from '../../../../lib/site';

export const getStaticPaths = () => villageRoutes();

export const GET: APIRoute = ({ props }) => {
  const { v, lang } = props as { v: VillageSnapshot; lang: Lang };
  const s = t(lang);
  const origin = v.siteUrl.replace(/\/+$/, '');
  const slug = v.village.slug;
  const name = s[`name.${v.village.kind}`](v.village.name);
  const items = newsByDate(v).map((n) => {
    const link = `${origin}${villagePath(slug, lang, 'berita', n.slug)}`;
    const title = pick(lang, n.title);
    return [
      '<item>',
      // an article not yet translated says so in the English feed's title
      `<title>${xml(title.lang ? `${title.text} ${s['news.inIndonesian']}` : title.text)}</title>`,
      `<link>${xml(link)}</link>`,
      `<guid isPermaLink="true">${xml(link)}</guid>`,
      `<pubDate>${new Date(n.date.slice(0, 10)).toUTCString()}</pubDate>`,
      `<description>${xml(pick(lang, n.summary).text)}</description>`,
      '</item>',
    ].join('');
  });
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
    `<title>${xml(`${s['news.title'](v.village.kind)} · ${name}`)}</title>`,
    `<link>${xml(`${origin}${villagePath(slug, lang, 'berita')}`)}</link>`,
    `<atom:link href="${xml(`${origin}${rssPath(slug, lang)}`)}" rel="self" type="application/rss+xml"/>`,
    `<description>${xml(s['meta.news'](name))}</description>`,
    `<language>${lang}</language>`,
    `<lastBuildDate>${new Date(v.generatedAt).toUTCString()}</lastBuildDate>`,
    ...items,
    '</channel></rss>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};
