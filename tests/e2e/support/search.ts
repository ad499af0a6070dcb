// What the search specs share: the article they start from, the search dialog and the /search/ page
// as a reader finds them by role, and a log of what the page fetched.
import { expect, type Locator, type Page, type Request } from '@playwright/test';

export const article = '/advice/thank-you-note-after-interview/';
/** A result's date as shown, e.g. "4 Mar 2026" or "29 Sept 2026" (en-GB's short September). */
export const shortDate = /\d{1,2} [A-Z][a-z]{2,3} \d{4}/;

/** Every request the page makes, in order, so tests can say what was fetched and when. */
export function networkLog(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  return requests;
}
export const isSearchFile = (r: Request) => /\/pagefind\/|\/_astro\/search-ui\./.test(new URL(r.url()).pathname);

export function searchDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Search the site' });
  return {
    dialog,
    box: dialog.getByRole('searchbox', { name: 'Words to find' }),
    status: dialog.getByRole('status'),
    results: dialog.getByRole('list', { name: 'Search results' }).getByRole('link'),
  };
}

export function searchPage(page: Page) {
  const main = page.locator('main');
  return {
    box: main.getByRole('searchbox', { name: 'Words to find' }),
    status: main.getByRole('status'),
    results: main.getByRole('list', { name: 'Search results' }).getByRole('link'),
    items: main.getByRole('list', { name: 'Search results' }).getByRole('listitem'),
  };
}

/**
 * The results region of the dialog or the /search/ page. Its `data-search-complete` is "false" while
 * the archive indexes are still to be merged into the shown list, "true" once it shows every index.
 */
export const resultsRegion = (page: Page, where: 'dialog' | 'main') => page.locator(`${where} [data-search-complete]`);

/** Waits until the shown results come from every index (the list is then final, its count announced). */
export async function resultsComplete(page: Page, where: 'dialog' | 'main'): Promise<void> {
  await expect(resultsRegion(page, where)).toHaveAttribute('data-search-complete', 'true');
}

export async function hrefs(links: Locator): Promise<string[]> {
  return links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** A job that is live in this build, read from the jobs page so the test never names an expired one. */
export async function liveJob(page: Page): Promise<{ title: string; path: string }> {
  await page.goto('/jobs/');
  const jobs = await page
    .locator('main a[href^="/jobs/"]')
    .evaluateAll((as) =>
      as
        .map((a) => ({ title: a.textContent!.trim(), path: a.getAttribute('href')! }))
        .filter((j) => /^\/jobs\/[a-z0-9-]+\/$/.test(j.path) && !/^\/jobs\/(function|location)\//.test(j.path)),
    );
  expect(jobs.length, 'the jobs page lists live jobs').toBeGreaterThan(0);
  return jobs[0];
}
