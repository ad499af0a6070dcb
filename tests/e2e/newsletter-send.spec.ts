// Issue 12, done when: readers sign up through the site, and `npm run newsletter -- send <date>`
// delivers the issue through a real SMTP server on loopback to each confirmed reader once, with
// both parts, the unsubscribe headers, its own Message-ID, a one-click unsubscribe for that reader
// only, and a "Read on the web" link that opens the issue page.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { expect, test, type Browser } from '@playwright/test';
import { childEnvironment } from '../../src/config.ts';
import { listIssueDates } from '../../src/server/newsletter/issue-files.ts';
import { fillForm, openPage, reader } from './support/newsletter';
import { startServer, type RunningServer } from '../../scripts/support/server.ts';
import { linkIn, startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../../scripts/support/smtp-sink.ts';

const run = promisify(execFile);
const distDir = join(process.cwd(), 'dist');

// Its own server, with the scheduler off: only the `send` under test may start the issue, whatever
// the hour the test runs at. TRUST_PROXY lets each reader come from their own address.
const rig = {} as { server: RunningServer; smtp: TestSmtpServer };
test.beforeAll(async () => {
  rig.smtp = await startSmtpServer();
  rig.server = await startServer({
    SMTP_URL: rig.smtp.url,
    TRUST_PROXY: '1',
    NEWSLETTER_SCHEDULER: 'off',
    DIST_DIR: distDir,
  });
});
test.afterAll(async () => {
  await rig.server?.stop();
  await rig.smtp?.stop();
});

function subscriberStatus(email: string): string | undefined {
  const db = new DatabaseSync(join(rig.server.dataDir, 'newsletter.sqlite'), { readOnly: true, timeout: 5_000 });
  try {
    return (db.prepare('SELECT status FROM subscribers WHERE email = ?').get(email) as { status: string } | undefined)
      ?.status;
  } finally {
    db.close();
  }
}

/** Signs up without JavaScript, as the plainest reader does, and returns the confirmation email. */
async function signUp(browser: Browser, person: { ip: string; email: string }): Promise<ReceivedMail> {
  const page = await openPage(browser, person.ip, false);
  await page.goto(`${rig.server.url}/newsletter/`);
  await fillForm(page, person.email);
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page).toHaveURL(`${rig.server.url}/newsletter/check-your-inbox/`);
  const mail = await rig.smtp.waitForMail(person.email);
  await page.close();
  return mail;
}

async function confirm(browser: Browser, person: { ip: string }, mail: ReceivedMail): Promise<void> {
  const page = await openPage(browser, person.ip, false);
  await page.goto(linkIn(mail, '/newsletter/confirm/'));
  await page.getByRole('button', { name: 'Confirm subscription' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are subscribed');
  await page.close();
}

test('send delivers one copy to each confirmed reader and none to anyone else', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const date = listIssueDates(distDir).at(-1);
  expect(date, 'the build wrote issue files (npm run build)').toBeDefined();

  const confirmed = [reader(), reader(), reader()];
  const pending = reader();
  for (const person of confirmed) await confirm(browser, person, await signUp(browser, person));
  await signUp(browser, pending);
  // The third confirmed reader leaves before the issue goes out.
  const leaver = confirmed.pop()!;
  const leaverPage = await openPage(browser, leaver.ip, false);
  await leaverPage.goto(linkIn(await rig.smtp.waitForMail(leaver.email), '/newsletter/unsubscribe/'));
  await leaverPage.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(leaverPage.getByRole('heading', { level: 1 })).toHaveText('You are unsubscribed');
  expect(confirmed.map((p) => subscriberStatus(p.email))).toEqual(['confirmed', 'confirmed']);
  expect(subscriberStatus(pending.email)).toBe('pending');
  expect(subscriberStatus(leaver.email)).toBe('unsubscribed');

  const before = rig.smtp.messages.length;
  const { stdout } = await run(process.execPath, ['scripts/newsletter.ts', 'send', date!, '--force'], {
    env: childEnvironment({
      DATA_DIR: rig.server.dataDir,
      DIST_DIR: distDir,
      SMTP_URL: rig.smtp.url,
      SITE_URL: rig.server.url,
    }),
    timeout: 60_000,
  });
  expect(stdout).toContain(date!);

  const issueMails = rig.smtp.messages.slice(before);
  expect(
    issueMails
      .map((m) => m.to)
      .flat()
      .sort(),
  ).toEqual(confirmed.map((p) => p.email).sort());
  for (const other of [pending, leaver]) expect(issueMails.filter((m) => m.to.includes(other.email))).toEqual([]);

  const allIds = rig.smtp.messages.map((m) => m.headers.get('message-id'));
  for (const person of confirmed) {
    const [mail] = issueMails.filter((m) => m.to.includes(person.email));
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);
    expect(mail.raw).toMatch(/Content-Type: text\/plain/i);
    expect(mail.raw).not.toContain('{{unsubscribe_url}}');
    expect(mail.headers.get('list-unsubscribe')).toMatch(/^<https?:\/\/.+\/newsletter\/unsubscribe\/\?id=.+&sig=.+>$/);
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const id = mail.headers.get('message-id');
    expect(id).toMatch(/^<.+@.+>$/);
    expect(allIds.filter((other) => other === id)).toHaveLength(1);

    const web = new URL(linkIn(mail, `/newsletter/${date}/`));
    const page = await openPage(browser, person.ip);
    const response = await page.goto(new URL(web.pathname, rig.server.url).href);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'New on the site' })).toBeVisible();
    await page.close();
  }

  // One click from the first reader's mail app unsubscribes that reader and nobody else.
  const [first, second] = confirmed;
  const firstMail = issueMails.find((m) => m.to.includes(first.email))!;
  const oneClick = firstMail.headers.get('list-unsubscribe')!.replace(/^<|>$/g, '');
  const answer = await request.post(oneClick, { form: { 'List-Unsubscribe': 'One-Click' } });
  expect(answer.status()).toBe(200);
  expect(subscriberStatus(first.email)).toBe('unsubscribed');
  expect(subscriberStatus(second.email)).toBe('confirmed');
});
