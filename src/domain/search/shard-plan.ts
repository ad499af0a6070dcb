// Which built page goes into which search index (docs/architecture.md, "An article"). Readers' first query
// loads only the recent index, so it holds the newest articles and every page that is not an article;
// older articles go to archive indexes, cut from the oldest article up so that publishing an article
// changes only the newest archive index and the older ones keep their pages, and with them their hash.
import type { SearchablePage } from './searchable-page';

export interface ShardSizes {
  /** Newest articles kept in the recent index. */
  recentArticles: number;
  /** Most articles in one archive index. */
  archiveArticles: number;
}

export interface PlannedShard {
  /** `recent`, or `archive-1` (oldest articles) up to `archive-<n>`. */
  name: string;
  kind: 'recent' | 'archive';
  pages: SearchablePage[];
  /** Digest of the shard's pages and the indexer's settings: equal keys mean an equal index. */
  key: string;
}

/** Newest first; pages of the same day in path order, so every build cuts the same shards. */
function newestFirst(a: SearchablePage, b: SearchablePage): number {
  if (a.articleDate !== b.articleDate) return a.articleDate! < b.articleDate! ? 1 : -1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * The key of one shard: every page's path and fingerprint, in path order, plus `indexerSettings`
 * (the indexer's version and options), so a new Pagefind or a changed option rebuilds every shard.
 */
export function shardKey(pages: SearchablePage[], indexerSettings: string, digest: (text: string) => string): string {
  const lines = pages.map((page) => `${page.path}\t${page.fingerprint}`).sort();
  return digest([indexerSettings, ...lines].join('\n'));
}

/**
 * Cuts the site into shards: the recent one first, then the archives from the newest down (the order the
 * client merges them in). A site with no more articles than `recentArticles` gets the recent shard only.
 */
export function planShards(
  pages: SearchablePage[],
  sizes: ShardSizes,
  indexerSettings: string,
  digest: (text: string) => string,
): PlannedShard[] {
  const articles = pages.filter((page) => page.articleDate).sort(newestFirst);
  const others = pages.filter((page) => !page.articleDate);
  const recentPages = [...articles.slice(0, sizes.recentArticles), ...others];
  const oldestFirst = articles.slice(sizes.recentArticles).reverse();

  const shard = (name: string, kind: PlannedShard['kind'], shardPages: SearchablePage[]): PlannedShard => ({
    name,
    kind,
    pages: shardPages,
    key: shardKey(shardPages, indexerSettings, digest),
  });
  const archives: PlannedShard[] = [];
  for (let from = 0; from < oldestFirst.length; from += sizes.archiveArticles) {
    const number = archives.length + 1;
    archives.push(shard(`archive-${number}`, 'archive', oldestFirst.slice(from, from + sizes.archiveArticles)));
  }
  return [shard('recent', 'recent', recentPages), ...archives.reverse()];
}

/** The file in the search bundle that lists the archive indexes; the client reads it after the first results. */
export const ARCHIVE_LIST_FILE = 'archives.json';

export interface ArchiveList {
  /** Folders of the archive indexes inside the search bundle, each ending in `/`, newest articles first. */
  archives: string[];
}

/** Folder of an archive index inside the bundle, named by its key, so a reused index keeps its address. */
export function archiveFolder(shard: Pick<PlannedShard, 'key'>): string {
  return `archive-${shard.key.slice(0, 16)}`;
}
