/** The part of an article that ranking needs, so the function works on any source of articles. */
export interface RankableArticle {
  id: string;
  topics: readonly string[];
  pubDate: Date;
}

/**
 * Articles that share the most topics with `current`, newest first among equals; articles with no
 * shared topic fill the remaining places by recency. One pass over the list: cost grows linearly.
 */
export function relatedArticles<T extends RankableArticle>(current: RankableArticle, all: readonly T[], limit = 4): T[] {
  const mine = new Set(current.topics);
  return all
    .filter((a) => a.id !== current.id)
    .map((article) => ({ article, shared: article.topics.filter((t) => mine.has(t)).length }))
    .sort((a, b) => b.shared - a.shared || b.article.pubDate.getTime() - a.article.pubDate.getTime() || a.article.id.localeCompare(b.article.id))
    .slice(0, limit)
    .map((r) => r.article);
}
