// The /search/ page: runs the search in its address on load and keeps the address in step
// with the form as the reader types, so any search can be bookmarked or shared.
import { readSearchState, searchQueryString, type SearchState, type SortOrder } from '../../domain/search/search-state';
import { createSearchView } from './search-view';

export function startSearchPage(form: HTMLFormElement): void {
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  const input = field('q') as HTMLInputElement;
  const view = createSearchView({
    input,
    status: document.getElementById('search-status')!,
    output: document.getElementById('search-output')!,
  });

  const fromForm = (): SearchState => ({
    q: input.value,
    topic: field('topic').value,
    type: field('type').value,
    sort: field('sort').value as SortOrder,
  });

  const search = () => {
    const state = fromForm();
    history.replaceState(history.state, '', `${location.pathname}${searchQueryString(state)}`);
    return view.run(state);
  };

  // The address wins over whatever the browser restored into the form.
  const initial = readSearchState(new URLSearchParams(location.search));
  if (location.search) {
    input.value = initial.q;
    field('topic').value = initial.topic;
    field('type').value = initial.type;
    field('sort').value = initial.sort;
  }

  view.searchAsYouType(search);
  form.addEventListener('change', (event) => {
    if (event.target !== input) search();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  search();
}
