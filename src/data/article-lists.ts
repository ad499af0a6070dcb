// The paginated article lists: /advice/, each topic and each author. Every page gets the same
// pagination view model, so the three routes only render.
import type { PaginateFunction, Props } from 'astro';
import { PAGE_SIZE, paginationView } from '../domain/articles/paginate';
import { articlesGroupedBy, getArticles, type Article } from './articles';
import { getAuthors } from './authors';
import { getTopics } from './topics';

function paginateArticles<P extends Props, R extends Record<string, string>>(
  paginate: PaginateFunction,
  articles: readonly Article[],
  route?: { params: R; props: P },
) {
  return paginate(articles, { pageSize: PAGE_SIZE, ...route }).map((path) => ({
    params: path.params,
    props: { ...path.props, pagination: paginationView(path.props.page) },
  }));
}

/** /advice/, /advice/2/ ...: every published article, newest first. */
export async function adviceListPaths(paginate: PaginateFunction) {
  return paginateArticles(paginate, await getArticles());
}

/** /topics/<topic>/ and its further pages. */
export async function topicListPaths(paginate: PaginateFunction) {
  const topics = await getTopics();
  const byTopic = await articlesGroupedBy(topics.map((t) => t.id), (a) => a.data.topics.map((t) => t.id));
  return topics.flatMap((topic) =>
    paginateArticles(paginate, byTopic.get(topic.id) ?? [], { params: { topic: topic.id }, props: { topic } }),
  );
}

/** /authors/<author>/ and its further pages: paginated like topics, so a prolific author's page keeps within its weight budget. */
export async function authorListPaths(paginate: PaginateFunction) {
  const authors = await getAuthors();
  const byAuthor = await articlesGroupedBy(authors.map((a) => a.id), (a) => [a.data.author.id]);
  return authors.flatMap((author) =>
    paginateArticles(paginate, byAuthor.get(author.id) ?? [], { params: { author: author.id }, props: { author } }),
  );
}
