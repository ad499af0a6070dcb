import { expect, test, type Page } from '@playwright/test';
import { collectJobs } from '../../src/data/jobs/collect';
import { calendarDayOf, newestFirst } from '../../src/domain/jobs/expiry';
import { functionSlugOf, locationSlugOf } from '../../src/domain/jobs/filters';
import { jobPostingProblems } from '../unit/domain/jobs/job-posting-requirements';
import { expectNoAxeViolations } from './support/axe';
import { tabTo } from './support/keyboard';

// What the build should show: the sample roles still open today (the build ran today too).
const { jobs: openJobs, expired } = await collectJobs({ localDir: 'content/jobs', today: calendarDayOf(new Date()) });
const newest = newestFirst(openJobs);
const london = openJobs.filter((job) => locationSlugOf(job.data) === 'london');
const londonFunction = functionSlugOf(london[0]!.data);
const londonPair = london.filter((job) => functionSlugOf(job.data) === londonFunction);

/** The ids of the roles a reader can see on the board right now. */
async function visibleRoleIds(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('[data-job]')
    .filter({ visible: true })
    .locator('h2 a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return hrefs.map((href) => href.replace(/^\/jobs\/|\/$/g, '')).sort();
}

const ids = (jobs: typeof openJobs) => jobs.map((job) => job.id).sort();

test('the board lists every open sample role and none past its closing day', async ({ page }) => {
  expect(openJobs.length).toBeGreaterThanOrEqual(12);
  expect(expired.length).toBeGreaterThanOrEqual(1);
  await page.goto('/jobs/');
  await expect(page.locator('h1')).toHaveText('Finance jobs');
  expect(await visibleRoleIds(page)).toEqual(ids(openJobs));
  await expect(page.getByRole('status')).toHaveText(`${openJobs.length} open roles`);
  for (const id of expired) {
    await expect(page.locator(`a[href="/jobs/${id}/"]`)).toHaveCount(0);
    expect((await page.request.get(`/jobs/${id}/`)).status()).toBe(404);
  }
});

test.describe('filters without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('each filter is a link to a static page of the matching roles, and filters combine', async ({ page }) => {
    await page.goto('/jobs/');
    await page
      .getByRole('navigation', { name: 'Filter jobs' })
      .getByRole('link', { name: /^London \(/ })
      .click();
    await expect(page).toHaveURL(/\/jobs\/location\/london\/$/);
    await expect(page.locator('h1')).toHaveText('Finance jobs in London');
    expect(await visibleRoleIds(page)).toEqual(ids(london));

    const functionLink = page.locator(`a[data-filter-key="function"][data-filter-value="${londonFunction}"]`);
    await expect(functionLink).toContainText(`(${londonPair.length})`);
    await functionLink.click();
    await expect(page).toHaveURL(new RegExp(`/jobs/location/london/function/${londonFunction}/$`));
    expect(await visibleRoleIds(page)).toEqual(ids(londonPair));
    await expect(page.locator('a[aria-current="page"][data-filter-key="location"]')).toHaveText(/^London/);

    await page.locator('a[data-filter-key="location"][data-filter-value=""]').click();
    await expect(page).toHaveURL(new RegExp(`/jobs/function/${londonFunction}/$`));
    expect(await visibleRoleIds(page)).toEqual(
      ids(openJobs.filter((job) => functionSlugOf(job.data) === londonFunction)),
    );
  });

  test('a filtered view opened from a shared link shows only its roles', async ({ page }) => {
    await page.goto('/jobs/location/hong-kong/');
    expect(await visibleRoleIds(page)).toEqual(ids(openJobs.filter((job) => job.data.location === 'Hong Kong')));
    await expect(page.getByRole('status')).toHaveText(/^\d+ open roles?$/);
  });
});

