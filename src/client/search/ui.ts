// Everything search needs once a reader asks for it, built as its own chunk that the bootstrap adds
// on intent (see ../load-on-intent.ts).
import { handOver } from '../load-on-intent';
import { openSearchDialog } from './dialog';
import { startSearchPage } from './page';

export type OpenSearchDialog = typeof openSearchDialog;

// Loaded because the reader asked: on /search/ for the page's own search, anywhere else for the dialog.
const pageForm = document.querySelector<HTMLFormElement>('[data-search-page]');
if (pageForm) startSearchPage(pageForm);
else openSearchDialog();
// Later requests for the dialog go straight to it.
handOver(openSearchDialog satisfies OpenSearchDialog);
