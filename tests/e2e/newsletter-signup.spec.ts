// Signing up to the newsletter as a reader and a mail client meet it, with and without JavaScript:
// the production server with a real SMTP server on loopback, each test from its own client address.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { fillForm, openPage, reader, useNewsletterRig, waitForEnhancement } from './support/newsletter';
import { linkIn, type ReceivedMail } from '../../scripts/support/smtp-sink.ts';

const rig = useNewsletterRig();
const { subscriberStatus, mailsTo } = rig;

test.describe('signing up', () => {
  test('with JavaScript: in place, confirmed from the emailed link, unsubscribed with one click', async ({
    browser,
    request,
  }) => {
    const { ip, email } = reader();
    const page = await openPage(browser, ip);
    await page.goto(`${rig.server.url}/newsletter/`);
    await page.evaluate(() => ((window as unknown as { stayedOnPage: boolean }).stayedOnPage = true));
    await fillForm(page, email);
    await waitForEnhancement(page);
    await page.getByRole('button', { name: 'Subscribe' }).click();

    const success = page.locator('[data-newsletter-success]');
    await expect(success).toBeVisible();
    await expect(success).toBeFocused();
    await expect(success).toContainText('Check your inbox');
    expect(await page.evaluate(() => (window as unknown as { stayedOnPage?: boolean }).stayedOnPage)).toBe(true);
    expect(subscriberStatus(email)).toBe('pending');

    const mail = await rig.smtp.waitForMail(email);
    const confirmLink = linkIn(mail, '/newsletter/confirm/');
    await page.goto(confirmLink);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your subscription');
    expect(subscriberStatus(email)).toBe('pending');
    await page.getByRole('button', { name: 'Confirm subscription' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are subscribed');
    expect(subscriberStatus(email)).toBe('confirmed');
    await expect(page.getByRole('link', { name: 'Unsubscribe' })).toHaveAttribute(
      'href',
      /\/newsletter\/unsubscribe\/\?id=.+&sig=.+/,
    );

    // RFC 8058: the mail client POSTs the List-Unsubscribe URL itself, without an Origin header.
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const oneClick = mail.headers.get('list-unsubscribe')!.replace(/^<|>$/g, '');
    const response = await request.post(oneClick, { form: { 'List-Unsubscribe': 'One-Click' } });
    expect(response.status()).toBe(200);
    expect(subscriberStatus(email)).toBe('unsubscribed');
    expect(mailsTo(email)).toHaveLength(1);
  });

  test('without JavaScript: redirect to "check your inbox", confirm and unsubscribe with buttons', async ({
    browser,
  }) => {
    const { ip, email } = reader();
    const page = await openPage(browser, ip, false);
    await page.goto(`${rig.server.url}/`);
    await page.goto(`${rig.server.url}/newsletter/`);
    await fillForm(page, email);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page).toHaveURL(`${rig.server.url}/newsletter/check-your-inbox/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox');

    const mail = await rig.smtp.waitForMail(email);
    await page.goto(linkIn(mail, '/newsletter/confirm/'));
    await page.getByRole('button', { name: 'Confirm subscription' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are subscribed');
    expect(subscriberStatus(email)).toBe('confirmed');

    await page.goto(linkIn(mail, '/newsletter/unsubscribe/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unsubscribe from the daily newsletter');
    expect(subscriberStatus(email)).toBe('confirmed');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are unsubscribed');
    expect(subscriberStatus(email)).toBe('unsubscribed');
  });

  test('without JavaScript: a mistake re-renders the form with messages beside the fields and the typed address', async ({
    browser,
  }) => {
    const { ip, email } = reader();
    const page = await openPage(browser, ip, false);
    await page.goto(`${rig.server.url}/newsletter/`);
    await page.getByLabel('Email address').fill('mei.lin@localhost');
    const response = page.waitForResponse((r) => r.url().includes('/api/newsletter/subscribe'));
    await page.getByRole('button', { name: 'Subscribe' }).click();
    expect((await response).status()).toBe(400);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your signup did not go through');
    const emailField = page.getByLabel('Email address');
    await expect(emailField).toHaveValue('mei.lin@localhost');
    await expect(emailField).toHaveAttribute('aria-invalid', 'true');
    await expect(emailField).toHaveAccessibleDescription(/Enter an email address in the form name@example.com/);
    await expect(page.getByLabel('Send me the daily newsletter')).toHaveAccessibleDescription(/Tick the box/);
    await expect(page.getByRole('alert')).toContainText('There is a problem');
    expect(subscriberStatus('mei.lin@localhost')).toBeUndefined();

    await fillForm(page, email);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page).toHaveURL(`${rig.server.url}/newsletter/check-your-inbox/`);
    expect(subscriberStatus(email)).toBe('pending');
  });

  test('with JavaScript: errors appear beside the fields, are announced, and keep the typed value', async ({
    browser,
  }) => {
    const { ip } = reader();
    const page = await openPage(browser, ip);
    await page.goto(`${rig.server.url}/newsletter/`);
    await page.getByLabel('Email address').fill('ann@example.com, bo@example.com');
    await waitForEnhancement(page);
    await page.getByRole('button', { name: 'Subscribe' }).click();

    const emailField = page.getByLabel('Email address');
    await expect(emailField).toHaveAttribute('aria-invalid', 'true');
    await expect(emailField).toBeFocused();
    await expect(emailField).toHaveValue('ann@example.com, bo@example.com');
    await expect(emailField).toHaveAccessibleDescription(/Enter just one email address/);
    await expect(page.getByRole('status')).toContainText('Enter just one email address.');
    await expect(page.getByRole('status')).toContainText('Tick the box');
    await expect(page).toHaveURL(`${rig.server.url}/newsletter/`);
    await expectNoAxeViolations(page);
  });
});

test.describe('confirmation links', () => {
  async function signUp(request: APIRequestContext, email: string, ip: string): Promise<ReceivedMail> {
    const response = await request.post(`${rig.server.url}/api/newsletter/subscribe`, {
      data: { email, consent: true, website: '' },
      headers: { 'X-Forwarded-For': ip },
    });
    expect(response.status()).toBe(202);
    expect(await response.json()).toEqual({ status: 'check-your-inbox' });
    return rig.smtp.waitForMail(email);
  }

  test('a GET of the confirm link alone confirms nothing', async ({ request }) => {
    const { ip, email } = reader();
    const link = linkIn(await signUp(request, email, ip), '/newsletter/confirm/');
    for (let i = 0; i < 3; i++) {
      const page = await request.get(link);
      expect(page.status()).toBe(200);
      expect(await page.text()).toContain('Confirm subscription');
    }
    expect((await request.head(link)).status()).toBe(200);
    expect(subscriberStatus(email)).toBe('pending');
  });

  test('a used link and an expired one each get a clear page with a way to sign up again', async ({
    browser,
    request,
  }) => {
    const { ip, email } = reader();
    const link = linkIn(await signUp(request, email, ip), '/newsletter/confirm/');
    const page = await openPage(browser, ip);
    await page.goto(link);
    await page.getByRole('button', { name: 'Confirm subscription' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are subscribed');
    await expectNoAxeViolations(page);

    const again = await page.goto(link);
    expect(again?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link has already been used');
    await expect(page.getByRole('link', { name: 'newsletter page' })).toHaveAttribute('href', '/newsletter/');
    await expectNoAxeViolations(page);

    const other = reader();
    const expiring = linkIn(await signUp(request, other.email, other.ip), '/newsletter/confirm/');
    const db = new DatabaseSync(join(rig.server.dataDir, 'newsletter.sqlite'), { timeout: 5_000 });
    db.prepare(
      'UPDATE confirm_tokens SET expires_at = ? WHERE subscriber_id = (SELECT id FROM subscribers WHERE email = ?)',
    ).run(Date.now() - 1, other.email);
    db.close();
    const expired = await page.goto(expiring);
    expect(expired?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link has expired');
    await expect(page.getByRole('heading', { name: 'Sign up again' })).toBeVisible();
    await expectNoAxeViolations(page);

    const bogus = await page.goto(`${rig.server.url}/newsletter/confirm/?token=${'x'.repeat(43)}`);
    expect(bogus?.status()).toBe(400);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
    expect(subscriberStatus(other.email)).toBe('pending');
  });

  test('an unsubscribe link with a changed signature unsubscribes no one', async ({ request }) => {
    const { ip, email } = reader();
    const mail = await signUp(request, email, ip);
    const link = new URL(linkIn(mail, '/newsletter/unsubscribe/'));
    const sig = link.searchParams.get('sig')!;
    link.searchParams.set('sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    const response = await request.post(link.href, { form: { 'List-Unsubscribe': 'One-Click' } });
    expect(response.status()).toBe(400);
    expect(subscriberStatus(email)).toBe('pending');
    // A cross-origin POST of the genuine link is refused by the origin check.
    const genuine = linkIn(mail, '/newsletter/unsubscribe/');
    const forged = await request.post(genuine, {
      form: { 'List-Unsubscribe': 'One-Click' },
      headers: { Origin: 'https://evil.example' },
    });
    expect(forged.status()).toBe(403);
    expect(subscriberStatus(email)).toBe('pending');
  });
});
