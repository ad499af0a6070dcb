// Search as a reader uses it, on the production server over the built site and its Pagefind index.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Locator, type Page, type Request } from '@playwright/test';
import { CONSENT_TEXT } from '../../src/lib/newsletter/consent';
import { expectNoAxeViolations } from './support/axe';

const article = '/advice/thank-you-note-after-interview/';
/** A result's date as shown, e.g. "4 Mar 2026" or "29 Sept 2026" (en-GB's short September). */
const shortDate = /\d{1,2} [A-Z][a-z]{2,3} \d{4}/;

/** Every request the page makes, in order, so tests can say what was fetched and when. */
function networkLog(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  return requests;
}
const isSearchFile = (r: Request) => /\/pagefind\/|\/_astro\/search-ui\./.test(new URL(r.url()).pathname);

function searchDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Search the site' });
  return {
    dialog,
    box: dialog.getByRole('searchbox', { name: 'Words to find' }),
    status: dialog.getByRole('status'),
    results: dialog.getByRole('list', { name: 'Search results' }).getByRole('link'),
  };
}

function searchPage(page: Page) {
  const main = page.locator('main');
  return {
    box: main.getByRole('searchbox', { name: 'Words to find' }),
    status: main.getByRole('status'),
    results: main.getByRole('list', { name: 'Search results' }).getByRole('link'),
    items: main.getByRole('list', { name: 'Search results' }).getByRole('listitem'),
  };
}

