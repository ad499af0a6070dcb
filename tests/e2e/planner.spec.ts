import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { expectNoAxeViolations } from './support/axe';
import { chromiumArgs, chromiumPath } from '../../scripts/support/chromium.ts';
import { tabTo } from './support/keyboard';

const PLANNER = '/tools/follow-up-planner/';
const STORAGE_KEY = 'follow-through:planner:v1';
// The spec's worked example.
const WORKED = 'ended=2026-12-04T15:30&tz=Asia/Singapore&holidays=SG&stage=mid&decision=2026-12-11';
const WORKED_TIMES = {
  'thank-you': {
    earliest: '2026-12-04T16:30+08:00',
    ideal: '2026-12-07T09:30+08:00',
    latest: '2026-12-07T12:00+08:00',
  },
  'check-in-1': { ideal: '2026-12-15T09:30+08:00' },
  'check-in-2': { ideal: '2026-12-22T09:30+08:00' },
};

// A reader in London, on a fixed day before the interview's follow-ups fall due. The browser's language
// is pinned because it decides the order of a date field's segments when typing (month/day/year here).
test.use({
  locale: 'en-US',
  timezoneId: 'Europe/London',
  launchOptions: { executablePath: chromiumPath(), args: [...chromiumArgs, '--lang=en-US'] },
});
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-05T10:00:00Z'));
});

const plan = (page: Page) => page.getByRole('region', { name: 'Your follow-up plan' });
const step = (page: Page, id: string) => plan(page).locator(`li[data-step="${id}"]`);
const time = (page: Page, id: string, role: string) => step(page, id).locator(`time[data-role="${role}"]`);

async function expectWorkedExample(page: Page) {
  for (const [id, times] of Object.entries(WORKED_TIMES)) {
    for (const [role, iso] of Object.entries(times))
      await expect(time(page, id, role)).toHaveAttribute('datetime', iso);
  }
  await expect(step(page, 'check-in-2')).toContainText('Year-end slowdown');
}

test('a keyboard-only reader fills the form and gets the worked example’s plan', async ({ page }) => {
  await page.goto(PLANNER);
  await expect(page.getByLabel("Interviewer's time zone")).toHaveValue('Europe/London');

  await tabTo(page, '#fup-role');
  await page.keyboard.type('Credit analyst');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Lion Bank');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Interview ended')).toBeFocused();
  // Month, day and year, then Tab to the hour segment (a year may have more than four digits).
  await page.keyboard.type('12042026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1530');
  await expect(page.getByLabel('Interview ended')).toHaveValue('2026-12-04T15:30');
  await tabTo(page, '#fup-tz');
  await page.keyboard.type('Asia/Singapore');
  await expect(page.getByLabel("Interviewer's time zone")).toHaveValue('Asia/Singapore');
  // Choosing the zone preselects its public holidays.
  await expect(page.getByLabel('Public holidays')).toHaveValue('SG');
  await tabTo(page, '#fup-decision');
  await page.keyboard.type('12112026');
  await tabTo(page, 'button[type="submit"]');
  await page.keyboard.press('Enter');

  await expect(plan(page)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your follow-up plan' })).toBeFocused();
  await expectWorkedExample(page);
  await expect(time(page, 'thank-you', 'ideal')).toHaveText('Mon, 7 Dec 2026, 09:30 GMT+8');
  // The reader is in London, so each time is also given on their own clock.
  await expect(step(page, 'thank-you')).toContainText('(your time: Mon, 7 Dec 2026, 01:30 GMT)');
  await expect(page).toHaveURL(/ended=2026-12-04T15%3A30/);
});

test('the worked example shows exactly its times, with four steps in order', async ({ page }) => {
  await page.goto(`${PLANNER}?${WORKED}`);
  await expectWorkedExample(page);
  await expect(plan(page).locator('li[data-step]')).toHaveCount(4);
  expect(
    await plan(page)
      .locator('li[data-step]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-step'))),
  ).toEqual(['thank-you', 'check-in-1', 'check-in-2', 'close-loop']);
  await expect(step(page, 'thank-you')).toHaveAttribute('data-status', 'due');
  await expect(step(page, 'close-loop')).toHaveAttribute('data-status', 'upcoming');
});

