// The results part of search, shared by the header dialog and the /search/ page: runs a search,
// renders linked results with highlighted excerpts, announces the count and moves focus with arrow keys.
// Results come recent index first: the first query shows what the recent index found, then merges the
// archive indexes and updates the list in place, keeping the reader's focus, and announces the count
// once, when the list is complete. `data-search-complete` on the output says which of the two it shows.
import { resultCountMessage, unavailableMessage } from '../../domain/search/messages';
import { basePath, isDevelopment } from '../../config';
import { adviceUrl, underBase } from '../../domain/urls';
import { loadPagefind, mergeArchives, mergedShards, type Pagefind, type PagefindResultData } from './pagefind-loader';
import { element, resultItem } from './result-item';
import { findResults, type ResultList } from './search-query';
import { nextFocusIndex } from '../../domain/search/result-keys';
import { hasCriteria, type SearchState } from '../../domain/search/search-state';

/** Shortest typed term worth preloading index chunks for. */
const PRELOAD_MIN_LENGTH = 3;
/** Milliseconds without a keystroke before the typed words are searched. */
const TYPING_PAUSE = 120;
/** Fewer recent results than this, and the archives are merged before anything is shown. */
const FEW_RESULTS = 5;

export interface SearchViewElements {
  /** The search box; ArrowDown moves from it into the results. */
  input: HTMLInputElement;
  /** A polite live region (role="status") for result counts. */
  status: HTMLElement;
  /**
   * Where results, the empty state and notices are drawn. It carries `data-search-complete`: "false"
   * while archive indexes are still to be merged for the current search, "true" once the list shows every index.
   */
  output: HTMLElement;
}

export interface SearchView {
  /** Searches now; an earlier search still running is dropped. */
  run(state: SearchState): Promise<void>;
  /** Calls `search` when the reader pauses typing, fetching the index parts for the words meanwhile. */
  searchAsYouType(search: () => unknown): void;
  /** The first result link, if any (Enter in the dialog's search box opens it). */
  firstResult(): HTMLAnchorElement | null;
}

const pageSize = 10;
const base = basePath;

