// The paginated article lists: /advice/, each topic and each author. Every page gets the same
// pagination view model, so the three routes only render.
import type { PaginateFunction } from 'astro';
import { articlesGroupedBy, getArticles } from './articles';
import { getAuthors } from './authors';
import { getTopics } from './topics';
import { paginateList } from './paginated';

/** /advice/, /advice/2/ ...: every published article, newest first. */
export async function adviceListPaths(paginate: PaginateFunction) {
  return paginateList(paginate, await getArticles());
}

/** /topics/<topic>/ and its further pages. */
export async function topicListPaths(paginate: PaginateFunction) {
  const topics = await getTopics();
  const byTopic = await articlesGroupedBy(
    topics.map((t) => t.id),
    (a) => a.data.topics.map((t) => t.id),
  );
  return topics.flatMap((topic) =>
    paginateList(paginate, byTopic.get(topic.id) ?? [], { params: { topic: topic.id }, props: { topic } }),
  );
}

/** /authors/<author>/ and its further pages: paginated like topics, so a prolific author's page keeps within its weight budget. */
export async function authorListPaths(paginate: PaginateFunction) {
  const authors = await getAuthors();
  const byAuthor = await articlesGroupedBy(
    authors.map((a) => a.id),
    (a) => [a.data.author.id],
  );
  return authors.flatMap((author) =>
    paginateList(paginate, byAuthor.get(author.id) ?? [], { params: { author: author.id }, props: { author } }),
  );
}
