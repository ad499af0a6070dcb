// The newsletter pages checked with axe (WCAG 2.2 AA) in both colour schemes, on the production
// server with a real SMTP server on loopback so the emailed links can be followed.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { fillForm, openPage, reader, useNewsletterRig, waitForEnhancement } from './support/newsletter';
import { linkIn } from '../../scripts/support/smtp-sink.ts';

const rig = useNewsletterRig();

test.describe('signing up', () => {
  test('axe: 0 violations on the re-rendered no-JS form', async ({ browser }) => {
    // axe needs JavaScript, so the plain form is submitted natively from a page where the
    // enhancement never loaded (it loads on focus, and nothing here focuses the form).
    const page = await openPage(browser, reader().ip);
    await page.goto(`${rig.server.url}/newsletter/`);
    await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('form[data-newsletter-form]')!;
      (form.elements.namedItem('email') as HTMLInputElement).value = 'not an address';
      form.submit();
    });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your signup did not go through');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectNoAxeViolations(page);
    }
  });
});

test.describe('pages', () => {
  test('axe: 0 violations on the signup, check-your-inbox, confirm and unsubscribe pages', async ({ browser }) => {
    const { ip, email } = reader();
    const page = await openPage(browser, ip);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${rig.server.url}/newsletter/`);
      await expectNoAxeViolations(page);
      await page.goto(`${rig.server.url}/newsletter/check-your-inbox/`);
      await expectNoAxeViolations(page);
    }
    await page.goto(`${rig.server.url}/newsletter/`);
    await fillForm(page, email);
    await waitForEnhancement(page);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page.locator('[data-newsletter-success]')).toBeVisible();
    await expectNoAxeViolations(page);

    const mail = await rig.smtp.waitForMail(email);
    await page.goto(linkIn(mail, '/newsletter/confirm/'));
    await expectNoAxeViolations(page);
    await page.goto(linkIn(mail, '/newsletter/unsubscribe/'));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are unsubscribed');
    await expectNoAxeViolations(page);
    await page.goto(`${rig.server.url}/newsletter/unsubscribe/?id=nobody&sig=nothing`);
    await expectNoAxeViolations(page);
  });
});
