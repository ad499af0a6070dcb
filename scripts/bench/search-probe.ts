// A reader's first search, measured in a real Chromium against the production server: open the
// header dialog on an article, type the query at a person's pace, and record what the browser
// fetched for search and how long after the last keystroke the first results, then the complete
// results (every search index merged), were on screen.
import { chromium, type Browser, type Request } from '@playwright/test';
import { chromiumArgs, chromiumPath, noChromiumMessage } from '../support/chromium.ts';

/** What the reader had fetched, and how long after the last keystroke, at one moment of a search. */
export interface SearchMoment {
  /** Bytes over the wire (headers and bodies) for everything search fetched up to this moment, with a cold cache. */
  bytes: number;
  requests: number;
  /** From the keydown of the last character to this moment. */
  ms: number;
  /** First results: the results drawn (the first page); complete: the count the interface announced. */
  results: number;
}

export interface QueryFigures extends SearchMoment {
  query: string;
  /**
   * When the results of the full query were complete: every archive index merged, the output marked
   * `data-search-complete="true"` and the count announced. The top-level figures are the first results:
   * the first list drawn for the full query (from the recent index; with one index, complete as well).
   */
  complete: SearchMoment;
  /** Paths of the results shown on the first page once complete. */
  shown: string[];
  /** What was fetched, path and bytes, for finding where the bytes go. */
  files: { path: string; status: number; bytes: number }[];
}

/** Typing speed of a quick typist, about 100 words a minute. */
const keyDelayMs = 60;

export async function openBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(noChromiumMessage);
  return chromium.launch({ executablePath, args: chromiumArgs });
}

/** Fresh readers measured per query; the table shows the middle one, as one run is at the mercy of a shared machine. */
export const readersPerQuery = 3;

/** Measures `readersPerQuery` first searches and returns the one with the median time (with every time seen). */
export async function measureQuery(
  browser: Browser,
  pageUrl: string,
  query: string,
): Promise<QueryFigures & { allMs: number[] }> {
  const runs: QueryFigures[] = [];
  for (let i = 0; i < readersPerQuery; i++) runs.push(await measureFirstQuery(browser, pageUrl, query));
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  return { ...sorted[Math.floor(sorted.length / 2)], allMs: runs.map((r) => Math.round(r.ms)) };
}

async function measureFirstQuery(browser: Browser, pageUrl: string, query: string): Promise<QueryFigures> {
  // A fresh context per reader: nothing cached from the previous one, as for a new reader.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    /** Each request with the wall-clock time it was sent (the page's Date.now() shares the clock). */
    const requests: { request: Request; at: number }[] = [];
    page.on('request', (request) => requests.push({ request, at: Date.now() }));
    await page.goto(pageUrl);
    await page.waitForLoadState('networkidle');
    const before = requests.length;

    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search the site' });
    const box = dialog.getByRole('searchbox', { name: 'Words to find' });
    await box.waitFor();
    await page.evaluate((full) => {
      const state = window as unknown as BenchState;
      const dialogElement = document.querySelector('dialog')!;
      const input = dialogElement.querySelector('input')!;
      const status = dialogElement.querySelector('[role="status"]')!;
      const output = dialogElement.querySelector<HTMLElement>('[data-output]')!;
      const announced = () =>
        /results? for/.test(status.textContent ?? '') && status.textContent!.includes(`“${full}”`);
      input.addEventListener('keydown', () => (state.lastKey = performance.now()));
      const mark = (results: number) => ({ ms: performance.now() - state.lastKey, at: Date.now(), results });
      new MutationObserver(() => {
        if (state.lastKey === undefined) return;
        // Keys come faster than the view's typing pause, so the only search drawn after the last
        // keystroke is the full query's: its first results are the first list drawn, not yet announced.
        const links = output.querySelectorAll('ol[aria-label="Search results"] a[data-result-link]');
        if (!state.first && links.length > 0 && !output.hasAttribute('aria-busy')) state.first = mark(links.length);
        // Complete: every index merged (the view's data-search-complete) and the count announced, once.
        if (state.first && !state.complete && output.dataset.searchComplete === 'true' && announced()) {
          state.complete = mark(Number(/^(\d+)/.exec(status.textContent ?? '')?.[1] ?? 0));
        }
      }).observe(dialogElement, { childList: true, characterData: true, subtree: true, attributes: true });
    }, query);
    await page.keyboard.type(query, { delay: keyDelayMs });
    await page.waitForFunction(() => (window as unknown as BenchState).complete, null, { timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    const { first, complete } = await page.evaluate(() => {
      const { first, complete } = window as unknown as Required<BenchState>;
      return { first, complete };
    });

    const files: (QueryFigures['files'][number] & { at: number })[] = [];
    for (const { request, at } of requests.slice(before)) {
      const response = await request.response();
      if (!response) continue;
      const sizes = await request.sizes();
      // Chromium reports no body size for a worker's own script (pagefind-worker.js); what the server
      // said it sent (compressed, when it compresses) still counts, or else the body itself.
      const declared = Number(response.headers()['content-length']);
      const body = sizes.responseBodySize || declared || (await response.body().catch(() => Buffer.alloc(0))).length;
      files.push({
        path: new URL(request.url()).pathname,
        status: response.status(),
        bytes: body + sizes.responseHeadersSize,
        at,
      });
    }
    const moment = ({ ms, at, results }: Mark): SearchMoment => {
      const sent = files.filter((f) => f.at <= at);
      return { ms, results, bytes: sent.reduce((sum, f) => sum + f.bytes, 0), requests: sent.length };
    };
    const shown = await dialog
      .getByRole('list', { name: 'Search results' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    return {
      query,
      ...moment(first),
      complete: moment(complete),
      shown,
      files: files.map(({ path, status, bytes }) => ({ path, status, bytes })),
    };
  } finally {
    await context.close();
  }
}

interface Mark {
  ms: number;
  at: number;
  results: number;
}

interface BenchState {
  lastKey: number;
  first?: Mark;
  complete?: Mark;
}
