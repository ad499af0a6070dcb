// The header search dialog as a reader uses it, keyboard first, on the production server over the
// built site and its Pagefind index: what it fetches and when, its keys, failure, CSP and figures.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { article, hrefs, isSearchFile, networkLog, resultsComplete, searchDialog, searchPage } from './support/search';

test('nothing of search is fetched until the reader opens it', async ({ page }) => {
  const requests = networkLog(page);
  await page.goto(article);
  await page.waitForLoadState('networkidle');
  expect(requests.filter(isSearchFile).map((r) => r.url())).toEqual([]);

  await page.keyboard.press('/');
  const { box, results } = searchDialog(page);
  await box.fill('thank you');
  await expect(results.first()).toBeVisible();
  const fetched = requests.filter(isSearchFile).map((r) => new URL(r.url()).pathname);
  expect(fetched).toContain('/pagefind/pagefind.js');
  expect(fetched.some((p) => p.startsWith('/pagefind/index/'))).toBe(true);
});

test.describe('the header search dialog, keyboard only', () => {
  test('opens from the control, walks results with arrow keys, opens one with Enter', async ({ page }) => {
    await page.goto(article);
    await page.keyboard.press('Tab'); // skip link
    const control = page.getByRole('link', { name: /^Search/ }).first();
    for (let i = 0; i < 10 && !(await control.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(control).toBeFocused();
    await page.keyboard.press('Enter');

    const { dialog, box, status, results } = searchDialog(page);
    await expect(dialog).toBeVisible();
    await expect(box).toBeFocused();
    await page.keyboard.type('decision date');
    await expect(status).toHaveText(/^\d+ results? for “decision date”\.$/);
    const count = await results.count();
    expect(count).toBeGreaterThan(1);

    await page.keyboard.press('ArrowDown');
    await expect(results.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(results.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(box).toBeFocused();

    await page.keyboard.press('ArrowDown');
    const target = (await hrefs(results.nth(0)))[0];
    await Promise.all([page.waitForURL(`**${target}`), page.keyboard.press('Enter')]);
  });

  test('Escape closes the dialog and gives focus back to the control; Ctrl-K reopens it', async ({ page }) => {
    await page.goto(article);
    const control = page.getByRole('link', { name: /^Search/ }).first();
    await control.focus();
    await page.keyboard.press('Enter');
    const { dialog, box, results } = searchDialog(page);
    await expect(box).toBeFocused();
    await box.pressSequentially('offer');
    await expect(results.first()).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(control).toBeFocused();

    await page.keyboard.press('Control+K');
    await expect(dialog).toBeVisible();
    await expect(box).toBeFocused();
    await expect(box).toHaveValue('offer');
  });

  test('Enter in the search box opens the best result', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('/');
    const { box, results } = searchDialog(page);
    await box.pressSequentially('follow-through');
    await expect(results.first()).toBeVisible();
    await Promise.all([page.waitForURL('**/advice/interview-follow-through/'), page.keyboard.press('Enter')]);
  });

  test('"/" typed into a form field is just a character', async ({ page }) => {
    await page.goto('/search/');
    const { box } = searchPage(page);
    await box.click();
    await page.keyboard.type('a/b');
    await expect(box).toHaveValue('a/b');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});

test('when the index cannot load, search says so and offers the advice index instead of a broken box', async ({
  page,
}) => {
  await page.route('**/pagefind/pagefind.js', (route) =>
    route.fulfill({ status: 404, contentType: 'text/html', body: 'Not found' }),
  );
  await page.goto(article);
  await page.keyboard.press('/');
  const { dialog, box, status } = searchDialog(page);
  await box.fill('offer');
  await expect(status).toHaveText(/Search could not load/);
  await expect(dialog.getByRole('link', { name: 'Browse all advice' })).toHaveAttribute('href', '/advice/');
});

test('search works under the site’s Content-Security-Policy (no unsafe-eval)', async ({ page }) => {
  // The policy Astro generated for this page; a host that does not send it yet gets it added here.
  const built = JSON.parse(readFileSync(join(process.env.DIST_DIR ?? 'dist', '_headers.json'), 'utf8')) as {
    pathname: string;
    headers: { key: string; value: string }[];
  }[];
  const policyFor = (path: string) =>
    built
      .find((e) => e.pathname.replace(/\/?$/, '/') === path)
      ?.headers.find((h) => h.key === 'Content-Security-Policy')?.value;
  const policy = policyFor(article);
  expect(policy).toBeTruthy();
  expect(policy).not.toContain("'unsafe-eval'");
  await page.route(`**${article}`, async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    headers['content-security-policy'] ??= policy!;
    await route.fulfill({ response, headers });
  });
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`,
      ),
    ),
  );

  await page.goto(article);
  await page.keyboard.press('/');
  const { box, results } = searchDialog(page);
  await box.fill('thank you note');
  await expect(results.first()).toBeVisible();
  expect(violations.filter((v) => /pagefind|search-ui|wasm|worker|eval/.test(v))).toEqual([]);
});

test('figures: index transfer for a first query and time from last keystroke to results', async ({ page }) => {
  const requests = networkLog(page);
  await page.goto(article);
  await page.waitForLoadState('networkidle');
  const before = requests.length;

  await page.keyboard.press('/');
  const { box, status, results } = searchDialog(page);
  await expect(box).toBeFocused();
  // Warm nothing: the first query pays for the search code, the WebAssembly and the index chunks.
  await page.evaluate(() => {
    const input = document.querySelector('dialog input')!;
    const state = window as unknown as { lastKey: number; drawn: number[] };
    state.drawn = [];
    input.addEventListener('keydown', () => (state.lastKey = performance.now()));
    // Every time results are drawn: the first one after the last keystroke is the first results for
    // the whole query, from the recent index (archives merge after it, search-archive.spec.ts).
    new MutationObserver(() => {
      if (document.querySelector('dialog [data-output] ol')) state.drawn.push(performance.now());
    }).observe(document.querySelector('dialog [data-output]')!, { childList: true, subtree: true });
  });
  await page.keyboard.type('follow-up email', { delay: 60 });
  await expect(status).toHaveText(/results? for “follow-up email”/);
  await expect(results.first()).toBeVisible();
  await resultsComplete(page, 'dialog');
  await page.waitForLoadState('networkidle');

  const firstQuery = requests.slice(before).filter(isSearchFile);
  let bytes = 0;
  for (const r of firstQuery) {
    const sizes = await r.sizes();
    // Chromium reports a body size of 0 for the worker script itself; its body is what crossed the
    // wire, since this server does not compress.
    const body = sizes.responseBodySize || ((await (await r.response())?.body())?.length ?? 0);
    bytes += body + sizes.responseHeadersSize;
  }
  const ms = await page.evaluate(() => {
    const state = window as unknown as { lastKey: number; drawn: number[] };
    return state.drawn.find((t) => t > state.lastKey)! - state.lastKey;
  });
  test.info().annotations.push(
    {
      type: 'first-query transfer, archives merged',
      description: `${(bytes / 1024).toFixed(1)} kB in ${firstQuery.length} requests`,
    },
    { type: 'last keystroke to first results', description: `${ms.toFixed(0)} ms (120 ms of it is the typing pause)` },
  );
  console.log(
    `search figures: first query ${(bytes / 1024).toFixed(1)} kB in ${firstQuery.length} requests (archives merged); last keystroke to first results ${ms.toFixed(0)} ms`,
  );
  // Generous ceilings that still catch a regression such as loading the whole index or a UI bundle.
  expect(bytes).toBeLessThan(400 * 1024);
  expect(ms).toBeLessThan(1000);
});
