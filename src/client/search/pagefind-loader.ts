// Loads Pagefind's browser bundle from the site's own /pagefind/ folder, under any base path: the
// recent index first, for the first results, and the archive indexes on demand (mergeArchives).
import { basePath } from '../../config';
import { ARCHIVE_LIST_FILE, type ArchiveList } from '../../domain/search/shard-plan';

/** The parts of one result that the interface shows. */
export interface PagefindResultData {
  url: string;
  /** Page text with `<`/`>` escaped and matches in `<mark>`; see excerpt.ts. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
}

export interface PagefindSearchOptions {
  filters?: Record<string, string | string[]>;
  sort?: Record<string, 'asc' | 'desc'>;
}

interface PagefindIndexOptions {
  basePath?: string;
  baseUrl?: string;
  excerptLength?: number;
  /** A filter every page of the index gets, e.g. `{ shard: 'recent' }`. */
  mergeFilter?: Record<string, string>;
}

/** The subset of Pagefind 1.6's browser API this site uses. */
export interface Pagefind {
  options(options: PagefindIndexOptions): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string, options?: PagefindIndexOptions): Promise<void>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
}

/**
 * The filter that tells indexes apart: each index's pages carry its name, so one index's own sorted
 * list can be asked for (search-query.ts) while Pagefind still searches them all together.
 */
export const SHARD_FILTER = 'shard';
export const RECENT_SHARD = 'recent';

const base = basePath;
const bundle = `${base}pagefind/`;
// baseUrl puts the base path in front of result URLs, which Pagefind computes from dist paths.
const indexOptions = { baseUrl: base, excerptLength: 26 };

let loading: Promise<Pagefind> | undefined;

/** Pagefind with the recent index, ready to search; loaded once per page. Rejects when the bundle is missing or blocked. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    // Not bundled by Vite: the file exists only after the build has run Pagefind.
    const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    await pagefind.options({ basePath: bundle, ...indexOptions });
    await pagefind.init();
    await pagefind.options({ mergeFilter: { [SHARD_FILTER]: RECENT_SHARD } });
    return pagefind;
  })();
  // A failed load (offline, no index yet) may succeed on the next try.
  loading.catch(() => (loading = undefined));
  return loading;
}

let merging: Promise<string[]> | undefined;
let merged: string[] | undefined;

/**
 * Merges the archive indexes into `pagefind`, once per page; resolves with every index's shard name,
 * the recent one first. The list of archives is fetched here, so never before the first results.
 */
export function mergeArchives(pagefind: Pagefind): Promise<string[]> {
  merging ??= (async () => {
    const response = await fetch(`${bundle}${ARCHIVE_LIST_FILE}`);
    if (!response.ok) throw new Error(`${ARCHIVE_LIST_FILE}: ${response.status}`);
    const { archives } = (await response.json()) as ArchiveList;
    const shards = archives.map((folder) => folder.replace(/\/$/, ''));
    await Promise.all(
      shards.map((shard) =>
        pagefind.mergeIndex(`${bundle}${shard}/`, { ...indexOptions, mergeFilter: { [SHARD_FILTER]: shard } }),
      ),
    );
    return (merged = [RECENT_SHARD, ...shards]);
  })();
  merging.catch(() => (merging = undefined));
  return merging;
}

/** Every index's shard name once the archives are merged; undefined while only the recent index is loaded. */
export function mergedShards(): string[] | undefined {
  return merged;
}