async function hrefs(links: Locator): Promise<string[]> {
  return links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** A job that is live in this build, read from the jobs page so the test never names an expired one. */
async function liveJob(page: Page): Promise<{ title: string; path: string }> {
  await page.goto('/jobs/');
  const jobs = await page.locator('main a[href^="/jobs/"]').evaluateAll((as) =>
    as
      .map((a) => ({ title: a.textContent!.trim(), path: a.getAttribute('href')! }))
      .filter((j) => /^\/jobs\/[a-z0-9-]+\/$/.test(j.path) && !/^\/jobs\/(function|location)\//.test(j.path)),
  );
  expect(jobs.length, 'the jobs page lists live jobs').toBeGreaterThan(0);
  return jobs[0];
}

test.describe('search quality (the queries in search.md)', () => {
  const topThree = async (page: Page, q: string) => {
    await page.goto(`/search/?q=${encodeURIComponent(q)}`);
    const { results } = searchPage(page);
    await expect(results.first()).toBeVisible();
    return (await hrefs(results)).slice(0, 3);
  };

  test('"thank you note" lists the thank-you article in the top three', async ({ page }) => {
    expect(await topThree(page, 'thank you note')).toContain('/advice/thank-you-note-after-interview/');
  });

  test('"decision date" finds the article on how long to wait', async ({ page }) => {
    expect(await topThree(page, 'decision date')).toContain('/advice/how-long-to-wait-before-following-up/');
  });

  test('"follow-through" finds the flagship first', async ({ page }) => {
    expect((await topThree(page, 'follow-through'))[0]).toBe('/advice/interview-follow-through/');
  });

  test('a job title finds the job', async ({ page }) => {
    const job = await liveJob(page);
    expect((await topThree(page, job.title))[0]).toBe(job.path);
  });

  test('a nonsense word shows the empty state with topics and the advice index', async ({ page }) => {
    await page.goto('/search/?q=qwzxplorb');
    const { status, results } = searchPage(page);
    await expect(status).toHaveText('No results for “qwzxplorb”.');
    await expect(results).toHaveCount(0);
    const main = page.locator('main');
    await expect(main).toContainText('Nothing matches “qwzxplorb”.');
    for (const topic of ['Interviewing', 'Job search', 'Networking', 'Offers']) {
      await expect(main.getByRole('link', { name: topic, exact: true })).toHaveAttribute('href', /^\/topics\/[a-z-]+\/$/);
    }
    await expect(main.getByRole('link', { name: /advice index/ })).toHaveAttribute('href', '/advice/');
  });
});

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
    await expect(results.first()).toBeVisible();
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
    await expect.poll(async () => {
      const list = await hrefs(results);
      return list.length > 0 && list.every((href) => /^\/jobs\/[a-z0-9-]+\/$/.test(href));
    }).toBe(true);
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

  test('long result lists come ten at a time; "Show more results" adds the rest and moves focus to them', async ({ page }) => {
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

test('the index holds the main content of articles, topics, the planner and jobs, and no page chrome', async ({ page }) => {
  // What the server hands to search: one fragment per indexed page (gzipped JSON after a signature).
  const folder = join('dist', 'client', 'pagefind', 'fragment');
  const pages = readdirSync(folder).map((name) => {
    const text = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
  });
  const urls = pages.map((p) => p.url);
  expect(urls).toEqual(expect.arrayContaining([article, '/advice/interview-follow-through/', '/topics/offers/', '/tools/follow-up-planner/']));
  const job = await liveJob(page);
  expect(urls).toContain(job.path);
  for (const url of urls) expect(url).toMatch(/^\/(advice\/[a-z0-9-]+|topics\/[a-z-]+|tools\/[a-z-]+|jobs\/[a-z0-9-]+)\/$/);
  const chrome = ['Skip to main content', CONSENT_TEXT, 'sources are linked in every article', 'Boost your career', 'Latest jobs'];
  for (const { url, content } of pages) {
    for (const phrase of chrome) expect(content, `${url} should not index “${phrase}”`).not.toContain(phrase);
  }
});

test('when the index cannot load, search says so and offers the advice index instead of a broken box', async ({ page }) => {
  await page.route('**/pagefind/pagefind.js', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: 'Not found' }));
  await page.goto(article);
  await page.keyboard.press('/');
  const { dialog, box, status } = searchDialog(page);
  await box.fill('offer');
  await expect(status).toHaveText(/Search could not load/);
  await expect(dialog.getByRole('link', { name: 'Browse all advice' })).toHaveAttribute('href', '/advice/');
});

test('markup-like text in an article stays inert text in results', async ({ page }) => {
  let alerted = false;
  page.on('dialog', async (d) => {
    alerted = true;
    await d.dismiss();
  });
  await page.goto('/search/?q=stray+markup+onerror');
  const result = searchPage(page).items.filter({ has: page.locator('a[href="/advice/follow-up-email-templates/"]') });
  await expect(result).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('main [role="list"] img, #search-output img')).toHaveCount(0);
  expect(alerted).toBe(false);
});

test('search works under the site’s Content-Security-Policy (no unsafe-eval)', async ({ page }) => {
  // The policy Astro generated for this page; a host that does not send it yet gets it added here.
  const built = JSON.parse(readFileSync('dist/_headers.json', 'utf8')) as { pathname: string; headers: { key: string; value: string }[] }[];
  const policyFor = (path: string) =>
    built.find((e) => e.pathname.replace(/\/?$/, '/') === path)?.headers.find((h) => h.key === 'Content-Security-Policy')?.value;
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
      (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`),
    ),
  );

  await page.goto(article);
  await page.keyboard.press('/');
  const { box, results } = searchDialog(page);
  await box.fill('thank you note');
  await expect(results.first()).toBeVisible();
  expect(violations.filter((v) => /pagefind|search-ui|wasm|worker|eval/.test(v))).toEqual([]);
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
    const state = window as unknown as { lastKey: number; shown: number };
    input.addEventListener('keydown', () => (state.lastKey = performance.now()));
    new MutationObserver(() => {
      if (/results? for/.test(document.querySelector('dialog [role="status"]')!.textContent ?? '')) state.shown = performance.now();
    }).observe(document.querySelector('dialog [role="status"]')!, { childList: true, characterData: true, subtree: true });
  });
  await page.keyboard.type('follow-up email', { delay: 60 });
  await expect(status).toHaveText(/results? for “follow-up email”/);
  await expect(results.first()).toBeVisible();
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
    const state = window as unknown as { lastKey: number; shown: number };
    return state.shown - state.lastKey;
  });
  test.info().annotations.push(
    { type: 'first-query transfer', description: `${(bytes / 1024).toFixed(1)} kB in ${firstQuery.length} requests` },
    { type: 'last keystroke to results', description: `${ms.toFixed(0)} ms (120 ms of it is the typing pause)` },
  );
  console.log(`search figures: first query ${(bytes / 1024).toFixed(1)} kB in ${firstQuery.length} requests; last keystroke to results ${ms.toFixed(0)} ms`);
  // Generous ceilings that still catch a regression such as loading the whole index or a UI bundle.
  expect(bytes).toBeLessThan(400 * 1024);
  expect(ms).toBeLessThan(1000);
});