export function createSearchView(elements: SearchViewElements): SearchView {
  const { input, status, output } = elements;
  let latest = 0;
  let topicLinks: Promise<PagefindResultData[]> | undefined;

  const links = () => [...output.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')];

  function notice(text: string) {
    const box = element('div', 'rounded-md border border-border bg-surface p-4 text-sm');
    box.append(element('p', '', text));
    const advice = element('a', 'mt-2 inline-block', 'Browse all advice');
    advice.href = underBase(adviceUrl(), base);
    box.append(advice);
    output.replaceChildren(box);
  }

  /** Topic landing pages are in the index as type "Topic", so suggestions follow the site's own topic list. */
  async function emptyState(pagefind: Pagefind, q: string) {
    topicLinks ??= pagefind
      .search(null, { filters: { type: 'Topic' } })
      .then((r) => Promise.all(r.results.map((x) => x.data())))
      .then((pages) => pages.sort((a, b) => (a.meta.title ?? '').localeCompare(b.meta.title ?? '')));
    const topics = await topicLinks.catch(() => []);
    const box = element('div', 'rounded-md border border-border bg-surface p-4 text-sm');
    box.append(element('p', 'font-semibold', q ? `Nothing matches “${q}”.` : 'Nothing matches these filters.'));
    box.append(element('p', 'mt-1', 'Try fewer or different words, check the spelling, or browse a topic:'));
    const list = element('ul', 'mt-2 flex flex-wrap gap-2');
    for (const topic of topics) {
      const link = element(
        'a',
        'inline-block rounded-md border border-border bg-bg px-3 py-1',
        topic.meta.title || topic.url,
      );
      link.href = topic.url;
      const li = element('li', '');
      li.append(link);
      list.append(li);
    }
    const advice = element('a', 'mt-3 inline-block font-semibold', 'See every article in the advice index');
    advice.href = underBase(adviceUrl(), base);
    box.append(list, advice);
    return box;
  }

  /** Adds the next page of results to `list`; false when a newer search has started meanwhile. */
  async function addResults(list: HTMLOListElement, results: ResultList, from: number, search: number) {
    const page = await results.page(from, from + pageSize);
    if (search !== latest) return false;
    list.append(...page.map(resultItem));
    return true;
  }

  /** A "Show more results" button after the list while results remain; it moves focus to the first new one. */
  function offerMore(list: HTMLOListElement, results: ResultList, shown: number) {
    output.querySelector('[data-more]')?.remove();
    if (shown >= results.count) return;
    const more = element(
      'button',
      'mt-3 rounded-md border border-border px-4 py-2 text-sm font-semibold hover:bg-surface',
      'Show more results',
    );
    more.type = 'button';
    more.dataset.more = '';
    more.addEventListener('click', async () => {
      if (!(await addResults(list, results, shown, latest))) return;
      offerMore(list, results, shown + pageSize);
      links()[shown]?.focus();
    });
    output.append(more);
  }

  /** Draws `results` in place of whatever was shown; false when a newer search has started meanwhile. */
  async function show(pagefind: Pagefind, state: SearchState, results: ResultList, search: number) {
    if (results.count === 0) {
      const empty = await emptyState(pagefind, state.q.trim());
      if (search !== latest) return false;
      output.replaceChildren(empty);
      return true;
    }
    // The new list replaces the old one only when complete, so results never flash empty while typing.
    const list = element('ol', 'list-none p-0');
    list.setAttribute('aria-label', 'Search results');
    if (!(await addResults(list, results, 0, search))) return false;
    output.replaceChildren(list);
    offerMore(list, results, pageSize);
    return true;
  }

  /**
   * Swaps the shown list's items for `results` (as many as were shown), in the same list element so the
   * page does not jump, and gives focus back to the same result, the "more" button, or the search box.
   */
  async function update(pagefind: Pagefind, state: SearchState, results: ResultList, search: number) {
    const list = output.querySelector('ol');
    if (!list || results.count === 0) return show(pagefind, state, results, search);
    const page = await results.page(0, Math.max(pageSize, list.children.length));
    if (search !== latest) return false;
    const focused = document.activeElement;
    const focusedHref = focused?.matches('a[data-result-link]') ? focused.getAttribute('href') : null;
    const onMore = focused?.matches('[data-more]') ?? false;
    list.replaceChildren(...page.map(resultItem));
    offerMore(list, results, page.length);
    if (focusedHref !== null) (links().find((a) => a.getAttribute('href') === focusedHref) ?? input).focus();
    else if (onMore) (output.querySelector<HTMLElement>('[data-more]') ?? input).focus();
    return true;
  }

  /** The list now shows every index: say so to the benchmark and announce the count, once. */
  function complete(count: number, state: SearchState) {
    output.dataset.searchComplete = 'true';
    status.textContent = resultCountMessage(count, state.q);
  }

  let typing: ReturnType<typeof setTimeout> | undefined;

  async function run(state: SearchState) {
    // A search started any other way (Enter, a filter) replaces the one waiting for a pause.
    clearTimeout(typing);
    const search = ++latest;
    if (!hasCriteria(state)) {
      output.replaceChildren();
      output.dataset.searchComplete = 'true';
      status.textContent = '';
      return;
    }
    output.setAttribute('aria-busy', 'true');
    output.dataset.searchComplete = 'false';
    let pagefind: Pagefind;
    let results: ResultList;
    let shards = mergedShards();
    try {
      pagefind = await loadPagefind();
      results = await findResults(pagefind, state, shards);
      if (search !== latest) return;
      if (!shards && results.count < FEW_RESULTS) {
        // So few recent results that the archives may hold the better ones: merge before showing.
        shards = await mergeArchives(pagefind).catch(() => undefined);
        if (shards) results = await findResults(pagefind, state, shards);
        if (search !== latest) return;
      }
      if (!(await show(pagefind, state, results, search))) return;
    } catch {
      if (search !== latest) return;
      const text = unavailableMessage(isDevelopment);
      notice(text);
      status.textContent = text;
      return;
    } finally {
      if (search === latest) output.removeAttribute('aria-busy');
    }
    if (shards) return complete(results.count, state);
    // Only the recent index was searched: merge the archives and update the list in place.
    try {
      shards = await mergeArchives(pagefind);
      if (search !== latest) return;
      const all = await findResults(pagefind, state, shards);
      if (search !== latest || !(await update(pagefind, state, all, search))) return;
      complete(all.count, state);
    } catch {
      // The recent results stay; the count is announced for what is shown, the list stays incomplete.
      if (search === latest) status.textContent = resultCountMessage(results.count, state.q);
    }
  }

  // Arrow keys walk from the search box through the result links and back; Enter follows a link.
  function onKey(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const all = links();
    const current = event.target === input ? -1 : all.indexOf(event.target as HTMLAnchorElement);
    if (event.target !== input && current === -1) return;
    const next = nextFocusIndex(current, event.key, all.length);
    if (next === null) return;
    event.preventDefault();
    (next === -1 ? input : all[next]).focus();
  }
  input.addEventListener('keydown', onKey);
  output.addEventListener('keydown', onKey);

  return {
    run,
    searchAsYouType(search) {
      input.addEventListener('input', () => {
        // One or two letters match an index chunk the finished word rarely needs; at 10,000 articles
        // that wasted fetch was 65 kB (docs/benchmarks.md).
        const term = input.value.trim();
        if (term.length >= PRELOAD_MIN_LENGTH)
          loadPagefind().then(
            (p) => p.preload(term),
            () => {},
          );
        clearTimeout(typing);
        typing = setTimeout(search, TYPING_PAUSE);
      });
    },
    firstResult: () => links()[0] ?? null,
  };
}
