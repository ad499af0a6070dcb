import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

const flagship = '/advice/interview-follow-through/';

test('an article’s share links are plain links to each network and load nothing from elsewhere', async ({ page }) => {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) elsewhere.push(request.url());
  });
  await page.goto(flagship);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  const share = page.locator('p', { hasText: 'Share:' });
  await expect(share.getByRole('link', { name: 'LinkedIn' })).toHaveAttribute(
    'href',
    `https://www.linkedin.com/sharing/share-offsite/?url=${canonical}`,
  );
  const x = new URL((await share.getByRole('link', { name: 'X' }).getAttribute('href'))!);
  expect([x.origin + x.pathname, x.searchParams.get('url')]).toEqual(['https://x.com/intent/post', canonical]);
  const email = new URL((await share.getByRole('link', { name: 'email' }).getAttribute('href'))!);
  expect([email.searchParams.get('subject'), email.searchParams.get('body')]).toEqual([
    await page.locator('h1').innerText(),
    canonical,
  ]);
  await expectNoAxeViolations(page, 'p:has([data-copy-link])');
  expect(elsewhere).toEqual([]);
});

test('"Copy link" copies the article’s address and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(flagship);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  await page.getByRole('button', { name: 'Copy link' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('output')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
});

test('"Copy link" loads its code only on intent, and a click that comes first still copies', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const loaded: string[] = [];
  page.on('request', (request) => {
    if (/\/copy-link\.[\w-]+\.js$/.test(request.url())) loaded.push(request.url());
  });
  await page.goto(flagship);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  expect(loaded, 'nothing of the copying code before the reader reaches for the button').toEqual([]);
  // A tap on a slow connection: the click arrives with no pointer or focus before it.
  await page.locator('[data-copy-link]').evaluate((button: HTMLButtonElement) => button.click());
  await expect(page.locator('output')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
  expect(loaded).toHaveLength(1);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the share links work and "Copy link", which would need it, is not offered', async ({ page }) => {
    await page.goto(flagship);
    await expect(page.getByRole('link', { name: 'LinkedIn' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  });
});
