// Search over the sharded index (the tests' build cuts it small: see src/config.ts): the first results
// come from the recent index alone, then the archive indexes are merged and the same list updates in
// place, focus kept and the count announced once. `data-search-complete` tells which of the two is shown.
import { expect, test, type Page, type Route } from '@playwright/test';
import {
  article,
  hrefs,
  isSearchFile,
  networkLog,
  resultsComplete,
  resultsRegion,
  searchDialog,
  searchPage,
} from './support/search';

/** The test fixture article, the oldest of the test site: only an archive index holds its words. */
const archivedArticle = '/advice/search-archive-fixture/';
const isArchiveFile = (path: string) => /\/pagefind\/(archives\.json|archive-)/.test(path);

/** Holds back the list of archive indexes until the test lets it through, so the first results can be seen alone. */
async function holdArchiveList(page: Page) {
  let held: Route | undefined;
  let arrived = () => {};
  const requested = new Promise<void>((resolve) => (arrived = resolve));
  await page.route('**/pagefind/archives.json', (route) => {
    held = route;
    arrived();
  });
  return {
    requested,
    release: async () => {
      await requested;
      await held!.continue();
    },
  };
}

test('a word only an old article contains finds it in an archive index, in the dialog and on /search/', async ({
  page,
}) => {
  await page.goto(article);
  await page.keyboard.press('/');
  const dialog = searchDialog(page);
  await dialog.box.fill('palimpsest');
  await expect(dialog.status).toHaveText('1 result for “palimpsest”.');
  expect(await hrefs(dialog.results)).toEqual([archivedArticle]);
  await resultsComplete(page, 'dialog');

  await page.goto('/search/?q=palimpsest');
  const onPage = searchPage(page);
  await expect(onPage.status).toHaveText('1 result for “palimpsest”.');
  expect(await hrefs(onPage.results)).toEqual([archivedArticle]);
  await resultsComplete(page, 'main');
});

test('the first results come from the recent index alone; the archives are fetched after them', async ({ page }) => {
  const requests = networkLog(page);
  const archiveList = await holdArchiveList(page);
  await page.goto(article);
  await page.keyboard.press('/');
  const { box, status, results } = searchDialog(page);
  const output = resultsRegion(page, 'dialog');
  await box.fill('interview');

  await expect(results.first()).toBeVisible();
  await expect(output).toHaveAttribute('data-search-complete', 'false');
  const beforeFirstResults = requests.filter(isSearchFile).map((r) => new URL(r.url()).pathname);
  expect(beforeFirstResults.some((p) => p.startsWith('/pagefind/index/'))).toBe(true);
  expect(beforeFirstResults.filter((p) => isArchiveFile(p) && !p.endsWith('archives.json'))).toEqual([]);
  const recentCount = await results.count();
  await expect(status).toHaveText('');

  await archiveList.release();
  await expect(output).toHaveAttribute('data-search-complete', 'true');
  await expect(status).toHaveText(/^\d+ results for “interview”\.$/);
  const total = Number((await status.textContent())!.split(' ')[0]);
  expect(total).toBeGreaterThan(recentCount);
  const fetched = requests.map((r) => new URL(r.url()).pathname);
  expect(fetched.some((p) => /^\/pagefind\/archive-[0-9a-f]{16}\/pagefind-entry\.json$/.test(p))).toBe(true);
});

test('merging the archives updates the same list in place, keeps focus on the same result, announces once', async ({
  page,
}) => {
  const archiveList = await holdArchiveList(page);
  await page.goto('/search/');
  const { box, status, results } = searchPage(page);
  await box.fill('interview');
  await expect(results.first()).toBeVisible();
  const output = resultsRegion(page, 'main');
  await expect(output).toHaveAttribute('data-search-complete', 'false');

  // Mark the list element and record every announcement, to see what the merge changes.
  await page.evaluate(() => {
    const list = document.querySelector('main ol[aria-label="Search results"]') as HTMLOListElement & {
      marked?: boolean;
    };
    list.marked = true;
    const live = document.getElementById('search-status')!;
    const said: string[] = ((window as unknown as { said: string[] }).said = []);
    new MutationObserver(() => live.textContent && said.push(live.textContent)).observe(live, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await box.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toBeFocused();
  const focusedHref = (await hrefs(results.nth(1)))[0];

  await archiveList.release();
  await expect(output).toHaveAttribute('data-search-complete', 'true');
  const focused = page.locator('main a[data-result-link]:focus');
  await expect(focused).toHaveCount(1);
  expect((await hrefs(focused))[0]).toBe(focusedHref);
  expect(
    await page.evaluate(
      () => (document.querySelector('main ol[aria-label="Search results"]') as { marked?: boolean } | null)?.marked,
    ),
  ).toBe(true);
  await expect(status).toHaveText(/^\d+ results for “interview”\.$/);
  expect(await page.evaluate(() => (window as unknown as { said: string[] }).said)).toEqual([
    await status.textContent(),
  ]);
});

test('newest first lists results from every index by date', async ({ page }) => {
  await page.goto('/search/?q=interview&sort=newest');
  const { status, items } = searchPage(page);
  await resultsComplete(page, 'main');
  await expect(status).toHaveText(/^\d+ results for “interview”\.$/);
  while (await page.getByRole('button', { name: 'Show more results' }).isVisible()) {
    const before = await items.count();
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect(items).not.toHaveCount(before);
  }
  const shown = await items.count();
  expect(shown).toBe(Number((await status.textContent())!.split(' ')[0]));
  const dates = await items.evaluateAll((lis) =>
    lis.map((li) => Date.parse(li.querySelector('p.text-xs')?.textContent?.split(' · ').at(-1) ?? '')),
  );
  const dated = dates.filter((d) => !Number.isNaN(d));
  expect(dated.length).toBeGreaterThan(10);
  expect(dated).toEqual([...dated].sort((a, b) => b - a));
});
