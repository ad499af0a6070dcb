import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getArticles } from '../data/articles';
import { siteName, siteTagline } from '../domain/site';
import { articleUrl } from '../domain/urls';

export async function GET(context: APIContext) {
  const articles = await getArticles();
  return rss({
    title: siteName,
    description: siteTagline,
    site: context.site!,
    items: articles.map((a) => ({
      title: a.data.title,
      description: a.data.description,
      pubDate: a.data.pubDate,
      link: articleUrl(a.id),
      categories: a.data.topics.map((t) => t.id),
    })),
    customData: '<language>en-gb</language>',
  });
}
