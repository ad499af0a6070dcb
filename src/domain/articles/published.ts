export interface PublishableArticle {
  id: string;
  data: { draft: boolean; pubDate: Date };
}

/**
 * What a build may publish: drafts never reach a production build, and an article dated in the
 * future appears only once its date has passed at build time. Newest first.
 */
export function publishedArticles<T extends PublishableArticle>(
  all: readonly T[],
  now: Date,
  includeDrafts = false,
): T[] {
  return all
    .filter((a) => (includeDrafts || !a.data.draft) && a.data.pubDate.getTime() <= now.getTime())
    .sort((a, b) => b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.id.localeCompare(b.id));
}