test('the share link reproduces every input and the plan in a new page', async ({ page, browser }) => {
  const query =
    `${WORKED.replace('stage=mid', 'stage=final')}&asked=1&askedDate=2026-12-10&agency=1` +
    '&interviewers=Ana%20Lim,Ben%20Ho&role=Credit%20analyst&company=Lion%20%26%20Co';
  await page.goto(`${PLANNER}?${query}`);
  await expect(step(page, 'thank-you-2')).toContainText('Ben Ho');
  const href = await plan(page).getByRole('link', { name: 'Link to this plan' }).getAttribute('href');
  const ideals = await plan(page)
    .locator('time[data-role="ideal"]')
    .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));

  const fresh = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York' });
  const other = await fresh.newPage();
  await other.goto(href!);
  await expect(other.locator('time[data-role="ideal"]')).toHaveCount(ideals.length);
  expect(
    await other.locator('time[data-role="ideal"]').evaluateAll((times) => times.map((t) => t.getAttribute('datetime'))),
  ).toEqual(ideals);
  await expect(other.getByLabel('Role')).toHaveValue('Credit analyst');
  await expect(other.getByLabel('Company')).toHaveValue('Lion & Co');
  await expect(other.getByLabel('Interview ended')).toHaveValue('2026-12-04T15:30');
  await expect(other.getByLabel("Interviewer's time zone")).toHaveValue('Asia/Singapore');
  await expect(other.getByLabel('Public holidays')).toHaveValue('SG');
  await expect(other.getByLabel('Interview stage')).toHaveValue('final');
  await expect(other.getByLabel('Decision date they gave')).toHaveValue('2026-12-11');
  await expect(other.getByLabel('They asked me to follow up')).toBeChecked();
  await expect(other.getByLabel('Follow up on')).toHaveValue('2026-12-10');
  await expect(other.getByLabel('They asked me not to follow up')).not.toBeChecked();
  await expect(other.getByLabel('Through an agency recruiter')).toBeChecked();
  await expect(other.getByLabel('Interviewers')).toHaveValue('Ana Lim,Ben Ho');
  // The date they asked for wins over the decision date.
  await expect(other.locator('li[data-step="check-in-1"] time[data-role="ideal"]')).toHaveAttribute(
    'datetime',
    '2026-12-10T09:30+08:00',
  );
  await fresh.close();
});

test('ticks survive a reload, and ticking a check-in re-dates the next one', async ({ page }) => {
  await page.goto(`${PLANNER}?${WORKED}`);
  await step(page, 'thank-you').getByLabel('Done').check();
  await expect(step(page, 'thank-you')).toHaveAttribute('data-status', 'done');
  const before = await time(page, 'check-in-2', 'ideal').getAttribute('datetime');
  // Sent early, on Saturday 5 December: check-in 2 now counts five business days from that day.
  await step(page, 'check-in-1').getByLabel('Done').check();
  await expect(time(page, 'check-in-2', 'ideal')).not.toHaveAttribute('datetime', before!);
  await expect(time(page, 'check-in-2', 'ideal')).toHaveAttribute('datetime', '2026-12-11T09:30+08:00');

  await page.reload();
  await expect(step(page, 'thank-you').getByLabel('Done')).toBeChecked();
  await expect(step(page, 'check-in-1').getByLabel('Done')).toBeChecked();
  await expect(time(page, 'check-in-2', 'ideal')).toHaveAttribute('datetime', '2026-12-11T09:30+08:00');

  // Without the query string the last plan comes back too.
  await page.goto(PLANNER);
  await expect(step(page, 'thank-you').getByLabel('Done')).toBeChecked();
});

test('corrupt saved data shows a notice and leaves a working planner', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) localStorage.setItem(key, '{"version":1,"plans":[{');
    sessionStorage.setItem('seeded', '1');
  }, STORAGE_KEY);
  await page.goto(PLANNER);
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await page.getByLabel('Interview ended').fill('2026-12-04T15:30');
  await page.getByLabel("Interviewer's time zone").selectOption('Asia/Singapore');
  await page.getByLabel('Decision date they gave').fill('2026-12-11');
  await page.getByRole('button', { name: 'Plan my follow-ups' }).click();
  await expectWorkedExample(page);
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!), STORAGE_KEY);
  expect(stored.plans).toHaveLength(1);
});

test('blocked storage still plans and says it cannot save', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(`${PLANNER}?${WORKED}`);
  await expectWorkedExample(page);
  await expect(page.getByRole('alert')).toContainText('not letting the planner save');
  await step(page, 'thank-you').getByLabel('Done').check();
  await expect(step(page, 'thank-you')).toHaveAttribute('data-status', 'done');
});

