// The header's search dialog, built on first use so pages carry none of its markup or code.
import { basePath } from '../../config';
import { searchUrl, underBase } from '../../domain/urls';
import { emptySearch, searchQueryString } from '../../domain/search/search-state';
import { createSearchView } from './search-view';

let dialog: HTMLDialogElement | undefined;

function build(): HTMLDialogElement {
  const searchPage = underBase(searchUrl(), basePath);
  const box = document.createElement('dialog');
  box.className =
    'mx-auto mt-[8vh] mb-auto w-[min(42rem,calc(100%-1.5rem))] max-h-[84vh] overflow-hidden rounded-lg border border-border bg-bg p-0 text-fg shadow-2xl backdrop:bg-black/60';
  box.setAttribute('aria-labelledby', 'search-dialog-title');
  box.innerHTML = `
    <div class="flex items-center justify-between gap-4 border-b border-border px-4 py-3">
      <h2 id="search-dialog-title" class="text-lg font-semibold">Search the site</h2>
      <button type="button" data-close class="rounded-md border border-border px-3 py-1 text-sm hover:bg-surface">Close</button>
    </div>
    <form role="search" action="${searchPage}" method="get" class="px-4 pt-4">
      <label for="search-dialog-q" class="mb-1 block text-sm font-semibold">Words to find</label>
      <input id="search-dialog-q" name="q" type="search" autocomplete="off" spellcheck="false" enterkeyhint="go"
        aria-describedby="search-dialog-hint"
        class="w-full rounded-md border border-border bg-bg px-3 py-2 text-base text-fg" />
      <p id="search-dialog-hint" class="mt-1 text-xs text-muted">Arrow keys move through results, Enter opens one, Escape closes.</p>
    </form>
    <p role="status" class="sr-only"></p>
    <div data-output class="max-h-[55vh] overflow-y-auto px-4 py-2"></div>
    <p class="border-t border-border px-4 py-3 text-sm"><a data-full href="${searchPage}">Filter and sort on the search page</a></p>`;
  document.body.append(box);

  const input = box.querySelector<HTMLInputElement>('input')!;
  const view = createSearchView({
    input,
    status: box.querySelector<HTMLElement>('[role="status"]')!,
    output: box.querySelector<HTMLElement>('[data-output]')!,
  });
  const full = box.querySelector<HTMLAnchorElement>('[data-full]')!;
  const search = () => {
    const state = { ...emptySearch, q: input.value };
    full.href = `${searchPage}${searchQueryString(state)}`;
    return view.run(state);
  };

  view.searchAsYouType(search);
  // Enter in the box opens the first result once results are shown; before that it searches now.
  box.querySelector('form')!.addEventListener('submit', async (event) => {
    event.preventDefault();
    await search();
    view.firstResult()?.click();
  });
  box.querySelector('[data-close]')!.addEventListener('click', () => box.close());
  // Escape always closes (a search field would otherwise spend the first press clearing itself).
  box.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    box.close();
  });
  // A click on the backdrop lands on the <dialog> itself, outside its content.
  box.addEventListener('click', (event) => {
    if (event.target === box) box.close();
  });
  return box;
}

/** Opens the dialog with focus in the search box; focus returns to where it was when it closes. */
export function openSearchDialog(): void {
  dialog ??= build();
  if (dialog.open) {
    dialog.querySelector('input')!.focus();
    return;
  }
  const opener = document.activeElement as HTMLElement | null;
  dialog.addEventListener('close', () => opener?.isConnected && opener.focus(), { once: true });
  dialog.showModal();
  const input = dialog.querySelector('input')!;
  input.focus();
  input.select();
}
