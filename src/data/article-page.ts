// The view model of an article's page: its rendered content and everything around it (author,
// topics, contents, reading time, related articles, the jobs sidebar), gathered in one place so the
// route and the layout only render.
import { render } from 'astro:content';
import { tableOfContents } from '../domain/articles/toc';
import { readingMinutes } from '../domain/articles/reading-time';
import { articleSource, getArticles, getRelatedArticles, type Article } from './articles';
import { authorOf } from './authors';
import { topicsOf } from './topics';
import { latestRoles } from './jobs/open-roles';
import { articleCard } from './social-cards';
import { socialImageOf } from '../domain/social/card';
import { entryFacts, pageCacheKey } from './page-cache-key';

export type ArticlePage = Awaited<ReturnType<typeof articlePage>>;

/**
 * One page per published article, at /advice/<id>/, keyed by everything around its body, so that an
 * incremental build re-renders the articles whose surroundings changed (a new related article, a new
 * job in the sidebar) and copies the others.
 */
export async function articlePaths() {
  return Promise.all(
    (await getArticles()).map(async (article) => {
      const { author, topics, related, jobs } = await articleSurroundings(article);
      const cacheKey = pageCacheKey({
        article: entryFacts(article),
        author: entryFacts(author),
        topics: topics.map(entryFacts),
        related: related.map(entryFacts),
        jobs: jobs.map(entryFacts),
      });
      return { params: { slug: article.id }, props: { article }, cacheKey };
    }),
  );
}

/** What an article's page shows from the collections besides the article itself. */
async function articleSurroundings(article: Article) {
  const [author, topics, related, jobs] = await Promise.all([
    authorOf(article),
    topicsOf(article),
    getRelatedArticles(article),
    latestRoles(),
  ]);
  return { author, topics, related, jobs };
}

export async function articlePage(article: Article) {
  const [{ Content, headings }, { author, topics, related, jobs }, source] = await Promise.all([
    render(article),
    articleSurroundings(article),
    articleSource(article),
  ]);
  return {
    article,
    Content,
    author,
    topics,
    related,
    jobs,
    toc: tableOfContents(headings),
    minutes: readingMinutes(source),
    social: socialImageOf(articleCard(article, author)),
  };
}
