// Everything search needs once a reader asks for it, built as its own chunk. The bootstrap loads it
// with a <script type="module"> rather than import(): Vite 8 wraps every import() in its preload
// helper (about 0.9 kB gzipped), which would not fit the ~1 kB of JavaScript a page may load up front.
import { openSearchDialog } from './dialog';
import { startSearchPage } from './page';

export interface SearchUi {
  openSearchDialog: typeof openSearchDialog;
  startSearchPage: typeof startSearchPage;
}

/** The event the bootstrap waits for; its detail is the interface above. */
export const searchUiReadyEvent = 'search-ui';

dispatchEvent(new CustomEvent<SearchUi>(searchUiReadyEvent, { detail: { openSearchDialog, startSearchPage } }));
