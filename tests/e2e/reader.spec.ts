import { expect, test } from '@playwright/test';
import { tabTo, useSkipLink } from './support/keyboard';

const flagship = '/advice/interview-follow-through/';

test('a keyboard-only reader goes home -> flagship -> related article -> its topic -> its author', async ({ page }) => {
  await page.goto('/');
  await useSkipLink(page);

  await tabTo(page, `main a[href="${flagship}"]`);
  await Promise.all([page.waitForURL(`**${flagship}`), page.keyboard.press('Enter')]);
  await expect(page.locator('h1')).toContainText('follow-through');

  await useSkipLink(page);
  await tabTo(page, 'section[aria-labelledby="related-heading"] a');
  const relatedHref = await page.evaluate(() => document.activeElement!.getAttribute('href'));
  await Promise.all([page.waitForURL(`**${relatedHref}`), page.keyboard.press('Enter')]);
  expect(relatedHref).toMatch(/^\/advice\/[a-z0-9-]+\/$/);
  expect(relatedHref).not.toBe(flagship);

  await useSkipLink(page);
  await tabTo(page, 'main a[href^="/topics/"]');
  const topicHref = await page.evaluate(() => document.activeElement!.getAttribute('href'));
  await Promise.all([page.waitForURL(`**${topicHref}`), page.keyboard.press('Enter')]);
  await expect(page.locator(`main a[href="${relatedHref}"]`)).toBeVisible();

  await useSkipLink(page);
  await tabTo(page, `main a[href="${relatedHref}"]`);
  await Promise.all([page.waitForURL(`**${relatedHref}`), page.keyboard.press('Enter')]);
  await tabTo(page, 'main a[rel="author"]');
  await Promise.all([page.waitForURL('**/authors/*/'), page.keyboard.press('Enter')]);
  await expect(page.locator(`main a[href="${relatedHref}"]`)).toBeVisible();
});

test('pages run without console errors, so nothing is blocked by the Content-Security-Policy', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  for (const path of ['/', flagship, '/advice/', '/topics/interviewing/', '/authors/editorial-desk/']) {
    const response = await page.goto(path);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
  }
  expect(errors).toEqual([]);
});

test('an article shows byline, dates, reading time, topics, contents, sources and related advice', async ({ page }) => {
  await page.goto('/advice/thank-you-note-after-interview/');
  const meta = page.locator('main article').first();
  await expect(meta.locator('a[rel="author"]')).toHaveAttribute('href', /^\/authors\//);
  await expect(meta.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  await expect(meta).toContainText(/\d+ min read/);
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
  await expect(page.locator('section[aria-labelledby="related-heading"] li')).toHaveCount(4);
  const ld = await page.locator('script[type="application/ld+json"]').first().textContent();
  const types = (JSON.parse(ld!) as { '@type': string }[]).map((x) => x['@type']);
  expect(types).toEqual(['Article', 'BreadcrumbList']);
});

test('the theme choice persists across pages and is applied before the first paint', async ({ page }) => {
  // Records the theme at the moment <body> is created, i.e. before anything could be painted.
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.body) {
        (window as unknown as { themeAtBody: string | undefined }).themeAtBody = document.documentElement.dataset.theme;
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const toggle = page.locator('[data-theme-toggle]');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  await page.goto('/advice/');
  expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(18, 20, 22)');
});

test('the theme follows the system setting until the reader chooses', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('an unknown path gets the 404 page with search and the main sections', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('We could not find that page');
  await expect(page.getByRole('searchbox', { name: 'Search the site' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'All advice' }).first()).toBeVisible();
});
