// What a search is (words, filters, order) and how it is written in the /search/ page's address.

export type SortOrder = 'relevance' | 'newest';

export interface SearchState {
  /** The words the reader typed, as typed. */
  q: string;
  /** A topic name from the site's topic list, or '' for every topic. */
  topic: string;
  /** A page type (Article, Tool, Job, Topic), or '' for every type. */
  type: string;
  sort: SortOrder;
}

export const emptySearch: SearchState = { q: '', topic: '', type: '', sort: 'relevance' };

export function readSearchState(params: URLSearchParams): SearchState {
  return {
    q: params.get('q') ?? '',
    topic: params.get('topic') ?? '',
    type: params.get('type') ?? '',
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
  };
}

/** The query string for a search, leaving out defaults so shared links stay short: `?q=thank+you`. */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.topic) params.set('topic', state.topic);
  if (state.type) params.set('type', state.type);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** True when there is anything to look for: words, or a filter to list by. */
export function hasCriteria(state: SearchState): boolean {
  return state.q.trim() !== '' || state.topic !== '' || state.type !== '';
}

/** The term and options Pagefind's `search()` takes; a filter-only search lists every page that matches. */
export function pagefindQuery(state: SearchState): {
  term: string | null;
  options: { filters: Record<string, string>; sort: Record<string, 'desc'> };
} {
  const filters: Record<string, string> = {};
  if (state.topic) filters.topic = state.topic;
  if (state.type) filters.type = state.type;
  return {
    term: state.q.trim() || null,
    options: { filters, sort: state.sort === 'newest' ? { date: 'desc' } : {} },
  };
}
