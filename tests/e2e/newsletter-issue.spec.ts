// The daily briefing as a reader finds it on the site: the archive, an issue page in both colour
// schemes, and an issue found by search under the "Newsletter" type.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { hrefs, searchPage } from './support/search';

const ISSUE_PATH = /^\/newsletter\/(\d{4}-\d{2}-\d{2})\/$/;

async function archivedIssues(page: Page): Promise<string[]> {
  await page.goto('/newsletter/archive/');
  return (await hrefs(page.locator('main article a'))).filter((href) => ISSUE_PATH.test(href));
}

test('the archive lists the issues newest first and links each to its page', async ({ page }) => {
  const issues = await archivedIssues(page);
  expect(issues.length).toBeGreaterThanOrEqual(3);
  const dates = issues.map((href) => ISSUE_PATH.exec(href)![1]);
  expect(dates).toEqual([...dates].sort().reverse());

  for (const href of issues) {
    await page.goto('/newsletter/archive/');
    const link = page.locator(`main article a[href="${href}"]`);
    const subject = (await link.textContent())!.trim();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject);
    await expect(page.getByRole('heading', { name: 'New on the site' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'New jobs' })).toBeVisible();
  }
});

test('the signup page offers the latest issue as a sample', async ({ page }) => {
  const [latest] = await archivedIssues(page);
  await page.goto('/newsletter/');
  await page.getByRole('link', { name: /the latest issue/ }).click();
  await expect(page).toHaveURL(new RegExp(`${latest}$`));
});

test('axe: 0 violations on an issue page and the archive, light and dark', async ({ page }) => {
  const [latest] = await archivedIssues(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of [latest, '/newsletter/archive/']) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  }
});

test('search finds an issue under the "Newsletter" type', async ({ page }) => {
  await page.goto('/search/?q=regulatory+references&type=Newsletter');
  const { results } = searchPage(page);
  await expect(results.first()).toBeVisible();
  const found = await hrefs(results);
  expect(found.length).toBeGreaterThan(0);
  for (const href of found) expect(href).toMatch(ISSUE_PATH);
  await expect(page.getByLabel('Type')).toHaveValue('Newsletter');
});
