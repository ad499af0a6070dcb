// The only search code a page loads up front, kept to a few hundred bytes: it waits for the reader
// to ask for search (the header control, "/" or Ctrl/Cmd-K, or the /search/ form) and then loads
// the UI, which does what was asked as it arrives. Without JavaScript the control is simply a link to /search/.
import { addScript, loadOnIntent, onHandOver } from '../load-on-intent';
import uiUrl from './ui.ts?on-intent';
import type { OpenSearchDialog } from './ui';

const control = document.querySelector<HTMLAnchorElement>('[data-search-control]');
const pageForm = document.querySelector<HTMLFormElement>('[data-search-page]');
let openDialog: OpenSearchDialog | undefined;
onHandOver<OpenSearchDialog>((open) => (openDialog = open));

function open() {
  // On /search/ itself the page's own box is the search. If the UI cannot load, the link still works.
  if (pageForm) pageForm.q.focus();
  else if (openDialog) openDialog();
  else addScript(uiUrl, () => location.assign(control!.href));
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

// A shared link (/search/?q=...) searches at once; otherwise wait until the reader uses the form.
if (pageForm && location.search) addScript(uiUrl);
else loadOnIntent(pageForm, uiUrl, 'focusin');
