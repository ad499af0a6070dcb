// What search finds: the queries search.md names, and what the built Pagefind index holds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { CONSENT_TEXT } from '../../src/domain/newsletter/consent';
import { article, hrefs, liveJob, resultsComplete, searchPage } from './support/search';

test.describe('search quality (the queries in search.md)', () => {
  const topThree = async (page: Page, q: string) => {
    await page.goto(`/search/?q=${encodeURIComponent(q)}`);
    const { results } = searchPage(page);
    // Ranked across every index: wait until the archives are merged into the list.
    await resultsComplete(page, 'main');
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
      await expect(main.getByRole('link', { name: topic, exact: true })).toHaveAttribute(
        'href',
        /^\/topics\/[a-z-]+\/$/,
      );
    }
    await expect(main.getByRole('link', { name: /advice index/ })).toHaveAttribute('href', '/advice/');
  });
});

test('the index holds the main content of articles, topics, the planner, jobs and briefing issues, and no page chrome', async ({
  page,
}) => {
  // What the server hands to search: one fragment per indexed page (gzipped JSON after a signature),
  // in the recent index and every archive index. The build the server serves (DIST_DIR), so the check
  // reads what the browser got.
  const bundle = join(process.env.DIST_DIR ?? 'dist', 'client', 'pagefind');
  const archives = readdirSync(bundle).filter((name) => name.startsWith('archive-'));
  const folders = ['fragment', ...archives.map((name) => join(name, 'fragment'))].map((f) => join(bundle, f));
  const pages = folders.flatMap((folder) =>
    readdirSync(folder).map((name) => {
      const text = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
      return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
    }),
  );
  expect(archives.length, 'the tests’ build has archive indexes').toBeGreaterThan(1);
  const urls = pages.map((p) => p.url);
  expect(urls).toEqual(
    expect.arrayContaining([
      article,
      '/advice/interview-follow-through/',
      '/topics/offers/',
      '/tools/follow-up-planner/',
    ]),
  );
  const job = await liveJob(page);
  expect(urls).toContain(job.path);
  for (const url of urls)
    expect(url).toMatch(
      /^\/(advice\/[a-z0-9-]+|topics\/[a-z-]+|tools\/[a-z-]+|jobs\/[a-z0-9-]+|newsletter\/\d{4}-\d{2}-\d{2})\/$/,
    );
  const chrome = [
    'Skip to main content',
    CONSENT_TEXT,
    'sources are linked in every article',
    'Boost your career',
    'Latest jobs',
  ];
  for (const { url, content } of pages) {
    for (const phrase of chrome) expect(content, `${url} should not index “${phrase}”`).not.toContain(phrase);
  }
});
