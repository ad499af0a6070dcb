// Loaded on demand by JobBoard.astro as a script of its own. Filters the job board in place: a filter
// click shows and hides the roles already in the page, refreshes every filter link (address, count,
// current state), the heading, the title and the announced count, and records the view in the address
// bar so Back and a shared link both work.
import { filterFromPath, filterHeading, filterPath, type JobFilter } from '../domain/jobs/filters';
import { openRolesText } from '../domain/jobs/open-roles';

type Key = keyof JobFilter;

/** The address is the one record of the view, so Back, Forward and reloads all agree with it. */
const viewInAddressBar = (): JobFilter => filterFromPath(location.pathname) ?? {};

function enhanceBoard(): void {
  const board = document.querySelector<HTMLElement>('[data-job-board]');
  if (!board) return;
  const cards = [...board.querySelectorAll<HTMLElement>('[data-job]')];
  const links = [...board.querySelectorAll<HTMLAnchorElement>('a[data-filter-key]')];
  const heading = board.querySelector('h1')!;
  const status = board.querySelector('[data-board-status]')!;
  const empty = board.querySelector<HTMLElement>('[data-board-empty]')!;
  // The layout appends the site name to the heading; keep that part as it is.
  const titleSuffix = document.title.slice(heading.textContent!.length);
  let current = viewInAddressBar();

  const matching = (view: JobFilter) =>
    cards.filter((card) => (Object.keys(view) as Key[]).every((key) => !view[key] || card.dataset[key] === view[key]));
  // The view a link leads to: the current one with the link's own option swapped in.
  const targetOf = (link: HTMLAnchorElement, view: JobFilter): JobFilter => ({
    ...view,
    [link.dataset.filterKey as Key]: link.dataset.filterValue || undefined,
  });
  // The heading uses the display names printed on the filter links.
  const labelOf = (key: Key, view: JobFilter) =>
    view[key]
      ? links.find((link) => link.dataset.filterKey === key && link.dataset.filterValue === view[key])?.dataset.label
      : undefined;

  function show(view: JobFilter) {
    const visible = new Set(matching(view));
    for (const card of cards) card.hidden = !visible.has(card);
    for (const link of links) {
      const target = targetOf(link, view);
      link.href = filterPath(target);
      link.querySelector('[data-count]')!.textContent = `(${matching(target).length})`;
      const active = (view[link.dataset.filterKey as Key] ?? '') === link.dataset.filterValue;
      if (active) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    heading.textContent = filterHeading({ location: labelOf('location', view), function: labelOf('function', view) });
    document.title = heading.textContent + titleSuffix;
    status.textContent = openRolesText(visible.size);
    empty.hidden = visible.size > 0;
  }

  board.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-filter-key]');
    // New-tab and new-window clicks follow the link to the static page.
    if (!link || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    current = targetOf(link, current);
    show(current);
    history.pushState(null, '', filterPath(current));
  });
  addEventListener('popstate', () => {
    current = viewInAddressBar();
    show(current);
  });
  board.dataset.enhanced = '';
}

enhanceBoard();