test('"Add to calendar" downloads a valid calendar with one event per step at its ideal time', async ({ page }) => {
  await page.goto(`${PLANNER}?${WORKED}&interviewers=Ana%20Lim,Ben%20Ho`);
  await expect(plan(page).locator('li[data-step]')).toHaveCount(5);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    plan(page).getByRole('button', { name: 'Add to calendar' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('follow-up-plan.ics');
  const text = readFileSync((await download.path())!, 'utf8');
  const events = new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents('vevent')
    .map((vevent) => new ICAL.Event(vevent));
  const ideals = await plan(page)
    .locator('time[data-role="ideal"]')
    .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
  expect(events.map((event) => event.startDate.toJSDate().getTime())).toEqual(ideals.map((iso) => Date.parse(iso)));
  expect(events[1].summary).toBe('Thank-you note to Ben Ho');
});

test('messages can be copied or opened in the email app', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${PLANNER}?${WORKED}&interviewers=Ana%20Lim&company=Lion%20Bank`);
  const thankYou = step(page, 'thank-you-1');
  const mailto = await thankYou.getByRole('link', { name: 'Open in email app' }).getAttribute('href');
  const url = new URL(mailto!);
  expect(url.protocol).toBe('mailto:');
  expect(url.searchParams.get('body')).toMatch(/^Hi Ana Lim,/);
  await thankYou.getByRole('button', { name: 'Copy message' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Message copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Subject: Thank you');
});

test('invalid input gets a message next to its field, never a crash or a blank plan', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${PLANNER}?ended=2026-12-04T15:30&tz=Mars/Olympus&holidays=SG&decision=2026-12-01&stage=boss`);
  await expect(page.locator('#fup-tz-error')).toContainText('not a time zone');
  await expect(page.getByLabel("Interviewer's time zone")).toHaveAttribute('aria-describedby', 'fup-tz-error');
  await expect(page.locator('#fup-decision-error')).toContainText('before the interview');
  await expect(page.locator('#fup-stage-error')).toContainText('Unknown interview stage');
  // The rest still applies: a plan in the reader's zone, from the interview day.
  await expect(time(page, 'thank-you', 'earliest')).toHaveAttribute('datetime', '2026-12-04T16:30+00:00');

  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByRole('button', { name: 'Plan my follow-ups' }).click();
  await expect(page.locator('#fup-ended-error')).toHaveText('Enter the date and time the interview ended.');
  await expect(page.getByLabel('Interview ended')).toBeFocused();
  await expect(plan(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('saved plans can be switched, and more than five active plans bring the focus reminder', async ({ page }) => {
  await page.addInitScript((key) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const plans = Array.from({ length: 6 }, (_, index) => ({
      id: `p${index}`,
      query: `ended=2026-12-0${index + 1}T10%3A00&tz=Asia%2FHong_Kong&holidays=HK&stage=mid&company=Firm+${index}`,
      done: {},
      savedAt: index,
    }));
    localStorage.setItem(key, JSON.stringify({ version: 1, currentId: 'p0', plans }));
  }, STORAGE_KEY);
  await page.goto(PLANNER);
  await expect(page.getByText('You are following up on 6 interviews at once')).toBeVisible();
  await expect(page.getByLabel('Company')).toHaveValue('Firm 0');
  await page.getByLabel('Saved plans').selectOption({ label: 'Firm 3 (2026-12-04)' });
  await expect(page.getByLabel('Company')).toHaveValue('Firm 3');
  await expect(time(page, 'thank-you', 'ideal')).toHaveAttribute('datetime', '2026-12-04T12:00+08:00');
  await page.getByRole('button', { name: 'Delete this plan' }).click();
  await expect(page.getByText('You are following up on')).toHaveCount(0);
  await expect(page.getByLabel('Saved plans').locator('option')).toHaveCount(5);
});

test('printing shows the plan as a checklist without the form or buttons', async ({ page }) => {
  await page.goto(`${PLANNER}?${WORKED}`);
  await expect(plan(page)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByLabel('Interview ended')).toBeHidden();
  await expect(plan(page).getByRole('button', { name: 'Add to calendar' })).toBeHidden();
  await expect(step(page, 'thank-you').getByRole('button', { name: 'Copy message' })).toBeHidden();
  await expect(step(page, 'thank-you').getByLabel('Done')).toBeVisible();
  await expect(time(page, 'thank-you', 'ideal')).toBeVisible();
});

test('without JavaScript the page shows the static checklist and says the planner needs JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PLANNER);
  await expect(page.getByText('The dated planner needs JavaScript.')).toBeVisible();
  await expect(page.getByText('within 24 hours').first()).toBeVisible();
  await expect(page.getByText('two business days after the decision date they gave')).toBeVisible();
  await expect(page.getByLabel('Interview ended')).toBeHidden();
  await context.close();
});

test('the planner page with a plan shown has no axe violations', async ({ page }) => {
  await page.goto(`${PLANNER}?${WORKED}&interviewers=Ana%20Lim&agency=1`);
  await expect(plan(page)).toBeVisible();
  await step(page, 'thank-you-1').locator('summary').click();
  await expectNoAxeViolations(page);
  // The dark palette too (the theme follows the system setting on load).
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(plan(page)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('in the flagship article nothing of the planner loads until it nears the viewport', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/advice/interview-follow-through/');
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((path) => /PlannerApp|preact|client\./.test(path))).toEqual([]);
  await page.getByRole('button', { name: 'Plan my follow-ups' }).scrollIntoViewIfNeeded();
  await expect.poll(() => scripts.some((path) => path.includes('PlannerApp'))).toBe(true);
  // Hydrated: the island sets the reader's own zone. Typing before that is lost when Preact takes over.
  await expect(page.getByLabel("Interviewer's time zone")).toHaveValue('Europe/London');
  await page.getByLabel('Interview ended').fill('2026-12-04T15:30');
  await page.getByLabel("Interviewer's time zone").selectOption('Asia/Singapore');
  await page.getByLabel('Decision date they gave').fill('2026-12-11');
  await page.getByRole('button', { name: 'Plan my follow-ups' }).click();
  await expectWorkedExample(page);
});
