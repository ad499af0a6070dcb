// The only search code a page loads up front, kept to a few hundred bytes: it waits for the reader
// to ask for search (the header control, "/" or Ctrl/Cmd-K, or the /search/ form) and then loads
// the UI. Without JavaScript the control is simply a link to /search/.
import uiUrl from 'virtual:follow-through/search-ui';
import type { SearchUi } from './ui';

const control = document.querySelector<HTMLAnchorElement>('[data-search-control]');
const pageForm = document.querySelector<HTMLFormElement>('[data-search-page]');
let ui: Promise<SearchUi> | undefined;

function loadUi(): Promise<SearchUi> {
  return (ui ??= new Promise((resolve, reject) => {
    // ui.ts announces itself with this event (a module script has no return value).
    addEventListener('search-ui', (event) => resolve((event as CustomEvent<SearchUi>).detail), { once: true });
    const script = document.createElement('script');
    script.type = 'module';
    script.src = uiUrl;
    script.onerror = reject;
    document.head.append(script);
  }));
}

function open() {
  // On /search/ itself the page's own box is the search. If the UI cannot load, the link still works.
  if (pageForm) pageForm.q.focus();
  else loadUi().then((m) => m.openSearchDialog(), () => location.assign(control!.href));
}

control?.setAttribute('aria-haspopup', 'dialog');
control?.addEventListener('click', (event) => {
  // Let new-tab and new-window clicks follow the link.
  if (event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  open();
});

addEventListener('keydown', (event) => {
  const modifier = event.metaKey || event.ctrlKey;
  const typing = (event.target as HTMLElement).closest('input,textarea,select,[contenteditable]');
  // "K" too: with Caps Lock on, Ctrl-K reports an upper-case key.
  if (event.altKey || !(/^k$/i.test(event.key) ? modifier : event.key === '/' && !modifier && !typing)) return;
  event.preventDefault();
  open();
});

if (pageForm) {
  const start = () => loadUi().then((m) => m.startSearchPage(pageForm));
  // A shared link (/search/?q=...) searches at once; otherwise wait until the reader uses the form.
  if (location.search) start();
  else pageForm.addEventListener('focusin', start, { once: true });
}
