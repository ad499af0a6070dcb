// Issue 13, done when: a London reader with job alerts for Risk and a Singapore reader with none
// sign up (no JavaScript) and confirm; an issue sent through a real SMTP server gives each exactly
// the new roles of their market and functions, worked out here from the jobs in the build's issue
// file; the London reader moves to New York through the link in their email and the next issue
// follows; a tampered preferences link changes nothing.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { expect, test, type Browser } from '@playwright/test';
import { childEnvironment } from '../../src/config.ts';
import type { IssueEmail } from '../../src/domain/newsletter/issue-email.ts';
import { startServer, type RunningServer } from '../../scripts/support/server.ts';
import { linkIn, startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../scripts/support/smtp-sink.ts';
import { preferencesUrl } from '../../src/server/newsletter/issue-message.ts';
import { resolveNewsletterSecret } from '../../src/server/newsletter/secret.ts';
import { expectNoAxeViolations } from './support/axe';
import { fillForm, openPage, reader, rowCount as rowsIn, waitForEnhancement } from './support/newsletter';

const run = promisify(execFile);
const distDir = join(process.cwd(), 'dist');
// The first issue lists every role open at the build (it has no previous issue), so it has new roles.
const ISSUE = '2026-11-27';
// The "next" issue: a test-only copy of the same issue file under the next date, in a folder of its
// own, so the second send has the same roles and only the reader's preferences differ.
const NEXT = '2026-11-28';

const rig = {} as { server: RunningServer; smtp: TestSmtpServer; issues: string };
test.beforeAll(async () => {
  rig.smtp = await startSmtpServer();
  rig.server = await startServer({
    SMTP_URL: rig.smtp.url,
    TRUST_PROXY: '1',
    NEWSLETTER_SCHEDULER: 'off',
    DIST_DIR: distDir,
  });
  rig.issues = mkdtempSync(join(tmpdir(), 'preferences-issues-'));
  mkdirSync(join(rig.issues, 'newsletter'));
  copyFileSync(join(distDir, 'newsletter', `${ISSUE}.json`), join(rig.issues, 'newsletter', `${ISSUE}.json`));
  const next = { ...builtIssue(), date: NEXT };
  writeFileSync(join(rig.issues, 'newsletter', `${NEXT}.json`), JSON.stringify(next));
});
test.afterAll(async () => {
  await rig.server?.stop();
  await rig.smtp?.stop();
});

function builtIssue(): IssueEmail {
  return JSON.parse(readFileSync(join(distDir, 'newsletter', `${ISSUE}.json`), 'utf8')) as IssueEmail;
}

function storedMarket(email: string): string | null | undefined {
  const db = new DatabaseSync(join(rig.server.dataDir, 'newsletter.sqlite'), { readOnly: true, timeout: 5_000 });
  try {
    const row = db.prepare('SELECT market, job_functions FROM subscribers WHERE email = ?').get(email) as
      { market: string | null; job_functions: string } | undefined;
    return row && row.market;
  } finally {
    db.close();
  }
}

/** The roles a reader should see, from the build's list (newest first, at most six, like the page). */
function expectedRoles(market: string, functions: string[]): string[] {
  const jobs = builtIssue().newJobs!.jobs;
  return jobs
    .filter((job) => job.market === market && (functions.length === 0 || functions.includes(job.function)))
    .slice(0, 6)
    .map((job) => job.id);
}

/** The roles an email links to (each role's page is /jobs/<id>/). */
function rolesIn(mail: ReceivedMail): string[] {
  return [...mail.text.matchAll(/\/jobs\/([a-z0-9-]+)\//g)].map((match) => match[1]);
}

async function signUp(
  browser: Browser,
  person: { ip: string; email: string },
  market: string,
  functions: string[],
): Promise<ReceivedMail> {
  const page = await openPage(browser, person.ip, false);
  await page.goto(`${rig.server.url}/newsletter/`);
  await fillForm(page, person.email);
  await page.getByText('Your market and job alerts (optional)').click();
  await page.getByRole('radio', { name: market }).check();
  for (const name of functions) await page.getByRole('checkbox', { name }).check();
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page).toHaveURL(`${rig.server.url}/newsletter/check-your-inbox/`);
  const mail = await rig.smtp.waitForMail(person.email);
  await page.goto(linkIn(mail, '/newsletter/confirm/'));
  await page.getByRole('button', { name: 'Confirm subscription' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are subscribed');
  await page.context().close();
  return mail;
}

async function send(date: string): Promise<void> {
  const { stdout } = await run(process.execPath, ['scripts/newsletter.ts', 'send', date, '--force'], {
    env: childEnvironment({
      DATA_DIR: rig.server.dataDir,
      DIST_DIR: rig.issues,
      SMTP_URL: rig.smtp.url,
      SITE_URL: rig.server.url,
    }),
    timeout: 60_000,
  });
  expect(stdout).toContain(`Issue ${date} sent`);
}

function issueMail(email: string, date: string): ReceivedMail {
  const mails = rig.smtp.messages.filter(
    (m) => m.to.includes(email) && (m.headers.get('message-id') ?? '').includes(`issue-${date}-`),
  );
  expect(mails, `one copy of ${date} to ${email}`).toHaveLength(1);
  return mails[0];
}

test('each reader gets the new roles of their market and job alerts, and can change them from the email', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  expect(builtIssue().newJobs!.jobs.length, `the ${ISSUE} issue has new roles in its window`).toBeGreaterThan(0);
  expect(expectedRoles('singapore', []).length, 'the Singapore reader has roles to receive').toBeGreaterThan(0);

  const london = reader();
  const singapore = reader();
  await signUp(browser, london, 'London', ['Risk']);
  await signUp(browser, singapore, 'Singapore', []);
  expect(storedMarket(london.email)).toBe('london');
  expect(storedMarket(singapore.email)).toBe('singapore');

  await send(ISSUE);
  const londonMail = issueMail(london.email, ISSUE);
  const singaporeMail = issueMail(singapore.email, ISSUE);
  expect(rolesIn(londonMail)).toEqual(expectedRoles('london', ['risk']));
  expect(rolesIn(singaporeMail)).toEqual(expectedRoles('singapore', []));
  expect(londonMail.text).toContain('Roles in London, for Risk');
  for (const mail of [londonMail, singaporeMail]) {
    expect(mail.text).not.toMatch(/\{\{\w+\}\}/);
    expect(mail.text).toContain('/newsletter/preferences/?id=');
  }

  // A tampered link, or the unsubscribe link's signature on the preferences page: one and the same answer.
  const link = new URL(linkIn(londonMail, '/newsletter/preferences/'));
  const realLink = new URL(link.pathname + link.search, rig.server.url).href;
  const signature = link.searchParams.get('sig')!;
  const tampered = new URL(realLink);
  // The last character: it carries two bits no signature uses, so only a check of the exact text refuses it.
  tampered.searchParams.set('sig', `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`);
  const unsubscribeSig = new URL(linkIn(londonMail, '/newsletter/unsubscribe/')).searchParams.get('sig')!;
  const reused = new URL(realLink);
  reused.searchParams.set('sig', unsubscribeSig);
  const unknown = new URL(realLink);
  unknown.searchParams.set('id', 'no-such-reader');
  const page = await openPage(browser, london.ip, false);
  const answers = [];
  for (const bad of [tampered, reused, unknown]) {
    const response = await page.goto(bad.href);
    answers.push([response?.status(), await page.getByRole('heading', { level: 1 }).textContent()]);
  }
  expect(answers).toEqual(Array(3).fill([400, 'This preferences link does not work']));

  // The real link: GET shows the reader's choices; a POST sent to a tampered link changes nothing.
  await page.goto(realLink);
  await expect(page.getByRole('radio', { name: 'London' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Risk' })).toBeChecked();
  await page.getByRole('radio', { name: 'Hong Kong' }).check();
  await page
    .locator('form', { has: page.getByRole('button', { name: 'Save preferences' }) })
    .evaluate((form, action) => form.setAttribute('action', action), tampered.href);
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This preferences link does not work');
  expect(storedMarket(london.email)).toBe('london');

  // Through the real link, the London reader moves to New York, keeping their Risk alerts.
  await page.goto(realLink);
  await page.getByRole('radio', { name: 'New York' }).check();
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your preferences are saved');
  await expect(page.getByRole('radio', { name: 'New York' })).toBeChecked();
  expect(storedMarket(london.email)).toBe('new-york');
  await page.context().close();

  await send(NEXT);
  const nextLondon = issueMail(london.email, NEXT);
  expect(rolesIn(nextLondon)).toEqual(expectedRoles('new-york', ['risk']));
  expect(nextLondon.text).toContain('Roles in New York, for Risk');
  expect(rolesIn(issueMail(singapore.email, NEXT))).toEqual(expectedRoles('singapore', []));
});

test('unknown preference values get a 400 with the message beside the field, and nothing is written', async ({
  browser,
  request,
}) => {
  const before = rowsIn(rig.server.dataDir);
  const { ip, email } = reader();
  const json = await request.post(`${rig.server.url}/api/newsletter/subscribe/`, {
    headers: { 'X-Forwarded-For': ip, Origin: rig.server.url },
    data: { email, consent: true, market: 'paris', functions: ['risk', 'astrology'] },
  });
  expect(json.status()).toBe(400);
  expect((await json.json()).errors).toEqual({
    market: 'Choose one of the markets listed, or leave it unset.',
    functions: 'Choose job alerts from the functions listed.',
  });

  // The plain form, tampered: the page comes back with the message beside the fieldset.
  const page = await openPage(browser, ip, false);
  await page.goto(`${rig.server.url}/newsletter/`);
  await fillForm(page, email);
  await page.getByText('Your market and job alerts (optional)').click();
  await page.getByRole('radio', { name: 'London' }).evaluate((radio) => radio.setAttribute('value', 'paris'));
  await page.getByRole('radio', { name: 'London' }).check();
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your signup did not go through');
  await expect(page.getByRole('group', { name: 'Your market' })).toContainText(
    'Error: Choose one of the markets listed',
  );
  expect(rowsIn(rig.server.dataDir)).toBe(before);
  await page.context().close();
});

test('the enhanced form sends the preferences too; the preferences page passes axe in both schemes', async ({
  browser,
}) => {
  const { ip, email } = reader();
  const page = await openPage(browser, ip);
  await page.goto(`${rig.server.url}/newsletter/`);
  await fillForm(page, email);
  await waitForEnhancement(page);
  await page.getByText('Your market and job alerts (optional)').click();
  await page.getByRole('radio', { name: 'Hong Kong' }).check();
  await page.getByRole('checkbox', { name: 'Research' }).check();
  await page.getByRole('checkbox', { name: 'Compliance' }).check();
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.locator('[data-newsletter-success]')).toBeVisible();
  expect(storedMarket(email)).toBe('hong-kong');

  const mail = await rig.smtp.waitForMail(email);
  await page.goto(linkIn(mail, '/newsletter/confirm/'));
  await page.getByRole('button', { name: 'Confirm subscription' }).click();
  const link = await sentPreferencesLink(email);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(link);
    await expect(page.getByRole('checkbox', { name: 'Research' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Compliance' })).toBeChecked();
    await expectNoAxeViolations(page);
  }
  await page.getByRole('checkbox', { name: 'Compliance' }).uncheck();
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your preferences are saved');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are unsubscribed');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This preferences link does not work');
  await expectNoAxeViolations(page);
  await page.context().close();
});

/** The reader's preferences link, signed as the sender signs it (their issue is not needed for that). */
async function sentPreferencesLink(email: string): Promise<string> {
  const db = new DatabaseSync(join(rig.server.dataDir, 'newsletter.sqlite'), { readOnly: true, timeout: 5_000 });
  const { id } = db.prepare('SELECT id FROM subscribers WHERE email = ?').get(email) as { id: string };
  db.close();
  return preferencesUrl(rig.server.url, resolveNewsletterSecret(rig.server.dataDir, ''), id);
}
