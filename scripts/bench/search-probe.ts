// A reader's first search, measured in a real Chromium against the production server: open the
// header dialog on an article, type the query at a person's pace, and record what the browser
// fetched for search and how long after the last keystroke the results were on screen.
import { chromium, type Browser, type Request } from '@playwright/test';
import { chromiumArgs, chromiumPath, noChromiumMessage } from '../support/chromium.ts';

export interface QueryFigures {
  query: string;
  /** Bytes over the wire (headers and bodies) for everything search fetched, with a cold cache. */
  bytes: number;
  requests: number;
  /** From the keydown of the last character to the result count being announced (results drawn). */
  ms: number;
  /** The count the interface announced. */
  results: number;
  /** Paths of the results shown on the first page. */
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
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    await page.goto(pageUrl);
    await page.waitForLoadState('networkidle');
    const before = requests.length;

    await page.keyboard.press('/');
    const dialog = page.getByRole('dialog', { name: 'Search the site' });
    const box = dialog.getByRole('searchbox', { name: 'Words to find' });
    await box.waitFor();
    await page.evaluate((full) => {
      const state = window as unknown as { lastKey: number; shown: number };
      const input = document.querySelector('dialog input')!;
      const status = document.querySelector('dialog [role="status"]')!;
      input.addEventListener('keydown', () => (state.lastKey = performance.now()));
      new MutationObserver(() => {
        // Only the announcement for the whole query counts, not one for a prefix typed earlier.
        if (/results? for/.test(status.textContent ?? '') && status.textContent!.includes(`“${full}”`))
          state.shown = performance.now();
      }).observe(status, { childList: true, characterData: true, subtree: true });
    }, query);
    await page.keyboard.type(query, { delay: keyDelayMs });
    const status = dialog.getByRole('status');
    await status.filter({ hasText: `for “${query}”` }).waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');

    const searchRequests = requests.slice(before);
    const files: QueryFigures['files'] = [];
    for (const r of searchRequests) {
      const response = await r.response();
      if (!response) continue;
      const sizes = await r.sizes();
      // Chromium reports no body size for a worker's own script (pagefind-worker.js); what the server
      // said it sent (compressed, when it compresses) still counts, or else the body itself.
      const declared = Number(response.headers()['content-length']);
      const body = sizes.responseBodySize || declared || (await response.body().catch(() => Buffer.alloc(0))).length;
      files.push({
        path: new URL(r.url()).pathname,
        status: response.status(),
        bytes: body + sizes.responseHeadersSize,
      });
    }
    const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    const ms = await page.evaluate(() => {
      const state = window as unknown as { lastKey: number; shown: number };
      return state.shown - state.lastKey;
    });
    const announced = (await status.textContent()) ?? '';
    const shown = await dialog
      .getByRole('list', { name: 'Search results' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    return {
      query,
      bytes,
      requests: searchRequests.length,
      ms,
      results: Number(/^(\d+)/.exec(announced)?.[1] ?? 0),
      shown,
      files,
    };
  } finally {
    await context.close();
  }
}