test.describe('filters with JavaScript', () => {
  test('filter in place, update the address, and Back restores the previous view', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto('/jobs/');
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.getByRole('link', { name: /^London \(/ }).hover();
    await expect(page.locator('[data-job-board][data-enhanced]')).toBeAttached();

    await page.getByRole('link', { name: /^London \(/ }).click();
    await expect(page).toHaveURL(/\/jobs\/location\/london\/$/);
    expect(await visibleRoleIds(page)).toEqual(ids(london));
    await expect(page.locator('h1')).toHaveText('Finance jobs in London');
    await expect(page).toHaveTitle(/^Finance jobs in London \| /);
    await expect(page.getByRole('status')).toHaveText(`${london.length} open role${london.length === 1 ? '' : 's'}`);

    await page.locator(`a[data-filter-key="function"][data-filter-value="${londonFunction}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/jobs/location/london/function/${londonFunction}/$`));
    expect(await visibleRoleIds(page)).toEqual(ids(londonPair));
    // The other city's link now leads to that city with the same function, and counts it.
    const singapore = page.locator('a[data-filter-key="location"][data-filter-value="singapore"]');
    await expect(singapore).toHaveAttribute('href', `/jobs/location/singapore/function/${londonFunction}/`);
    const singaporePair = openJobs.filter(
      (job) => job.data.location === 'Singapore' && functionSlugOf(job.data) === londonFunction,
    );
    await expect(singapore).toContainText(`(${singaporePair.length})`);

    await page.goBack();
    await expect(page).toHaveURL(/\/jobs\/location\/london\/$/);
    expect(await visibleRoleIds(page)).toEqual(ids(london));
    await page.goBack();
    await expect(page).toHaveURL(/\/jobs\/$/);
    expect(await visibleRoleIds(page)).toEqual(ids(openJobs));
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(errors).toEqual([]);
  });

  test('a keyboard user filters with Tab and Enter', async ({ page }) => {
    await page.goto('/jobs/');
    await tabTo(page, 'a[data-filter-key="location"][data-filter-value="singapore"]');
    await expect(page.locator('[data-job-board][data-enhanced]')).toBeAttached();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/jobs\/location\/singapore\/$/);
    expect(await visibleRoleIds(page)).toEqual(ids(openJobs.filter((job) => job.data.location === 'Singapore')));
    await expect(page.locator('a[data-filter-key="location"][data-filter-value="singapore"]')).toBeFocused();
    await expect(page.locator('a[data-filter-key="location"][data-filter-value="singapore"]')).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});

test('every role page carries a complete JSON-LD JobPosting that matches the listing', async ({ page }) => {
  // A Content-Security-Policy that blocked anything on these pages would show up as a console error.
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  for (const job of openJobs) {
    await page.goto(`/jobs/${job.id}/`);
    await expect(page.locator('h1')).toHaveText(job.data.title);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const posting = blocks.flatMap((text) => [JSON.parse(text)].flat()).find((ld) => ld['@type'] === 'JobPosting');
    expect(jobPostingProblems(posting), job.id).toEqual([]);
    expect(posting).toMatchObject({
      title: job.data.title,
      datePosted: job.data.postedDate,
      hiringOrganization: { name: job.data.employer },
      url: expect.stringMatching(new RegExp(`/jobs/${job.id}/$`)),
    });
    await expect(page.getByRole('link', { name: 'Apply on the employer’s site' })).toHaveAttribute(
      'href',
      job.data.applyUrl,
    );
    await expect(page.locator('[data-pagefind-body][data-pagefind-filter="type:Job"]')).toContainText('Sample listing');
  }
  expect(errors).toEqual([]);
});

test('/recruiters/ explains the audience, how to list a role and whom to email', async ({ page, baseURL }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'For recruiters' }).click();
  await expect(page).toHaveURL(/\/recruiters\/$/);
  for (const heading of ['Who reads the site', 'How to list a role', 'Contact']) {
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  }
  const host = new URL(baseURL!).hostname;
  const contact = page.locator('section[aria-labelledby="contact-heading"] a[href^="mailto:"]');
  await expect(contact).toHaveAttribute(
    'href',
    new RegExp(`^mailto:(jobs@${host.replace(/^www\./, '')}|[^?]+@[^?]+)\\?subject=`),
  );
});

test('home and article pages show the 5 newest roles, and home calls readers to the board', async ({ page }) => {
  for (const path of ['/', '/advice/interview-follow-through/']) {
    await page.goto(path);
    const latest = page.locator('section[aria-labelledby="latest-jobs-heading"]');
    await expect(latest.locator('h3 a')).toHaveText(newest.slice(0, 5).map((job) => job.data.title));
  }
  await page.goto('/');
  const boost = page.locator('section[aria-labelledby="boost-career-heading"]');
  await expect(boost.getByRole('heading')).toHaveText('Boost your career');
  await boost.getByRole('link', { name: 'Browse the jobs' }).click();
  await expect(page).toHaveURL(/\/jobs\/$/);
});

for (const path of ['/jobs/', '/jobs/location/london/', '/recruiters/', `/jobs/${newest[0]!.id}/`]) {
  test(`axe: 0 violations on ${path} in both themes`, async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  });
}
