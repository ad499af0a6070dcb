/** The part of an article that ranking needs, so the function works on any source of articles. */
export interface RankableArticle {
  id: string;
  topics: readonly string[];
  pubDate: Date;
}

/** Related articles for any article of the collection the index was built from. */
export interface RelatedIndex<T extends RankableArticle> {
  relatedTo(current: RankableArticle, limit?: number): T[];
}

/** Articles with exactly the same topics; ranking cannot tell them apart except by date and id. */
interface TopicGroup<T> {
  topics: readonly string[];
  /** Newest first, then by id: the order ranking uses among equals. */
  articles: T[];
}

const newestFirst = (a: RankableArticle, b: RankableArticle) =>
  b.pubDate.getTime() - a.pubDate.getTime() || a.id.localeCompare(b.id);

/**
 * Ranks by the number of topics shared with the current article, then newest first, then by id.
 *
 * Built once per build instead of scanning every article for every page (which made a build
 * quadratic in the number of articles): articles are grouped by their topic list, and all articles
 * of a group share the same number of topics with any given article. So the best `limit` overall
 * are among the first `limit + 1` of each group (one more, as the current article may be one of
 * them), and a lookup costs the number of distinct topic lists, not the number of articles.
 */
export function relatedIndex<T extends RankableArticle>(all: readonly T[]): RelatedIndex<T> {
  const groups = new Map<string, TopicGroup<T>>();
  for (const article of all) {
    const key = JSON.stringify([...article.topics].sort());
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { topics: article.topics, articles: [] }));
    group.articles.push(article);
  }
  for (const group of groups.values()) group.articles.sort(newestFirst);

  return {
    relatedTo(current, limit = 4) {
      const mine = new Set(current.topics);
      const candidates: { article: T; shared: number }[] = [];
      for (const group of groups.values()) {
        const shared = group.topics.filter((t) => mine.has(t)).length;
        let taken = 0;
        for (const article of group.articles) {
          if (taken === limit) break;
          if (article.id === current.id) continue;
          candidates.push({ article, shared });
          taken++;
        }
      }
      return candidates
        .sort((a, b) => b.shared - a.shared || newestFirst(a.article, b.article))
        .slice(0, limit)
        .map((c) => c.article);
    },
  };
}
