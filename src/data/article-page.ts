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

export type ArticlePage = Awaited<ReturnType<typeof articlePage>>;

/** One page per published article, at /advice/<id>/. */
export async function articlePaths() {
  return (await getArticles()).map((article) => ({ params: { slug: article.id }, props: { article } }));
}

export async function articlePage(article: Article) {
  const [{ Content, headings }, author, topics, related, source, jobs] = await Promise.all([
    render(article),
    authorOf(article),
    topicsOf(article),
    getRelatedArticles(article),
    articleSource(article),
    latestRoles(),
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
