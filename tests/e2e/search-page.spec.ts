// The /search/ page as a reader uses it, on the production server over the built site and its
// Pagefind index: the address, filters, ordering, paging, result markup and accessibility.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import {
  article,
  hrefs,
  isSearchFile,
  networkLog,
  resultsComplete,
  searchDialog,
  searchPage,
  shortDate,
} from './support/search';

test('the /search/ page fetches nothing of search until it is used or given ?q=', async ({ page }) => {
  const requests = networkLog(page);
  await page.goto('/search/');
  await page.waitForLoadState('networkidle');
  expect(requests.filter(isSearchFile)).toEqual([]);

  await searchPage(page).box.click();
  await page.keyboard.type('offer');
  await expect(searchPage(page).results.first()).toBeVisible();
  expect(requests.some((r) => new URL(r.url()).pathname === '/pagefind/pagefind.js')).toBe(true);
});

test.describe('the /search/ page', () => {
  test('runs ?q= on load and keeps the query in the address while the reader types', async ({ page }) => {
    await page.goto('/search/?q=decision+date');
    const { box, status, results } = searchPage(page);
    await expect(box).toHaveValue('decision date');
    await expect(status).toHaveText(/results? for “decision date”/);
    await expect(results.first()).toBeVisible();

    await box.fill('');
    await box.pressSequentially('recruiter');
    await expect(status).toHaveText(/results? for “recruiter”/);
    await expect(page).toHaveURL(/\/search\/\?q=recruiter$/);
    // The address is a working link: a fresh visit shows the same results.
    const first = await hrefs(results);
    await page.goto(page.url());
    await resultsComplete(page, 'main');
    expect(await hrefs(results)).toEqual(first);
  });

  test('topic and type filters narrow the results and are kept in the address', async ({ page }) => {
    await page.goto('/search/?q=follow+up');
    const { status, results, items } = searchPage(page);
    await expect(results.first()).toBeVisible();
    const all = await results.count();

    await page.getByLabel('Topic').selectOption('Offers');
    await expect(status).toHaveText(/results? for “follow up”/);
    await expect(page).toHaveURL(/topic=Offers/);
    await expect.poll(() => results.count()).toBeLessThan(all);
    const narrowed = await results.count();
    expect(narrowed).toBeGreaterThan(0);
    for (const item of await items.all()) await expect(item).toContainText('Offers');

    await page.getByLabel('Topic').selectOption('');
    await page.getByLabel('Type').selectOption('Job');
    await page.getByRole('searchbox', { name: 'Words to find' }).fill('analyst');
    await expect(page).toHaveURL(/q=analyst.*type=Job|type=Job.*q=analyst/);
    // The previous list stays until the new one is complete, so wait for the swap.
    await expect
      .poll(async () => {
        const list = await hrefs(results);
        return list.length > 0 && list.every((href) => /^\/jobs\/[a-z0-9-]+\/$/.test(href));
      })
      .toBe(true);
  });

  test('newest first orders articles by date', async ({ page }) => {
    await page.goto('/search/?q=interview&type=Article&sort=newest');
    const { items } = searchPage(page);
    await expect(items.first()).toBeVisible();
    const shown = await items.evaluateAll((lis) => lis.map((li) => li.textContent ?? ''));
    const dates = shown.map((text) => Date.parse(text.match(shortDate)?.[0] ?? ''));
    expect(dates.every((d) => !Number.isNaN(d))).toBe(true);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  test('long result lists come ten at a time; "Show more results" adds the rest and moves focus to them', async ({
    page,
  }) => {
    await page.goto('/search/?q=follow');
    const { status, results } = searchPage(page);
    await expect(status).toHaveText(/^\d+ results for “follow”\.$/);
    const total = Number((await status.textContent())!.match(/^\d+/)![0]);
    expect(total, 'enough pages mention "follow" to need a second page').toBeGreaterThan(10);
    await expect(results).toHaveCount(10);

    await page.getByRole('button', { name: 'Show more results' }).focus();
    await page.keyboard.press('Enter');
    await expect(results).toHaveCount(Math.min(total, 20));
    await expect(results.nth(10)).toBeFocused();
  });

  test('results show a linked title, a highlighted excerpt, the topic and the date', async ({ page }) => {
    await page.goto('/search/?q=thank+you+note');
    const first = searchPage(page).items.filter({ has: page.locator(`a[href="${article}"]`) });
    await expect(first.getByRole('link')).toHaveText(/thank-you note/i);
    await expect(first.locator('mark').first()).toHaveText(/thank|note/i);
    await expect(first).toContainText('Interviewing');
    await expect(first).toContainText(shortDate);
  });
});

// The article is a test fixture (tests/fixtures/articles), built only with TEST_FIXTURES on: no reader sees it.
test('markup-like text in an article stays inert text in results', async ({ page }) => {
  let alerted = false;
  page.on('dialog', async (d) => {
    alerted = true;
    await d.dismiss();
  });
  await page.goto('/search/?q=stray+markup+onerror');
  const result = searchPage(page).items.filter({ has: page.locator('a[href="/advice/search-escaping-fixture/"]') });
  await expect(result).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('main [role="list"] img, #search-output img')).toHaveCount(0);
  expect(alerted).toBe(false);
});

test.describe('accessibility (axe, WCAG 2.2 AA)', () => {
  test('/search/ with results shown', async ({ page }) => {
    await page.goto('/search/?q=thank+you+note');
    await expect(searchPage(page).results.first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('/search/ showing the empty state', async ({ page }) => {
    await page.goto('/search/?q=qwzxplorb');
    await expect(page.locator('main')).toContainText('Nothing matches');
    await expectNoAxeViolations(page);
  });

  test('the dialog open with results', async ({ page }) => {
    await page.goto(article);
    await page.keyboard.press('/');
    const { box, results } = searchDialog(page);
    await box.fill('offer');
    await expect(results.first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('accessibility in the dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('/search/ with highlighted results', async ({ page }) => {
    await page.goto('/search/?q=thank+you+note');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(searchPage(page).results.first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
