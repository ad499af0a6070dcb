// Runs one search over the indexes loaded so far and gives its results a page at a time. Ordered by
// relevance, Pagefind ranks across every merged index itself; ordered by date, each index's own
// sorted list is asked for and the lists are read together newest first (domain/search/newest-first.ts).
import { newestFirst } from '../../domain/search/newest-first';
import { pagefindQuery, type SearchState } from '../../domain/search/search-state';
import { SHARD_FILTER, type Pagefind, type PagefindResult, type PagefindResultData } from './pagefind-loader';

export interface ResultList {
  count: number;
  /** The results from index `from` up to `to` (exclusive), in order. */
  page(from: number, to: number): Promise<PagefindResultData[]>;
}

/** Each result's data fetched once, however often the list and the date merge ask for it. */
function cachedData() {
  const known = new Map<PagefindResult, Promise<PagefindResultData>>();
  return (result: PagefindResult) => {
    let data = known.get(result);
    if (!data) known.set(result, (data = result.data()));
    return data;
  };
}

/** `shards`: every loaded index's name once the archives are merged, undefined while the recent index is alone. */
export async function findResults(pagefind: Pagefind, state: SearchState, shards?: string[]): Promise<ResultList> {
  const { term, options } = pagefindQuery(state);
  const data = cachedData();
  if (!shards || shards.length < 2 || !options.sort.date) {
    const { results } = await pagefind.search(term, options);
    return { count: results.length, page: (from, to) => Promise.all(results.slice(from, to).map(data)) };
  }
  const lists = await Promise.all(
    shards.map(async (shard) => {
      const only = { ...options, filters: { ...options.filters, [SHARD_FILTER]: shard } };
      return (await pagefind.search(term, only)).results;
    }),
  );
  const take = newestFirst(lists, async (result) => (await data(result)).meta.date ?? '');
  return {
    count: lists.reduce((sum, list) => sum + list.length, 0),
    page: async (from, to) => Promise.all((await take(to)).slice(from).map(data)),
  };
}
